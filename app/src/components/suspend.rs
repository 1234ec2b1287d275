//! The one way to wait for data inside `<Suspense>` / `<Transition>`: [`suspend`].
//!
//! On the server, a `Suspense` walks its children once or twice before it renders them
//! ("dry resolve": leptos 0.8's `suspense_component.rs`), and each walk calls the
//! `move || Suspend::new(...)` closure again and polls the new future once. When the data
//! are already there, that poll runs the whole body: it builds the page's components, whose
//! resources fetch and take hydration ids, and throws them away. The browser builds the
//! page once, so its ids then point at other data, and hydration fails at random
//! ("unreachable code" in tachys's hydration.rs); the thrown-away resources also run after
//! their owner is gone, without the request's context ("AppState missing").
//!
//! [`suspend`] makes the server's body wait one turn of the scheduler before it starts, so
//! a dry walk never gets past that turn and the body runs once, when the Suspense renders
//! for real. The browser runs it at once, as before: it has the data from the server.

use std::future::Future;

use leptos::prelude::Suspend;

/// `Suspend::new(body)`, with a body that the server runs once per render.
pub fn suspend<T>(body: impl Future<Output = T> + Send + 'static) -> Suspend<T>
where
    T: Send + 'static,
{
    #[cfg(feature = "ssr")]
    let body = async move {
        leptos::task::tick().await;
        body.await
    };
    Suspend::new(body)
}

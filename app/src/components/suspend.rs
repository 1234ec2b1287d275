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
//! [`suspend`] makes the server's body answer `Pending` to its first poll, whatever the
//! threads are doing: a dry walk polls each new `Suspend` exactly once, so it never starts
//! the body, which runs once, when the Suspense renders for real. (Waiting for
//! `leptos::task::tick()` was not enough: on a multi-threaded runtime another worker could
//! run the tick's task before that same poll reached it, and the dry walk then ran the whole
//! body: the list pages' resources ran twice in 2 to 4 of 20 renders.) The browser runs the
//! body at once, as before: it has the data from the server.

use std::future::Future;

use leptos::prelude::Suspend;

/// `Suspend::new(body)`, with a body that the server runs once per render.
pub fn suspend<T>(body: impl Future<Output = T> + Send + 'static) -> Suspend<T>
where
    T: Send + 'static,
{
    #[cfg(feature = "ssr")]
    let body = async move {
        PendingOnce(false).await;
        body.await
    };
    Suspend::new(body)
}

/// `Pending` to the first poll (waking its task at once), `Ready` to the next: a barrier that
/// depends on nothing but the number of polls.
#[cfg(feature = "ssr")]
struct PendingOnce(bool);

#[cfg(feature = "ssr")]
impl Future for PendingOnce {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            return std::task::Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        std::task::Poll::Pending
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};

    /// A dry walk polls a new body once: it must not start, however fast other threads are
    /// (the tick the barrier used before could be done within that one poll).
    #[test]
    fn the_first_poll_never_starts_the_body_and_the_second_does() {
        let mut cx = Context::from_waker(Waker::noop());
        let mut started = false;
        let mut body = Box::pin(async {
            super::PendingOnce(false).await;
            started = true;
        });
        assert_eq!(body.as_mut().poll(&mut cx), Poll::Pending);
        assert_eq!(body.as_mut().poll(&mut cx), Poll::Ready(()));
        drop(body);
        assert!(started);
    }
}

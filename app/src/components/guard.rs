//! Pages for some roles only: others are sent to sign in, or told they have no access.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::ViewerResource;
use crate::components::error_panel::ErrorPanel;
use crate::components::suspend::suspend;
use crate::domain::account::{CurrentUser, Role};
use crate::error::AppError;
use crate::i18n::use_i18n;

/// Shows `children` to a signed-in user whose role is in `roles` (any role when empty).
#[component]
pub fn RequireRole(
    #[prop(optional)] roles: &'static [Role],
    children: ChildrenFn,
) -> impl IntoView {
    let viewer = expect_context::<ViewerResource>();
    let i18n = use_i18n();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let (user, must_enrol): (Option<CurrentUser>, bool) = match viewer.await {
                    Ok(v) => (v.user, v.must_enrol),
                    Err(AppError::Unauthenticated) => (None, false),
                    // Not knowing who is signed in (the database away) is not being signed
                    // out: say what happened, with its status, instead of a sign-in page.
                    Err(error) => return EitherOf3::C(view! { <ErrorPanel error /> }),
                };
                match user {
                    None => EitherOf3::A(view! { <Redirect path="/login" /> }),
                    // Role pages wait until the compulsory two-step sign-in is set up.
                    Some(_) if must_enrol && !roles.is_empty() => {
                        EitherOf3::A(view! { <Redirect path="/account" /> })
                    }
                    Some(user) if roles.is_empty() || roles.contains(&user.role) => {
                        provide_context(user);
                        EitherOf3::B(children.read_value()())
                    }
                    Some(_) => EitherOf3::C(view! { <ErrorPanel error=AppError::Forbidden /> }),
                }
            })}
        </Suspense>
    }
}

/// Until the first admin exists, the home and sign-in pages lead to the setup page. (Not the
/// 404 page: a redirect while rendering the fallback never finishes in leptos_axum 0.8.)
#[component]
pub fn SetupRedirect() -> impl IntoView {
    let viewer = expect_context::<ViewerResource>();
    view! {
        <Suspense>
            {move || suspend(async move {
                let needs_setup = viewer.await.map(|v| v.needs_setup).unwrap_or(false);
                needs_setup.then(|| view! { <Redirect path="/setup" /> })
            })}
        </Suspense>
    }
}

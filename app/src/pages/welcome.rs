use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::invitations::{AcceptInvitation, invitation_info};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{Field, FormError, action_error};
use crate::components::suspend::suspend;
use crate::i18n::use_i18n;

/// Where an invitation link leads: the invitee chooses a password.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let info = Resource::new(token, invitation_info);
    let action = ServerAction::<AcceptInvitation>::new();
    let error = action_error(action);
    view! {
        <Title text=move || i18n.t().welcome_title.to_owned() />
        // The link carries a secret: keep it out of search engines and other sites' logs.
        <Meta name="robots" content="noindex" />
        <Meta name="referrer" content="no-referrer" />
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                match info.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(invitation) => {
                        let role = invitation.role;
                        let intro = move || (i18n.t().welcome_intro)(
                            &invitation.display_name,
                            &invitation.email,
                            (i18n.t().role)(role),
                        );
                        view! {
                            <section class="card form-card" aria-labelledby="welcome-title">
                                <h1 id="welcome-title">{move || i18n.t().welcome_title}</h1>
                                <p>{intro}</p>
                                <ActionForm action=action>
                                    <FormError error />
                                    <input type="hidden" name="token" value=token />
                                    <Field id="welcome-password" name="password" field="password"
                                        kind="password" autocomplete="new-password"
                                        label=|t| t.field_new_password hint=|t| t.password_hint error />
                                    <button type="submit" class="btn btn--primary"
                                        disabled=move || action.pending().get()>
                                        {move || i18n.t().welcome_submit}
                                    </button>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

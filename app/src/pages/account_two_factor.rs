//! The two-step sign-in part of "my account": set up, recovery codes, turn off.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use crate::ViewerResource;
use crate::api::two_factor::{
    ConfirmTwoFactor, DisableTwoFactor, RenewRecoveryCodes, StartTwoFactor, two_factor_status,
};
use crate::components::form::{Field, FormError, action_error};
use crate::components::suspend::suspend;
use crate::i18n::use_i18n;

#[component]
pub fn TwoFactorSection() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = expect_context::<ViewerResource>();
    let start = ServerAction::<StartTwoFactor>::new();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let disable = ServerAction::<DisableTwoFactor>::new();
    let renew = ServerAction::<RenewRecoveryCodes>::new();
    // A refused code changes nothing: only a confirmation that went through asks the status
    // again, so the form (and what is typed in it) stays after a wrong code.
    let status = Resource::new(
        move || {
            (
                start.version().get(),
                confirm.value().with(|v| matches!(v, Some(Ok(_)))),
                disable.version().get(),
                renew.version().get(),
            )
        },
        |_| two_factor_status(),
    );
    // Recovery codes from the last confirmation or renewal: shown once.
    let codes = move || {
        let from = |v: Option<Result<Vec<String>, _>>| v.and_then(|r| r.ok());
        from(renew.value().get()).or_else(|| from(confirm.value().get()))
    };
    let start_error = action_error(start);
    let confirm_error = action_error(confirm);
    let disable_error = action_error(disable);
    let renew_error = action_error(renew);
    view! {
        <section class="card form-card" id="two-factor" aria-labelledby="two-factor-title">
            <h2 id="two-factor-title">{move || i18n.t().two_factor_title}</h2>
            <Suspense>
                {move || suspend(async move {
                    let must = viewer.await.map(|v| v.must_enrol).unwrap_or(false);
                    must.then(|| view! {
                        <p class="banner banner--warning" role="alert">{move || i18n.t().two_factor_must_enrol}</p>
                    })
                })}
            </Suspense>
            <p>{move || i18n.t().two_factor_explain}</p>
            {move || codes().map(|codes| view! {
                <div class="banner banner--ok" role="status">
                    <h3>{move || i18n.t().two_factor_codes_title}</h3>
                    <p>{move || i18n.t().two_factor_codes_intro}</p>
                    <ul class="codes" data-testid="recovery-codes">
                        {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                    </ul>
                </div>
            })}
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let Ok(state) = status.await else { return EitherOf3::A(()) };
                    if state.enabled {
                        EitherOf3::B(view! {
                            <p><strong>{move || i18n.t().two_factor_is_on}</strong>" "
                                {move || (i18n.t().two_factor_codes_left)(state.recovery_codes_left)}</p>
                            <ActionForm action=renew>
                                <FormError error=renew_error />
                                <Field id="renew-password" name="password" field="password" kind="password"
                                    autocomplete="current-password" label=|t| t.field_current_password error=renew_error />
                                <button type="submit" class="btn">{move || i18n.t().two_factor_renew_codes}</button>
                            </ActionForm>
                            {if state.required {
                                Either::Left(view! { <p class="muted">{move || i18n.t().two_factor_required_cannot_disable}</p> })
                            } else {
                                Either::Right(view! {
                                    <ActionForm action=disable>
                                        <FormError error=disable_error />
                                        <Field id="disable-password" name="password" field="password" kind="password"
                                            autocomplete="current-password" label=|t| t.field_current_password error=disable_error />
                                        <button type="submit" class="btn btn--danger">{move || i18n.t().two_factor_disable}</button>
                                    </ActionForm>
                                })
                            }}
                        })
                    } else {
                        EitherOf3::C(view! {
                            <p><strong>{move || i18n.t().two_factor_is_off}</strong></p>
                            <FormError error=start_error />
                            {match state.pending {
                                Some(enrolment) => Either::Left(view! {
                                    <p>{move || i18n.t().two_factor_scan}</p>
                                    <figure class="qr" role="img" aria-label=move || i18n.t().two_factor_qr_label
                                        inner_html=enrolment.qr_svg.clone()></figure>
                                    <p>{move || i18n.t().two_factor_key}": "
                                        <code data-testid="totp-secret">{enrolment.secret.clone()}</code></p>
                                    <ActionForm action=confirm>
                                        <FormError error=confirm_error />
                                        <Field id="confirm-code" name="code" field="code" autocomplete="one-time-code"
                                            label=|t| t.field_code error=confirm_error />
                                        <button type="submit" class="btn btn--primary">{move || i18n.t().two_factor_confirm}</button>
                                    </ActionForm>
                                }),
                                None => Either::Right(view! {
                                    <ActionForm action=start>
                                        <button type="submit" class="btn btn--primary">{move || i18n.t().two_factor_start}</button>
                                    </ActionForm>
                                }),
                            }}
                        })
                    }
                })}
            </Transition>
        </section>
    }
}

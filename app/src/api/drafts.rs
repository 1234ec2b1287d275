//! What a form sent without JavaScript held when the server refused it. The browser then
//! follows a redirect back to the form and would show it empty; instead the values wait in
//! the database (`db::drafts`, so that any server instance can show them) for a few minutes,
//! for the same browser and session only. With JavaScript the page keeps them itself and
//! nothing is stored.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// How long refused values wait for the page that shows them again.
pub const DRAFT_MINUTES: i64 = 15;

/// The forms whose refused values are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftForm {
    Intake,
    EditParticipant(i32),
    Application,
    NewBuddy,
    /// The evaluation conversation of a duo.
    Evaluation(i32),
    EditBuddy(i32),
    /// A new activity of a duo.
    PlanActivity(i32),
    RescheduleActivity(i32),
    CancelActivity(i32),
    CheckIn(i32),
    /// The public registration of a candidate participant.
    Registration,
    /// A stepping stone of the catalogue: a new one (`None`) or an edit.
    Offer(Option<i32>),
    /// The follow-up of a stepping-stone referral.
    FollowUp(i32),
    /// A new event.
    Event,
}

impl DraftForm {
    pub fn key(self) -> String {
        match self {
            DraftForm::Intake => "intake".to_owned(),
            DraftForm::EditParticipant(id) => format!("participant-{id}"),
            DraftForm::Application => "application".to_owned(),
            DraftForm::NewBuddy => "buddy".to_owned(),
            DraftForm::Evaluation(duo) => format!("evaluation-{duo}"),
            DraftForm::EditBuddy(id) => format!("buddy-{id}"),
            DraftForm::PlanActivity(duo) => format!("plan-{duo}"),
            DraftForm::RescheduleActivity(id) => format!("reschedule-{id}"),
            DraftForm::CancelActivity(id) => format!("cancel-{id}"),
            DraftForm::CheckIn(id) => format!("checkin-{id}"),
            DraftForm::Registration => "registration".to_owned(),
            DraftForm::Offer(None) => "stone-new".to_owned(),
            DraftForm::Offer(Some(id)) => format!("stone-{id}"),
            DraftForm::FollowUp(id) => format!("follow-up-{id}"),
            DraftForm::Event => "event-new".to_owned(),
        }
    }
}

/// The values last refused for `form` in this browser, as JSON.
#[server(endpoint = "load_draft")]
pub async fn load_draft(form: String) -> Result<Option<String>, AppError> {
    let cx = crate::api::ctx::Ctx::open::<LoadDraft>().await?;
    let Some(key) = crate::auth::session::existing_draft_key(&cx.state) else {
        return Ok(None);
    };
    let session = crate::auth::session::current_session_hash(&cx.state);
    crate::db::drafts::get(&cx.state.db, &key, &form, session.as_deref(), cx.now).await
}

/// The refused values of `form`, if there are any, else `fallback`.
pub async fn draft_or<F: DeserializeOwned>(form: DraftForm, fallback: F) -> F {
    match load_draft(form.key()).await {
        Ok(Some(json)) => serde_json::from_str(&json).unwrap_or(fallback),
        _ => fallback,
    }
}

#[cfg(feature = "ssr")]
pub use store::{keep_once, settle, take_once};

#[cfg(feature = "ssr")]
mod store {
    use chrono::{DateTime, Duration, Utc};
    use serde::Serialize;

    use super::{DRAFT_MINUTES, DraftForm};
    use crate::db::drafts::{self, Draft};
    use crate::error::AppError;
    use crate::state::AppState;

    /// How long a result waits for the page that shows it once.
    const ONCE_MINUTES: i64 = 5;

    fn once(what: &str) -> String {
        format!("once:{what}")
    }

    /// Keeps a result that a form sent without JavaScript cannot carry back (the browser
    /// follows a redirect), for the next page of this session to show once.
    pub async fn keep_once(
        state: &AppState,
        session: &str,
        what: &str,
        json: String,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let draft = Draft {
            browser_key: session,
            form: &once(what),
            session_hash: Some(session),
            body: json,
            expires_at: now + Duration::minutes(ONCE_MINUTES),
        };
        drafts::put(&state.db, draft, now).await
    }

    /// The result kept by [`keep_once`], removed on the way.
    pub async fn take_once(
        state: &AppState,
        session: &str,
        what: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, AppError> {
        drafts::take(&state.db, session, &once(what), Some(session), now).await
    }

    /// Passes `result` on; on the way keeps `values` when a form without JavaScript was
    /// refused, and forgets older refused values once the form went through. A failure of
    /// the store itself is logged and passes `result` on too: the form then shows empty.
    pub async fn settle<T, F: Serialize>(
        form: DraftForm,
        values: &F,
        result: Result<T, AppError>,
    ) -> Result<T, AppError> {
        // Also when the policy refused the call: there is no `Ctx` to take the state from.
        let Ok(state) = crate::api::ctx::render_state() else {
            return result;
        };
        // A failure of the store was logged where it arose (`AppError::internal`); the
        // form then shows empty, and the caller still gets its own answer.
        let _ = keep(&state, form, values, result.is_ok()).await;
        result
    }

    async fn keep<F: Serialize>(
        state: &AppState,
        form: DraftForm,
        values: &F,
        went_through: bool,
    ) -> Result<(), AppError> {
        use crate::auth::session;
        let form = form.key();
        if went_through {
            if let Some(key) = session::existing_draft_key(state) {
                drafts::remove(&state.db, &key, &form).await?;
            }
        } else if session::is_plain_form_post() {
            let key = session::draft_key(state, DRAFT_MINUTES)?;
            let session = session::current_session_hash(state);
            let now = state.clock.now();
            let draft = Draft {
                browser_key: &key,
                form: &form,
                session_hash: session.as_deref(),
                body: serde_json::to_string(values).map_err(AppError::internal)?,
                expires_at: now + Duration::minutes(DRAFT_MINUTES),
            };
            drafts::put(&state.db, draft, now).await?;
        }
        Ok(())
    }
}

//! What a form sent without JavaScript held when the server refused it. The browser then
//! follows a redirect back to the form and would show it empty; instead the values wait
//! here, in memory, for a few minutes, for the same browser (and session) only. With
//! JavaScript the page keeps them itself and nothing is stored.

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
    Ok(cx.state.drafts.get(&key, &form, session, cx.now))
}

/// The refused values of `form`, if there are any, else `fallback`.
pub async fn draft_or<F: DeserializeOwned>(form: DraftForm, fallback: F) -> F {
    match load_draft(form.key()).await {
        Ok(Some(json)) => serde_json::from_str(&json).unwrap_or(fallback),
        _ => fallback,
    }
}

#[cfg(feature = "ssr")]
pub use store::{FormDrafts, settle};

#[cfg(feature = "ssr")]
mod store {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    use chrono::{DateTime, Duration, Utc};
    use serde::Serialize;

    use super::{DRAFT_MINUTES, DraftForm};
    use crate::error::AppError;

    /// Bounds the memory a flood of refused posts can take.
    const MAX_DRAFTS: usize = 5_000;
    /// How long a result waits for the page that shows it once.
    const ONCE_MINUTES: i64 = 5;

    struct Draft {
        session: Option<String>,
        json: String,
        expires: DateTime<Utc>,
    }

    /// (browser key, form key) → values; shared by all requests of this server.
    #[derive(Clone, Default)]
    pub struct FormDrafts(Arc<Mutex<HashMap<(String, String), Draft>>>);

    impl FormDrafts {
        fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, String), Draft>> {
            self.0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        }

        fn put(&self, key: (String, String), draft: Draft, now: DateTime<Utc>) {
            let mut drafts = self.lock();
            drafts.retain(|_, d| d.expires > now);
            if drafts.len() < MAX_DRAFTS || drafts.contains_key(&key) {
                drafts.insert(key, draft);
            }
        }

        pub fn get(
            &self,
            key: &str,
            form: &str,
            session: Option<String>,
            now: DateTime<Utc>,
        ) -> Option<String> {
            let drafts = self.lock();
            drafts
                .get(&(key.to_owned(), form.to_owned()))
                .filter(|d| d.expires > now && d.session == session)
                .map(|d| d.json.clone())
        }

        fn remove(&self, key: &str, form: &str) {
            self.lock().remove(&(key.to_owned(), form.to_owned()));
        }

        /// Keeps a result that a form sent without JavaScript cannot carry back (the
        /// browser follows a redirect), for the next page of this session to show once.
        pub fn keep_once(&self, session: &str, what: &str, json: String, now: DateTime<Utc>) {
            let draft = Draft {
                session: Some(session.to_owned()),
                json,
                expires: now + Duration::minutes(ONCE_MINUTES),
            };
            self.put((session.to_owned(), format!("once:{what}")), draft, now);
        }

        /// The result kept by [`FormDrafts::keep_once`], removed on the way.
        pub fn take_once(&self, session: &str, what: &str, now: DateTime<Utc>) -> Option<String> {
            self.lock()
                .remove(&(session.to_owned(), format!("once:{what}")))
                .filter(|d| d.expires > now && d.session.as_deref() == Some(session))
                .map(|d| d.json)
        }
    }

    /// Passes `result` on; on the way keeps `values` when a form without JavaScript was
    /// refused, and forgets older refused values once the form went through.
    pub fn settle<T, F: Serialize>(
        form: DraftForm,
        values: &F,
        result: Result<T, AppError>,
    ) -> Result<T, AppError> {
        use crate::auth::session;
        // Also when the policy refused the call: there is no `Ctx` to take the state from.
        let Ok(state) = crate::api::ctx::render_state() else {
            return result;
        };
        let form = form.key();
        match &result {
            Ok(_) => {
                if let Some(key) = session::existing_draft_key(&state) {
                    state.drafts.remove(&key, &form);
                }
            }
            Err(_) if session::is_plain_form_post() => {
                let key = session::draft_key(&state, DRAFT_MINUTES)?;
                let json = serde_json::to_string(values).map_err(AppError::internal)?;
                let now = state.clock.now();
                let draft = Draft {
                    session: session::current_session_hash(&state),
                    json,
                    expires: now + Duration::minutes(DRAFT_MINUTES),
                };
                state.drafts.put((key, form), draft, now);
            }
            Err(_) => {}
        }
        result
    }
}

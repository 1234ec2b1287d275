//! (server only) The one way into a server function: [`Ctx::authorize`] asks the access
//! policy for the function `F` and hands back what every function needs — the state, the
//! user, the moment and the programme's date — and records audit rows with a typed kind of
//! record. It is the only way to reach [`AppState`] from a server function, so a function
//! that skips the policy does not compile.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::use_context;
use leptos::server_fn::ServerFn;

use crate::db::writes::WriteTxn;
use crate::domain::account::CurrentUser;
use crate::domain::audit::{AuditAction, Record};
use crate::domain::time::local_date;
use crate::error::AppError;
use crate::state::AppState;

/// A server function's context, for a caller that passed the policy; `U` is the signed-in
/// user ([`CurrentUser`]), or `Option<CurrentUser>` for public functions.
pub struct Ctx<U = CurrentUser> {
    pub state: AppState,
    pub user: U,
    pub now: DateTime<Utc>,
    /// The programme's date today, in its time zone.
    pub today: NaiveDate,
}

/// The request's state. Private: server functions get it through a [`Ctx`] only.
fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}

/// The request's state for render-time infrastructure that runs whether or not the policy
/// let the caller in (the draft store keeping a refused form's values). Never for a server
/// function's own work: that takes a [`Ctx`], so that it cannot skip the policy.
pub(crate) fn render_state() -> Result<AppState, AppError> {
    state()
}

impl<U> Ctx<U> {
    fn at(state: AppState, user: U) -> Self {
        let now = state.clock.now();
        let today = local_date(now, state.config.time_zone);
        Ctx {
            state,
            user,
            now,
            today,
        }
    }

    /// Begins a write transaction, in turn with the server's other writes.
    pub async fn begin(&self) -> Result<WriteTxn, AppError> {
        Ok(self.state.begin().await?)
    }

    /// Records `action` by `actor` rather than by the signed-in user: for the account that
    /// signing in finds, or for nobody (a visitor's application, a refused sign-in).
    pub async fn audit_by(
        &self,
        db: &impl crate::db::Connection,
        actor: Option<i32>,
        action: AuditAction,
        record: Option<Record>,
    ) -> Result<(), AppError> {
        crate::audit::record(&self.state, db, actor, action, record.map(|r| r.parts())).await
    }
}

impl Ctx<CurrentUser> {
    /// For a function whose rule needs a signed-in user: refuses everyone else.
    pub async fn authorize<F: ServerFn>() -> Result<Self, AppError> {
        let state = state()?;
        let user = crate::auth::policy::authorize_user::<F>(&state).await?;
        Ok(Ctx::at(state, user))
    }

    /// Records that the signed-in user did `action` to `record`, in `db` (the transaction
    /// of the change, or the connection for a read).
    pub async fn audit(
        &self,
        db: &impl crate::db::Connection,
        action: AuditAction,
        record: Record,
    ) -> Result<(), AppError> {
        self.audit_by(db, Some(self.user.id), action, Some(record))
            .await
    }

    /// The audit row of [`Ctx::audit`], for a change that writes it in one batch with itself.
    pub fn audit_row(
        &self,
        action: AuditAction,
        record: Record,
    ) -> crate::db::audit::NewRow<'static> {
        crate::audit::row(
            &self.state,
            Some(self.user.id),
            action,
            Some(record.parts()),
        )
    }
}

impl Ctx<Option<CurrentUser>> {
    /// For a public function (the rule says who): the user, if anyone is signed in.
    pub async fn open<F: ServerFn>() -> Result<Self, AppError> {
        let state = state()?;
        let user = crate::auth::policy::authorize::<F>(&state).await?;
        Ok(Ctx::at(state, user))
    }

    /// Records `action` by whoever is signed in (or nobody: a visitor).
    pub async fn audit(
        &self,
        db: &impl crate::db::Connection,
        action: AuditAction,
        record: Option<Record>,
    ) -> Result<(), AppError> {
        let actor = self.user.as_ref().map(|u| u.id);
        self.audit_by(db, actor, action, record).await
    }
}

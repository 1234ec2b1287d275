//! Buddies: the public application, applications entered by coordinators, the list, and
//! screening by the partner organisation. A screener sees only the candidates handed to
//! them.

use leptos::prelude::*;

use crate::domain::people::{ApplicationForm, BuddyDetail, BuddyRow, Paged};
use crate::error::AppError;

/// Checks an application against the lists.
#[cfg(feature = "ssr")]
async fn check_application(
    state: &crate::state::AppState,
    form: &ApplicationForm,
    public: bool,
) -> Result<crate::domain::people::Application, AppError> {
    use crate::domain::time::local_date;
    use crate::domain::validation::Problem;

    let today = local_date(state.clock.now(), state.config.time_zone);
    let lists = crate::db::lists::load(&state.db, false).await?;
    let problems = match form.check(today, public) {
        Ok(application) => {
            let p = &application.profile;
            let mut problems = Vec::new();
            if lists.municipality(p.municipality_id).is_none() {
                problems.push(("municipality_id".to_owned(), Problem::Invalid));
            }
            if p.interests.iter().any(|i| lists.interest(*i).is_none()) {
                problems.push(("interests".to_owned(), Problem::Invalid));
            }
            if p.personality
                .keys()
                .any(|s| !lists.scales.iter().any(|x| x.id == *s))
            {
                problems.push(("personality".to_owned(), Problem::Invalid));
            }
            if problems.is_empty() {
                return Ok(application);
            }
            problems
        }
        Err(problems) => problems,
    };
    Err(AppError::fields(problems))
}

/// Public: a volunteer applies. Robots (the hidden field) get a thank-you and nothing is
/// stored; one address may send a few applications an hour.
#[server(endpoint = "apply_as_buddy")]
pub async fn apply_as_buddy(form: ApplicationForm) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::time::local_date;

    let result: Result<(), AppError> = async {
        let state = crate::state::app_state()?;
        crate::auth::policy::authorize::<ApplyAsBuddy>(&state).await?;
        if form.is_spam() {
            leptos_axum::redirect("/become-a-buddy/thanks");
            return Ok(());
        }
        let application = check_application(&state, &form, true).await?;
        let ip = crate::auth::session::client_ip();
        let now = state.clock.now();
        if !crate::auth::throttle::allow_application(&state.db, &ip, now).await? {
            return Err(AppError::TooManyAttempts);
        }
        let today = local_date(now, state.config.time_zone);
        let txn = state.begin().await?;
        let id = crate::db::buddies::create(&txn, &application, None, today, now).await?;
        let record = Some((crate::db::buddies::KIND, id.to_string()));
        crate::audit::record(&state, &txn, None, AuditAction::Create, record).await?;
        txn.commit().await?;
        leptos_axum::redirect("/become-a-buddy/thanks");
        Ok(())
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::Application, &form, result)
}

/// A coordinator enters an application (from paper, a phone call).
#[server(endpoint = "create_buddy")]
pub async fn create_buddy(form: ApplicationForm) -> Result<i32, AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::time::local_date;

    let result: Result<i32, AppError> = async {
        let state = crate::state::app_state()?;
        let user = crate::auth::policy::authorize_user::<CreateBuddy>(&state).await?;
        let application = check_application(&state, &form, false).await?;
        let now = state.clock.now();
        let today = local_date(now, state.config.time_zone);
        let txn = state.begin().await?;
        let id = crate::db::buddies::create(&txn, &application, Some(user.id), today, now).await?;
        let record = Some((crate::db::buddies::KIND, id.to_string()));
        crate::audit::record(&state, &txn, Some(user.id), AuditAction::Create, record).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/buddies/{id}"));
        Ok(id)
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::NewBuddy, &form, result)
}

/// One page of the buddies list, filtered as the list page's form says. Coordinators see
/// every buddy; screeners only the candidates handed to them, whatever the filter.
#[server(endpoint = "list_buddies")]
pub async fn list_buddies(
    status: Option<String>,
    municipality: Option<i64>,
    interest: Option<i64>,
    name: Option<String>,
    sort: Option<String>,
    page: Option<u64>,
) -> Result<Paged<BuddyRow>, AppError> {
    use crate::domain::account::Role;
    use crate::domain::people::BuddyFilter;
    use crate::domain::time::local_date;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<ListBuddies>(&state).await?;
    let filter = BuddyFilter::read(
        status.as_deref(),
        municipality,
        interest,
        name.as_deref(),
        sort.as_deref(),
        page,
    )
    .map_err(|problem| AppError::fields(vec![problem]))?;
    let screener = (user.role == Role::Screener).then_some(user.id);
    let today = local_date(state.clock.now(), state.config.time_zone);
    crate::db::buddies::list(&state.db, &filter, screener, today).await
}

/// Saves an edited application; a stale `version` is a conflict and nothing is written.
#[server(endpoint = "update_buddy")]
pub async fn update_buddy(id: i32, version: i32, form: ApplicationForm) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;

    let result: Result<(), AppError> = async {
        let state = crate::state::app_state()?;
        let user = crate::auth::policy::authorize_user::<UpdateBuddy>(&state).await?;
        // Not the public form: no privacy notice to tick, and the robot trap does not apply.
        let application = check_application(&state, &form, false).await?;
        let txn = state.begin().await?;
        crate::db::buddies::update(&txn, id, version, &application, state.clock.now()).await?;
        let record = Some((crate::db::buddies::KIND, id.to_string()));
        crate::audit::record(&state, &txn, Some(user.id), AuditAction::Update, record).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/buddies/{id}"));
        Ok(())
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::EditBuddy(id), &form, result)
}

/// Ownership on top of the role rule: a screener only for the candidates handed to them.
#[cfg(feature = "ssr")]
async fn may_see(
    state: &crate::state::AppState,
    user: &crate::domain::account::CurrentUser,
    id: i32,
) -> Result<(), AppError> {
    use crate::domain::account::Role;
    if user.role == Role::Screener
        && crate::db::buddies::screener_of(&state.db, id).await? != Some(user.id)
    {
        // The same answer as for a buddy that does not exist: nothing is revealed.
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[server(endpoint = "get_buddy")]
pub async fn get_buddy(id: i32) -> Result<BuddyDetail, AppError> {
    use crate::domain::audit::AuditAction;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<GetBuddy>(&state).await?;
    may_see(&state, &user, id).await?;
    let detail = crate::db::buddies::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = Some((crate::db::buddies::KIND, id.to_string()));
    crate::audit::record(&state, &state.db, Some(user.id), AuditAction::Read, record).await?;
    Ok(detail)
}

/// The screeners a coordinator can hand a candidate to: (user id, name).
#[server(endpoint = "list_screeners")]
pub async fn list_screeners() -> Result<Vec<(i32, String)>, AppError> {
    use crate::domain::account::Role;

    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<ListScreeners>(&state).await?;
    Ok(crate::db::users::list(&state.db)
        .await?
        .into_iter()
        .filter(|u| u.role == Role::Screener && u.active)
        .map(|u| (u.id, u.display_name))
        .collect())
}

#[server(endpoint = "hand_to_screener")]
pub async fn hand_to_screener(id: i32, version: i32, screener: i32) -> Result<(), AppError> {
    use crate::domain::account::Role;
    use crate::domain::audit::AuditAction;
    use crate::domain::validation::Problem;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<HandToScreener>(&state).await?;
    let is_screener = crate::db::users::find(&state.db, screener)
        .await?
        .is_some_and(|u| u.role == Role::Screener && u.active);
    if !is_screener {
        return Err(AppError::validation("screener", Problem::Invalid));
    }
    let txn = state.begin().await?;
    crate::db::buddies::hand_to_screener(&txn, id, version, screener, user.id, state.clock.now())
        .await?;
    let record = Some((crate::db::buddies::KIND, id.to_string()));
    crate::audit::record(&state, &txn, Some(user.id), AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(())
}

/// The screener records the interview with a candidate handed to them.
#[server(endpoint = "record_screening")]
pub async fn record_screening(
    id: i32,
    version: i32,
    held_on: String,
    outcome: String,
    notes: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::people::NOTES_MAX;
    use crate::domain::people::ScreeningOutcome;
    use crate::domain::time::local_date;
    use crate::domain::validation::{Problem, text};

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<RecordScreening>(&state).await?;
    may_see(&state, &user, id).await?;
    let today = local_date(state.clock.now(), state.config.time_zone);
    let mut problems = Vec::new();
    let held_on = match chrono::NaiveDate::parse_from_str(held_on.trim(), "%Y-%m-%d") {
        Ok(d) if d <= today => Some(d),
        _ => {
            problems.push(("held_on".to_owned(), Problem::Invalid));
            None
        }
    };
    let outcome = ScreeningOutcome::from_code(outcome.trim());
    if outcome.is_none() {
        problems.push(("outcome".to_owned(), Problem::Required));
    }
    let notes = text(notes.as_deref().unwrap_or_default(), 0, NOTES_MAX)
        .map_err(|p| problems.push(("notes".to_owned(), p)))
        .unwrap_or_default();
    let (Some(held_on), Some(outcome)) = (held_on, outcome) else {
        return Err(AppError::fields(problems));
    };
    if !problems.is_empty() {
        return Err(AppError::fields(problems));
    }
    let txn = state.begin().await?;
    crate::db::buddies::record_screening(
        &txn,
        id,
        version,
        held_on,
        outcome,
        &notes,
        user.id,
        state.clock.now(),
    )
    .await?;
    let record = Some((crate::db::buddies::KIND, id.to_string()));
    crate::audit::record(&state, &txn, Some(user.id), AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(())
}

/// Public: the lists the application form needs (municipalities, interests, scales).
#[server(endpoint = "application_lists")]
pub async fn application_lists() -> Result<crate::domain::lists::Lists, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::policy::authorize::<ApplicationLists>(&state).await?;
    let all = crate::db::lists::load(&state.db, false).await?;
    // Only what the public form shows: no referral organisations or offers.
    Ok(crate::domain::lists::Lists {
        municipalities: all.municipalities,
        interests: all.interests,
        scales: all.scales,
        ..Default::default()
    })
}

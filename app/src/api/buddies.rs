//! Buddies: the public application, applications entered by coordinators, the list, and
//! screening by the partner organisation. A screener sees only the candidates handed to
//! them.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::people::{ApplicationForm, BuddyDetail, BuddyRow, Paged};
use crate::error::AppError;

/// Where the application came from: the campaign's code must be one Klik knows.
#[cfg(feature = "ssr")]
async fn check_source<U>(
    cx: &Ctx<U>,
    form: &ApplicationForm,
) -> Result<(Option<crate::domain::event::HeardVia>, Option<i32>), AppError> {
    use crate::domain::validation::Problem;
    let source = crate::domain::event::check_source(&form.heard_via, &form.campaign_code)
        .map_err(AppError::fields)?;
    let campaign = match &source.campaign_code {
        None => None,
        Some(code) => Some(
            crate::db::events::campaign_by_code(&cx.state.db, code)
                .await?
                .ok_or_else(|| AppError::validation("campaign_code", Problem::Invalid))?,
        ),
    };
    Ok((source.heard_via, campaign))
}

/// Checks an application against the lists.
#[cfg(feature = "ssr")]
async fn check_application<U>(
    cx: &Ctx<U>,
    form: &ApplicationForm,
    public: bool,
) -> Result<crate::domain::people::Application, AppError> {
    use crate::domain::validation::Problem;

    let lists = crate::db::lists::load(&cx.state.db, false).await?;
    let problems = match form.check(cx.today, public) {
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
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let result: Result<(), AppError> = async {
        let cx = Ctx::open::<ApplyAsBuddy>().await?;
        if form.is_spam() {
            leptos_axum::redirect("/become-a-buddy/thanks");
            return Ok(());
        }
        let application = check_application(&cx, &form, true).await?;
        let (heard_via, campaign) = check_source(&cx, &form).await?;
        let ip = crate::auth::session::client_ip();
        let now = cx.now;
        if !crate::auth::throttle::allow_application(&cx.state.db, &ip, now).await? {
            return Err(AppError::TooManyAttempts);
        }
        let txn = cx.begin().await?;
        let id = crate::db::buddies::create(&txn, &application, None, cx.today, now).await?;
        crate::db::events::set_source(&txn, id, heard_via, campaign).await?;
        // The volunteer applies, even when someone happens to be signed in.
        let record = Some(Record::new(RecordKind::Buddy, id));
        cx.audit_by(&txn, None, AuditAction::Create, record).await?;
        txn.commit().await?;
        leptos_axum::redirect("/become-a-buddy/thanks");
        Ok(())
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::Application, &form, result).await
}

/// A coordinator enters an application (from paper, a phone call).
#[server(endpoint = "create_buddy")]
pub async fn create_buddy(form: ApplicationForm) -> Result<i32, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let result: Result<i32, AppError> = async {
        let cx = Ctx::authorize::<CreateBuddy>().await?;
        let application = check_application(&cx, &form, false).await?;
        let txn = cx.begin().await?;
        let by = Some(cx.user.id);
        let id = crate::db::buddies::create(&txn, &application, by, cx.today, cx.now).await?;
        cx.audit(
            &txn,
            AuditAction::Create,
            Record::new(RecordKind::Buddy, id),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/buddies/{id}"));
        Ok(id)
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::NewBuddy, &form, result).await
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

    let cx = Ctx::authorize::<ListBuddies>().await?;
    let filter = BuddyFilter::read(
        status.as_deref(),
        municipality,
        interest,
        name.as_deref(),
        sort.as_deref(),
        page,
    )
    .map_err(|problem| AppError::fields(vec![problem]))?;
    let screener = (cx.user.role == Role::Screener).then_some(cx.user.id);
    crate::db::buddies::list(&cx.state.db, &filter, screener, cx.today).await
}

/// Saves an edited application; a stale `version` is a conflict and nothing is written.
#[server(endpoint = "update_buddy")]
pub async fn update_buddy(id: i32, version: i32, form: ApplicationForm) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let result: Result<(), AppError> = async {
        let cx = Ctx::authorize::<UpdateBuddy>().await?;
        // Not the public form: no privacy notice to tick, and the robot trap does not apply.
        let application = check_application(&cx, &form, false).await?;
        let txn = cx.begin().await?;
        crate::db::buddies::update(&txn, id, version, &application, cx.now).await?;
        cx.audit(
            &txn,
            AuditAction::Update,
            Record::new(RecordKind::Buddy, id),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/buddies/{id}"));
        Ok(())
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::EditBuddy(id), &form, result).await
}

/// Ownership on top of the role rule: a screener only for the candidates handed to them.
#[cfg(feature = "ssr")]
async fn may_see(cx: &Ctx, id: i32) -> Result<(), AppError> {
    use crate::domain::account::Role;
    let user = &cx.user;
    if user.role == Role::Screener
        && crate::db::buddies::screener_of(&cx.state.db, id).await? != Some(user.id)
    {
        // The same answer as for a buddy that does not exist: nothing is revealed.
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[server(endpoint = "get_buddy")]
pub async fn get_buddy(id: i32) -> Result<BuddyDetail, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<GetBuddy>().await?;
    may_see(&cx, id).await?;
    let db = &cx.state.db;
    let detail = crate::db::buddies::find(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    cx.audit(db, AuditAction::Read, Record::new(RecordKind::Buddy, id))
        .await?;
    Ok(detail)
}

/// The screeners a coordinator can hand a candidate to: (user id, name).
#[server(endpoint = "list_screeners")]
pub async fn list_screeners() -> Result<Vec<(i32, String)>, AppError> {
    use crate::domain::account::Role;

    let cx = Ctx::authorize::<ListScreeners>().await?;
    Ok(crate::db::users::list(&cx.state.db)
        .await?
        .into_iter()
        .filter(|u| u.role == Role::Screener && u.active)
        .map(|u| (u.id, u.display_name))
        .collect())
}

#[server(endpoint = "hand_to_screener")]
pub async fn hand_to_screener(id: i32, version: i32, screener: i32) -> Result<(), AppError> {
    use crate::domain::account::Role;
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::validation::Problem;

    let cx = Ctx::authorize::<HandToScreener>().await?;
    let is_screener = crate::db::users::find(&cx.state.db, screener)
        .await?
        .is_some_and(|u| u.role == Role::Screener && u.active);
    if !is_screener {
        return Err(AppError::validation("screener", Problem::Invalid));
    }
    let txn = cx.begin().await?;
    crate::db::buddies::hand_to_screener(&txn, id, version, screener, cx.user.id, cx.now).await?;
    cx.audit(
        &txn,
        AuditAction::Update,
        Record::new(RecordKind::Buddy, id),
    )
    .await?;
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
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::people::ScreeningForm;

    let cx = Ctx::authorize::<RecordScreening>().await?;
    may_see(&cx, id).await?;
    let form = ScreeningForm {
        held_on,
        outcome,
        notes: notes.unwrap_or_default(),
    };
    let s = form.check(cx.today).map_err(AppError::fields)?;
    let txn = cx.begin().await?;
    crate::db::buddies::record_screening(
        &txn, id, version, s.held_on, s.outcome, &s.notes, cx.user.id, cx.now,
    )
    .await?;
    cx.audit(
        &txn,
        AuditAction::Update,
        Record::new(RecordKind::Buddy, id),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Public: the lists the application form needs (municipalities, interests, scales).
#[server(endpoint = "application_lists")]
pub async fn application_lists() -> Result<crate::domain::lists::Lists, AppError> {
    let cx = Ctx::open::<ApplicationLists>().await?;
    let all = crate::db::lists::load(&cx.state.db, false).await?;
    // Only what the public form shows: no referral organisations or offers.
    Ok(crate::domain::lists::Lists {
        municipalities: all.municipalities,
        interests: all.interests,
        scales: all.scales,
        ..Default::default()
    })
}

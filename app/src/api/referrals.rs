//! Referrals of a participant to stepping stones, and their follow-up. A referral is part of
//! the participant's file: reading and changing it is audited.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::referral::{FollowUpForm, ReferralForm, ReferralView};
use crate::error::AppError;

/// A participant's referrals, newest first.
#[server(endpoint = "participant_referrals")]
pub async fn participant_referrals(id: i32) -> Result<Vec<ReferralView>, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<ParticipantReferrals>().await?;
    let db = &cx.state.db;
    let found = crate::db::referrals::for_participant(db, id).await?;
    for r in &found {
        cx.audit(
            db,
            AuditAction::Read,
            Record::new(RecordKind::Referral, r.id),
        )
        .await?;
    }
    Ok(found)
}

/// Refers participant `id` to a stepping stone that can still be joined; the follow-up falls
/// due after the admins' number of weeks.
#[server(endpoint = "refer_to_stone")]
pub async fn refer_to_stone(id: i32, form: ReferralForm) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<ReferToStone>().await?;
    let db = &cx.state.db;
    if crate::db::matching::participant(db, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let offers = crate::db::stepping_stones::all(db, true).await?;
    let weeks = crate::db::settings::follow_up_weeks(db).await?;
    let referral = form
        .check(cx.today, weeks, &offers)
        .map_err(AppError::fields)?;
    let txn = cx.begin().await?;
    let rid = crate::db::referrals::create(&txn, id, &referral, cx.user.id, cx.now).await?;
    cx.audit(
        &txn,
        AuditAction::Create,
        Record::new(RecordKind::Referral, rid),
    )
    .await?;
    txn.commit().await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect(&format!("/participants/{id}#referrals"));
    }
    Ok(())
}

/// Records how referral `id` (read at `version`) went; once only.
#[server(endpoint = "record_follow_up")]
pub async fn record_follow_up(id: i32, version: i32, form: FollowUpForm) -> Result<(), AppError> {
    use crate::api::drafts::{DraftForm, settle};
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let result: Result<(), AppError> = async {
        let cx = Ctx::authorize::<RecordFollowUp>().await?;
        let referral = crate::db::referrals::find(&cx.state.db, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let answer = form
            .check(referral.on, cx.today)
            .map_err(AppError::fields)?;
        let txn = cx.begin().await?;
        crate::db::referrals::follow_up(&txn, id, version, &answer, cx.user.id).await?;
        cx.audit(
            &txn,
            AuditAction::Update,
            Record::new(RecordKind::Referral, id),
        )
        .await?;
        txn.commit().await?;
        if crate::auth::session::is_plain_form_post() {
            let to = format!("/participants/{}#referrals", referral.participant_id);
            leptos_axum::redirect(&to);
        }
        Ok(())
    }
    .await;
    settle(DraftForm::FollowUp(id), &form, result).await
}

/// Follow-ups due today or earlier, for the coordinator's home.
#[server(endpoint = "due_follow_ups")]
pub async fn due_follow_ups() -> Result<Vec<ReferralView>, AppError> {
    let cx = Ctx::authorize::<DueFollowUps>().await?;
    crate::db::referrals::due(&cx.state.db, cx.today).await
}

/// The take-home sheet of participant `id`: their chosen stepping stones, their first name,
/// the programme's name and phone number. Reading it is audited.
#[server(endpoint = "take_home_sheet")]
pub async fn take_home_sheet(id: i32) -> Result<crate::domain::referral::StoneSheet, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::referral::{StoneSheet, chosen};

    let cx = Ctx::authorize::<TakeHomeSheet>().await?;
    let db = &cx.state.db;
    let (person, _) = crate::db::matching::participant(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    cx.audit(
        db,
        AuditAction::Read,
        Record::new(RecordKind::Participant, id),
    )
    .await?;
    let referrals = crate::db::referrals::for_participant(db, id).await?;
    let lists = crate::db::lists::load(db, true).await?;
    let offers = crate::db::stepping_stones::all(db, true).await?;
    let stones = chosen(&referrals)
        .into_iter()
        .filter_map(|sid| offers.iter().find(|o| o.id == sid).cloned())
        .map(|o| {
            let town = o
                .municipality_id
                .and_then(|m| lists.municipality(m))
                .map(|m| m.name.clone());
            (o, town)
        })
        .collect();
    Ok(StoneSheet {
        first_name: person.first_name,
        programme: crate::db::settings::programme_name(db, &cx.state.config.programme_name).await?,
        phone: crate::db::settings::first_steps(db).await?.0.phone,
        stones,
    })
}

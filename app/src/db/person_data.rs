//! Everything Klik holds about one person, gathered for their request (see
//! `domain::person_data`): a participant, a buddy or candidate, or a user account.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::entities::{
    activity, activity_kind, buddy, calendar_feed, duo, evaluation, login_attempt, outbox,
    participant, participant_contact, recovery_code, referral, registration, session,
    stepping_stone, user,
};
use super::participants::parse;
use super::{decode, decode_opt};
use crate::domain::audit::kind as subject;
use crate::domain::duo::Agreement;
use crate::domain::person_data::{
    AccountData, ActivityData, BuddyData, ContactData, DuoData, EvaluationData, MailData,
    ParticipantData, ReferralData, RegistrationData, SessionData, SignInData, UserData,
};
use crate::domain::privacy::PersonKind;
use crate::domain::profile::Profile;
use crate::error::AppError;

/// Everything Klik holds about participant `id`.
pub async fn participant_data(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Result<ParticipantData, AppError> {
    let row = participant::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile: Profile = parse(&row.profile)?;
    let lists = super::lists::load(db, true).await?;
    let stones = stone_titles(db).await?;

    let contacts = participant_contact::Entity::find()
        .filter(participant_contact::Column::ParticipantId.eq(id))
        .order_by_asc(participant_contact::Column::On)
        .all(db)
        .await?
        .into_iter()
        .map(|c| ContactData {
            on: c.on,
            stepping_stone: c.stepping_stone_id.and_then(|s| stones.get(&s).cloned()),
            note: c.note,
        })
        .collect();
    let registrations = registration::Entity::find()
        .filter(super::privacy::of_registration(id))
        .order_by_asc(registration::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(RegistrationData {
                registered_on: r.registered_on,
                registered_by: decode("registration", "registered_by", &r.registered_by)?,
                first_name: r.first_name,
                last_name: r.last_name,
                phone: r.phone,
                email: r.email,
                care_worker_name: r.care_worker_name,
                care_worker_phone: r.care_worker_phone,
                care_worker_email: r.care_worker_email,
                note: r.note,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let referrals = referral::Entity::find()
        .filter(referral::Column::ParticipantId.eq(id))
        .order_by_asc(referral::Column::ReferredOn)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(ReferralData {
                stepping_stone: stones
                    .get(&r.stepping_stone_id)
                    .cloned()
                    .unwrap_or_default(),
                way: decode("referral", "way", &r.way)?,
                referred_on: r.referred_on,
                outcome: decode_opt("referral", "outcome", r.outcome.as_deref())?,
                reason: decode_opt("referral", "reason", r.reason.as_deref())?,
                note: r.note,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(ParticipantData {
        id,
        exported_at: now,
        status: decode("participant", "status", &row.status)?,
        municipality: lists
            .municipality(profile.municipality_id)
            .map(|m| m.name.clone())
            .unwrap_or_default(),
        interests: profile
            .interests
            .iter()
            .filter_map(|i| lists.interest(*i).map(|n| n.name.clone()))
            .collect(),
        intake_date: row.intake_date,
        waiting_since: row.waiting_since,
        last_contact_on: row.last_contact_on,
        referral_organisation: row.referral_organisation_id.and_then(|o| {
            lists
                .referral_organisations
                .iter()
                .find(|n| n.id == i64::from(o))
                .map(|n| n.name.clone())
        }),
        referral_contact: row.referral_contact,
        support_contact: row.support_contact,
        coordinator_notes: row.coordinator_notes,
        consent: parse(&row.consent)?,
        erased_on: row.erased_on,
        status_history: super::timeline::list(db, subject::PARTICIPANT, id).await?,
        contacts,
        registrations,
        duos: duos(db, PersonKind::Participant, id).await?,
        events: super::events::of_person(db, id, true, tz).await?,
        referrals,
        mails: mails_to(db, profile.email.as_slice()).await?,
        trail: super::audit::trail(db, subject::PARTICIPANT, &id.to_string()).await?,
        profile,
    })
}

/// Everything Klik holds about buddy (or candidate) `id`.
pub async fn buddy_data(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Result<BuddyData, AppError> {
    let row = buddy::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = super::buddies::find(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lists = super::lists::load(db, true).await?;
    let profile = &record.application.profile;
    let account = match row.user_id {
        Some(uid) => Some(account_data(db, uid).await?),
        None => None,
    };
    let mut addresses: Vec<String> = profile.email.iter().cloned().collect();
    addresses.extend(account.as_ref().map(|a| a.account.email.clone()));
    let feed = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::BuddyId.eq(id))
        .one(db)
        .await?;
    Ok(BuddyData {
        exported_at: now,
        municipality: lists
            .municipality(profile.municipality_id)
            .map(|m| m.name.clone())
            .unwrap_or_default(),
        interests: profile
            .interests
            .iter()
            .filter_map(|i| lists.interest(*i).map(|n| n.name.clone()))
            .collect(),
        coordinator_notes: row.coordinator_notes,
        duos: duos(db, PersonKind::Buddy, id).await?,
        events: super::events::of_person(db, id, false, tz).await?,
        heard_via: super::decode_opt("buddy", "heard_via", row.heard_via.as_deref())?,
        account,
        calendar_feed_since: feed.map(|f| f.created_at),
        mails: mails_to(db, &addresses).await?,
        trail: super::audit::trail(db, subject::BUDDY, &id.to_string()).await?,
        record,
    })
}

/// Everything Klik holds about user account `id`.
pub async fn user_data(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> Result<UserData, AppError> {
    let account = account_data(db, id).await?;
    let buddy_id = super::buddies::id_of_user(db, id).await?;
    let actions = super::audit::actions_of(db, id).await?;
    Ok(UserData {
        exported_at: now,
        buddy_id,
        mails: mails_to(db, std::slice::from_ref(&account.account.email)).await?,
        actions,
        trail: super::audit::trail(db, subject::USER, &id.to_string()).await?,
        account,
    })
}

/// The account without its secrets: sessions, the recovery codes left, and the sign-in
/// attempts made with its address.
async fn account_data(db: &impl ConnectionTrait, id: i32) -> Result<AccountData, AppError> {
    let row = user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let created_at = row.created_at;
    let language = row.language.clone();
    let email_hash = crate::auth::token::hash_token(&row.email.trim().to_lowercase());
    let account = super::users::from_model(row)?;
    let sessions = session::Entity::find()
        .filter(session::Column::UserId.eq(id))
        .order_by_asc(session::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| SessionData {
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            device: s.device,
        })
        .collect();
    let recovery_codes_left = recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .all(db)
        .await?
        .len();
    let sign_ins = login_attempt::Entity::find()
        .filter(login_attempt::Column::EmailHash.eq(email_hash))
        .order_by_asc(login_attempt::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| SignInData {
            at: a.at,
            ip: a.ip,
            success: a.success,
        })
        .collect();
    Ok(AccountData {
        account,
        created_at,
        sessions,
        recovery_codes_left: u32::try_from(recovery_codes_left).unwrap_or(u32::MAX),
        sign_ins,
        language,
    })
}

/// The duos of participant or buddy `id`, each with the other person's first name only. A
/// buddy's copy leaves out the coordinator's notes on evaluations and the end, which describe
/// the participant too.
async fn duos(
    db: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
) -> Result<Vec<DuoData>, AppError> {
    let own = match kind {
        PersonKind::Participant => duo::Column::ParticipantId,
        PersonKind::Buddy => duo::Column::BuddyId,
    };
    let rows = duo::Entity::find()
        .filter(own.eq(id))
        .order_by_asc(duo::Column::Id)
        .all(db)
        .await?;
    let others: Vec<i32> = rows
        .iter()
        .map(|d| match kind {
            PersonKind::Participant => d.buddy_id,
            PersonKind::Buddy => d.participant_id,
        })
        .collect();
    let names: HashMap<i32, String> = match kind {
        PersonKind::Participant => buddy::Entity::find()
            .filter(buddy::Column::Id.is_in(others.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|b| (b.id, b.first_name))
            .collect(),
        PersonKind::Buddy => participant::Entity::find()
            .filter(participant::Column::Id.is_in(others.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.first_name))
            .collect(),
    };
    let kinds: HashMap<i32, String> = activity_kind::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|k| (k.id, k.name))
        .collect();
    let own_notes = kind == PersonKind::Participant;
    let mut duos = Vec::new();
    for (d, other) in rows.into_iter().zip(others) {
        let activities = activity::Entity::find()
            .filter(activity::Column::DuoId.eq(d.id))
            .order_by_asc(activity::Column::StartsAt)
            .all(db)
            .await?
            .into_iter()
            .map(|a| {
                Ok(ActivityData {
                    starts_at: a.starts_at,
                    kind: kinds.get(&a.kind_id).cloned().unwrap_or_default(),
                    status: decode("activity", "status", &a.status)?,
                    place: a.place,
                    note: a.note,
                    cancel_reason: a.cancel_reason,
                    checkin_mood: a.checkin_mood,
                    checkin_note: a.checkin_note,
                })
            })
            .collect::<Result<_, AppError>>()?;
        let evaluations = evaluation::Entity::find()
            .filter(evaluation::Column::DuoId.eq(d.id))
            .order_by_asc(evaluation::Column::DueOn)
            .all(db)
            .await?
            .into_iter()
            .map(|e| {
                Ok(EvaluationData {
                    due_on: e.due_on,
                    held_on: e.held_on,
                    outcome: decode_opt("evaluation", "outcome", e.outcome.as_deref())?,
                    notes: if own_notes { e.notes } else { String::new() },
                })
            })
            .collect::<Result<_, AppError>>()?;
        let agreement_note = match &d.agreement {
            Some(text) => Some(parse::<Agreement>(text)?.note),
            None => None,
        };
        duos.push(DuoData {
            other_first_name: names.get(&other).cloned().unwrap_or_default(),
            stage: decode("duo", "stage", &d.stage)?,
            proposed_on: d.proposed_on,
            signed_on: d.signed_on,
            ended_on: d.ended_on,
            end_reason: decode_opt("duo", "end_reason", d.end_reason.as_deref())?,
            end_note: d.end_note.filter(|_| own_notes),
            agreement_note,
            activities,
            evaluations,
        });
    }
    Ok(duos)
}

/// Mails sent to any of `addresses` (as typed; empty ones ignored), oldest first.
async fn mails_to(
    db: &impl ConnectionTrait,
    addresses: &[String],
) -> Result<Vec<MailData>, AppError> {
    let addresses: Vec<&str> = addresses
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if addresses.is_empty() {
        return Ok(Vec::new());
    }
    outbox::Entity::find()
        .filter(outbox::Column::ToAddress.is_in(addresses))
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            Ok(MailData {
                created_at: m.created_at,
                sent_at: m.sent_at,
                status: decode("outbox", "status", &m.status)?,
                to: m.to_address,
                subject: m.subject,
                body: m.body,
            })
        })
        .collect()
}

/// Stepping stones' titles by id.
async fn stone_titles(db: &impl ConnectionTrait) -> Result<HashMap<i32, String>, AppError> {
    Ok(stepping_stone::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect())
}

//! The one access policy: which role may call which server function. Deny by default: a
//! server function without an entry here refuses everyone (and a test fails).

use leptos::server_fn::ServerFn;

use super::session::current_user;
use crate::api::{
    account, activities, admin_lists, audit, buddies, calendar, drafts, duos, events, import,
    invitations, lists, matching, outbox, participants, privacy, programme, referrals,
    registrations, reports, retention, settings, stepping_stones, two_factor, users,
};
use crate::domain::account::{ADMIN, BUDDY, CurrentUser, Role, SCREENER, STAFF, STAFF_ADMIN};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Anyone, signed in or not (sign-in itself, the language, the programme's name).
    Public,
    /// Any signed-in user, for their own account.
    SignedIn,
    /// Signed-in users with one of these roles.
    Roles(&'static [Role]),
}

/// Every server function and its rule. Ownership (a buddy's own duo, a screener's own
/// candidates) is checked inside the function, on top of this.
pub fn rules() -> Vec<(&'static str, Rule)> {
    vec![
        (programme::LoadProgramme::PATH, Rule::Public),
        (programme::SetLanguage::PATH, Rule::Public),
        (account::AuthStatus::PATH, Rule::Public),
        (account::SetupAdmin::PATH, Rule::Public),
        (account::Login::PATH, Rule::Public),
        (account::VerifySecondStep::PATH, Rule::Public),
        (invitations::InvitationInfo::PATH, Rule::Public),
        (invitations::AcceptInvitation::PATH, Rule::Public),
        (account::Logout::PATH, Rule::SignedIn),
        (account::ChangePassword::PATH, Rule::SignedIn),
        (account::MySessions::PATH, Rule::SignedIn),
        (account::MailLanguage::PATH, Rule::SignedIn),
        (account::EndSession::PATH, Rule::SignedIn),
        (two_factor::TwoFactorStatus::PATH, Rule::SignedIn),
        (two_factor::StartTwoFactor::PATH, Rule::SignedIn),
        (two_factor::ConfirmTwoFactor::PATH, Rule::SignedIn),
        (two_factor::DisableTwoFactor::PATH, Rule::SignedIn),
        (two_factor::RenewRecoveryCodes::PATH, Rule::SignedIn),
        (invitations::InviteUser::PATH, Rule::Roles(STAFF_ADMIN)),
        (invitations::RenewInvitation::PATH, Rule::Roles(STAFF_ADMIN)),
        (invitations::InviteBuddy::PATH, Rule::Roles(STAFF_ADMIN)),
        (lists::LoadLists::PATH, Rule::Roles(STAFF)),
        (matching::RankForBuddy::PATH, Rule::Roles(STAFF_ADMIN)),
        (matching::RankForParticipant::PATH, Rule::Roles(STAFF_ADMIN)),
        (matching::ProposeDuo::PATH, Rule::Roles(STAFF_ADMIN)),
        (matching::EstimateWaiting::PATH, Rule::Roles(STAFF_ADMIN)),
        (
            matching::EstimateTrackRecord::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (matching::ProposeForEveryone::PATH, Rule::Roles(STAFF_ADMIN)),
        (matching::MatchingWeights::PATH, Rule::Roles(ADMIN)),
        (matching::PreviewWeights::PATH, Rule::Roles(ADMIN)),
        (matching::SaveWeights::PATH, Rule::Roles(ADMIN)),
        (drafts::LoadDraft::PATH, Rule::Public),
        (duos::GetBoard::PATH, Rule::Roles(STAFF_ADMIN)),
        (duos::MoveDuo::PATH, Rule::Roles(STAFF_ADMIN)),
        (duos::GetDuo::PATH, Rule::Roles(STAFF_ADMIN)),
        (duos::RecordEvaluation::PATH, Rule::Roles(STAFF_ADMIN)),
        (duos::EvaluationsDue::PATH, Rule::Roles(STAFF_ADMIN)),
        (import::PreviewImport::PATH, Rule::Roles(STAFF_ADMIN)),
        (import::ConfirmImport::PATH, Rule::Roles(STAFF_ADMIN)),
        (import::ExportCsv::PATH, Rule::Roles(STAFF_ADMIN)),
        (admin_lists::AllLists::PATH, Rule::Roles(ADMIN)),
        (admin_lists::AddListEntry::PATH, Rule::Roles(ADMIN)),
        (admin_lists::SetListEntryActive::PATH, Rule::Roles(ADMIN)),
        (buddies::ApplyAsBuddy::PATH, Rule::Public),
        (registrations::RegistrationLists::PATH, Rule::Public),
        (registrations::RegisterParticipant::PATH, Rule::Public),
        (
            registrations::OpenRegistrations::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (
            registrations::GetRegistration::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (
            registrations::UpdateRegistration::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (
            registrations::RegistrationIntake::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (
            stepping_stones::StoneCatalogue::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (
            stepping_stones::StoneForEdit::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (stepping_stones::SaveStone::PATH, Rule::Roles(STAFF_ADMIN)),
        (stepping_stones::HideStone::PATH, Rule::Roles(ADMIN)),
        (reports::LoadReport::PATH, Rule::Roles(STAFF_ADMIN)),
        (reports::PartnerReport::PATH, Rule::Roles(SCREENER)),
        (
            stepping_stones::SuggestStones::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (
            referrals::ParticipantReferrals::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (referrals::ReferToStone::PATH, Rule::Roles(STAFF_ADMIN)),
        (referrals::RecordFollowUp::PATH, Rule::Roles(STAFF_ADMIN)),
        (referrals::DueFollowUps::PATH, Rule::Roles(STAFF_ADMIN)),
        (referrals::TakeHomeSheet::PATH, Rule::Roles(STAFF_ADMIN)),
        (settings::LoadFirstSteps::PATH, Rule::Roles(ADMIN)),
        (settings::SaveFirstSteps::PATH, Rule::Roles(ADMIN)),
        (buddies::ApplicationLists::PATH, Rule::Public),
        (buddies::CreateBuddy::PATH, Rule::Roles(STAFF_ADMIN)),
        (buddies::UpdateBuddy::PATH, Rule::Roles(STAFF_ADMIN)),
        (buddies::ListBuddies::PATH, Rule::Roles(STAFF)),
        (buddies::GetBuddy::PATH, Rule::Roles(STAFF)),
        (buddies::ListScreeners::PATH, Rule::Roles(STAFF_ADMIN)),
        (buddies::HandToScreener::PATH, Rule::Roles(STAFF_ADMIN)),
        (buddies::RecordScreening::PATH, Rule::Roles(STAFF)),
        (
            participants::ListParticipants::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (participants::GetParticipant::PATH, Rule::Roles(STAFF_ADMIN)),
        (
            participants::CreateParticipant::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (
            participants::UpdateParticipant::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (
            participants::ChangeParticipantStatus::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (participants::WaitingList::PATH, Rule::Roles(STAFF_ADMIN)),
        (privacy::PreviewErasure::PATH, Rule::Roles(STAFF_ADMIN)),
        (privacy::ErasePerson::PATH, Rule::Roles(STAFF_ADMIN)),
        (privacy::RecordTrail::PATH, Rule::Roles(STAFF_ADMIN)),
        (privacy::LoadParticipantData::PATH, Rule::Roles(STAFF_ADMIN)),
        (privacy::LoadBuddyData::PATH, Rule::Roles(STAFF_ADMIN)),
        (privacy::LoadUserData::PATH, Rule::Roles(ADMIN)),
        (privacy::LoadRegisters::PATH, Rule::Roles(ADMIN)),
        (
            retention::LoadRetentionOverview::PATH,
            Rule::Roles(STAFF_ADMIN),
        ),
        (retention::HoldRecord::PATH, Rule::Roles(STAFF_ADMIN)),
        (retention::LoadRetention::PATH, Rule::Roles(ADMIN)),
        (retention::SaveRetention::PATH, Rule::Roles(ADMIN)),
        (participants::RecordContact::PATH, Rule::Roles(STAFF_ADMIN)),
        (settings::SecuritySettings::PATH, Rule::Roles(ADMIN)),
        (settings::SetTwoFactorRequired::PATH, Rule::Roles(ADMIN)),
        (settings::LoadEvaluationPlan::PATH, Rule::Roles(ADMIN)),
        (settings::SaveEvaluationPlan::PATH, Rule::Roles(ADMIN)),
        (users::ListUsers::PATH, Rule::Roles(STAFF_ADMIN)),
        (users::UpdateUserAccess::PATH, Rule::Roles(ADMIN)),
        (users::EndUserSessions::PATH, Rule::Roles(ADMIN)),
        (audit::ListAudit::PATH, Rule::Roles(ADMIN)),
        (activities::BuddyHomeFn::PATH, Rule::Roles(BUDDY)),
        (activities::PlanPageFn::PATH, Rule::Roles(BUDDY)),
        (activities::GetActivity::PATH, Rule::Roles(BUDDY)),
        (activities::PlanActivity::PATH, Rule::Roles(BUDDY)),
        (activities::RescheduleActivity::PATH, Rule::Roles(BUDDY)),
        (activities::CancelActivity::PATH, Rule::Roles(BUDDY)),
        (activities::ConfirmActivity::PATH, Rule::Roles(BUDDY)),
        (activities::CheckInActivity::PATH, Rule::Roles(BUDDY)),
        (activities::CadenceWatchFn::PATH, Rule::Roles(STAFF_ADMIN)),
        (activities::DuoActivities::PATH, Rule::Roles(STAFF_ADMIN)),
        (activities::CadenceMargin::PATH, Rule::Roles(ADMIN)),
        (activities::SaveCadenceMargin::PATH, Rule::Roles(ADMIN)),
        (outbox::ListOutbox::PATH, Rule::Roles(ADMIN)),
        (calendar::CalendarStatus::PATH, Rule::Roles(BUDDY)),
        (calendar::RenewCalendar::PATH, Rule::Roles(BUDDY)),
        (calendar::RevokeCalendar::PATH, Rule::Roles(BUDDY)),
        (events::ListEvents::PATH, Rule::Roles(STAFF)),
        (events::CreateEvent::PATH, Rule::Roles(STAFF_ADMIN)),
        (events::GetEvent::PATH, Rule::Roles(STAFF)),
        (events::InviteToEvent::PATH, Rule::Roles(STAFF_ADMIN)),
        (events::InvitePerson::PATH, Rule::Roles(STAFF_ADMIN)),
        (events::RecordEventAnswer::PATH, Rule::Roles(STAFF_ADMIN)),
        (events::TickAttendance::PATH, Rule::Roles(STAFF)),
        (events::CancelEvent::PATH, Rule::Roles(STAFF_ADMIN)),
        (events::MyInvitations::PATH, Rule::Roles(BUDDY)),
        (events::AnswerInvitation::PATH, Rule::Roles(BUDDY)),
        (events::MissedIntervisionFn::PATH, Rule::Roles(STAFF_ADMIN)),
        (events::AnswerLinkInfo::PATH, Rule::Public),
        (events::AnswerByLink::PATH, Rule::Public),
        (events::PersonEvents::PATH, Rule::Roles(STAFF_ADMIN)),
        (events::EventLetters::PATH, Rule::Roles(STAFF_ADMIN)),
        (events::WalkInChoices::PATH, Rule::Roles(STAFF)),
        (events::AddWalkIn::PATH, Rule::Roles(STAFF)),
        (events::EventReminders::PATH, Rule::Roles(BUDDY)),
        (events::SetEventReminders::PATH, Rule::Roles(BUDDY)),
    ]
}

pub fn rule_for(path: &str) -> Option<Rule> {
    rules()
        .into_iter()
        .find(|(p, _)| *p == path)
        .map(|(_, r)| r)
}

/// Decides whether `rule` lets `user` in.
pub fn check(rule: Rule, user: Option<&CurrentUser>) -> Result<(), AppError> {
    match (rule, user) {
        (Rule::Public, _) => Ok(()),
        (_, None) => Err(AppError::Unauthenticated),
        (Rule::SignedIn, Some(_)) => Ok(()),
        (Rule::Roles(roles), Some(user)) if roles.contains(&user.role) => Ok(()),
        (Rule::Roles(_), Some(_)) => Err(AppError::Forbidden),
    }
}

/// The first call of every server function: finds the caller and applies the rule of `F`.
pub async fn authorize<F: ServerFn>(state: &AppState) -> Result<Option<CurrentUser>, AppError> {
    let Some(rule) = rule_for(F::PATH) else {
        tracing::error!(path = F::PATH, "server function without an access rule");
        return Err(AppError::Forbidden);
    };
    let user = current_user(state).await?;
    check(rule, user.as_ref())?;
    // Own-account functions stay open, so that the two-step sign-in can be set up.
    if let (Rule::Roles(_), Some(user)) = (rule, &user)
        && must_enrol(state, user).await?
    {
        return Err(AppError::TwoFactorRequired);
    }
    Ok(user)
}

/// Whether `user` must set up two-step sign-in before doing anything else: an admin made it
/// compulsory for their role and it is not on yet.
pub async fn must_enrol(state: &AppState, user: &CurrentUser) -> Result<bool, AppError> {
    if user.two_factor || !user.role.two_factor_expected() {
        return Ok(false);
    }
    use crate::db::settings::{TWO_FACTOR_REQUIRED, flag};
    Ok(flag(&state.reads, TWO_FACTOR_REQUIRED).await?.0)
}

/// As [`authorize_user`], for a plain axum route that answers on behalf of the server
/// function `F` (a download of what `F` shows): the same rule, the caller found by cookie.
pub async fn authorize_headers<F: ServerFn>(
    state: &AppState,
    headers: &http::HeaderMap,
) -> Result<CurrentUser, AppError> {
    let rule = rule_for(F::PATH).ok_or(AppError::Forbidden)?;
    let user = super::session::user_of_headers(state, headers).await?;
    check(rule, user.as_ref())?;
    let user = user.ok_or(AppError::Unauthenticated)?;
    if matches!(rule, Rule::Roles(_)) && must_enrol(state, &user).await? {
        return Err(AppError::TwoFactorRequired);
    }
    Ok(user)
}

/// As [`authorize`], for functions whose rule requires a signed-in user.
pub async fn authorize_user<F: ServerFn>(state: &AppState) -> Result<CurrentUser, AppError> {
    authorize::<F>(state)
        .await?
        .ok_or(AppError::Unauthenticated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role) -> CurrentUser {
        CurrentUser {
            id: 1,
            email: "a@example.be".into(),
            display_name: "A".into(),
            role,
            two_factor: false,
        }
    }

    #[test]
    fn rules_decide_by_role() {
        assert_eq!(check(Rule::Public, None), Ok(()));
        assert_eq!(check(Rule::SignedIn, None), Err(AppError::Unauthenticated));
        assert_eq!(check(Rule::SignedIn, Some(&user(Role::Buddy))), Ok(()));
        assert_eq!(check(Rule::Roles(ADMIN), Some(&user(Role::Admin))), Ok(()));
        assert_eq!(
            check(Rule::Roles(ADMIN), Some(&user(Role::Coordinator))),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            check(Rule::Roles(ADMIN), None),
            Err(AppError::Unauthenticated)
        );
    }

    #[test]
    fn every_path_has_one_rule() {
        let rules = rules();
        let mut paths: Vec<_> = rules.iter().map(|(p, _)| *p).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), rules.len());
    }
}

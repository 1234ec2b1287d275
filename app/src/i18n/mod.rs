//! Every text of the interface, in Dutch (the default) and English.
//!
//! One `Texts` struct holds every text as a field, and each language is one constant of it:
//! a text missing in a language, or a misspelt key in a component, is a compile error. Texts
//! that take values are plain functions, so word order can differ per language.

mod context;
mod en;
pub mod events;
pub mod explain;
pub mod explain_stones;
mod nl;
pub mod reports;

#[cfg(feature = "ssr")]
pub use context::request_lang;
pub use context::{I18n, provide_i18n, use_i18n};
use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::audit::AuditAction;
use crate::domain::validation::Problem;

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "klik_lang";

/// The language of what Klik writes for someone without a language of their own (a buddy
/// without an account, a participant): the programme's (Dutch). Accounts keep theirs
/// (`db::users::mail_language`).
pub fn recipient_lang() -> Lang {
    Lang::default()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

/// Stored on accounts (`user.language`) with the strict decoding of every stored code.
impl crate::domain::coded::Coded for Lang {
    fn all() -> &'static [Self] {
        &Lang::ALL
    }
    fn code(self) -> &'static str {
        Lang::code(self)
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// BCP 47 code, as used in `<html lang>` and in the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language offered by the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &nl::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }

    /// Reads the language from a `Cookie` header value; Dutch when absent or unknown.
    pub fn from_cookie_header(header: &str) -> Lang {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == LANG_COOKIE)
            .and_then(|(_, value)| Lang::from_code(value))
            .unwrap_or_default()
    }
}

/// One field per text of the interface.
pub struct Texts {
    /// The language these texts are in (for texts kept in a module of their own).
    pub lang: Lang,
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    /// Names of days (Monday first) and months, written out here rather than taken from
    /// chrono's locale tables, which would add every locale to the browser bundle.
    pub weekdays: [&'static str; 7],
    pub weekdays_short: [&'static str; 7],
    pub months: [&'static str; 12],
    pub months_short: [&'static str; 12],
    /// Who the buddy goes out with, when the participant did not share their first name.
    pub duo_partner: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_privacy: &'static str,
    /// Button text of the language switch, written in the other language.
    pub switch_language: &'static str,
    /// Accessible name of the language switch, written in the other language.
    pub switch_language_label: &'static str,
    pub loading: &'static str,
    pub footer: &'static str,

    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_today: fn(&str) -> String,
    pub home_cards_label: &'static str,
    pub home_card_intake_title: &'static str,
    pub home_card_intake_text: &'static str,
    pub home_card_matching_title: &'static str,
    pub home_card_matching_text: &'static str,
    pub home_card_followup_title: &'static str,
    pub home_card_followup_text: &'static str,
    pub home_card_privacy_title: &'static str,
    pub home_card_privacy_text: &'static str,

    pub privacy_title: &'static str,
    pub privacy_paragraphs: &'static [&'static str],

    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,

    pub error_title: &'static str,
    pub error_text: &'static str,
    pub error_reference: fn(&str) -> String,
    pub error_retry: &'static str,

    pub err_not_found: &'static str,
    pub err_forbidden: &'static str,
    pub err_unauthenticated: &'static str,
    pub err_conflict: &'static str,
    pub err_login_failed: &'static str,
    pub err_too_many_attempts: &'static str,
    pub err_too_large: fn(u32) -> String,
    pub err_internal: &'static str,
    pub err_unavailable: &'static str,
    pub err_request: &'static str,
    pub problem: fn(&Problem) -> String,

    pub nav_account: &'static str,
    pub nav_users: &'static str,
    pub nav_audit: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as_label: &'static str,
    pub field_email: &'static str,
    pub field_password: &'static str,
    pub field_name: &'static str,
    pub field_current_password: &'static str,
    pub field_new_password: &'static str,
    pub password_hint: &'static str,
    pub login_title: &'static str,
    pub login_intro: &'static str,
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_submit: &'static str,
    pub account_title: &'static str,
    pub account_language_title: &'static str,
    /// What the account's language is now: "Mails … in Dutch."
    pub account_language_now: fn(Lang) -> String,
    /// Makes the page's language the account's too.
    pub account_language_use_page: &'static str,
    pub password_change_title: &'static str,
    pub password_change_submit: &'static str,
    pub password_changed: &'static str,
    pub sessions_title: &'static str,
    pub session_this_device: &'static str,
    pub session_last_seen: &'static str,
    pub session_end: &'static str,
    pub unknown_device: &'static str,
    pub users_title: &'static str,
    pub col_name: &'static str,
    pub col_email: &'static str,
    pub col_role: &'static str,
    pub col_status: &'static str,
    pub col_actions: &'static str,
    pub status_active: &'static str,
    pub status_disabled: &'static str,
    pub status_invited: &'static str,
    pub user_disable: &'static str,
    pub user_enable: &'static str,
    pub user_end_sessions: &'static str,
    pub user_save_role: &'static str,
    pub saved: &'static str,
    pub audit_title: &'static str,
    pub audit_intro: &'static str,
    pub col_when: &'static str,
    pub col_who: &'static str,
    pub col_action: &'static str,
    pub col_record: &'static str,
    pub audit_filter_action: &'static str,
    pub audit_all_actions: &'static str,
    pub filter: &'static str,
    pub older: &'static str,
    pub nobody: &'static str,
    pub estimate_label: &'static str,
    pub estimate_limits: &'static str,
    /// The estimate's track record: (held per 100, estimates checked, people).
    pub estimate_track_record: fn(u32, u32, u32) -> String,
    /// Too little history to check the estimate: (estimates checked, needed).
    pub estimate_track_record_thin: fn(u32, u32) -> String,
    pub nav_board: &'static str,
    pub err_invalid_move: &'static str,
    pub board_title: &'static str,
    pub board_intro: &'static str,
    pub lane_candidates: &'static str,
    pub lane_waiting: &'static str,
    pub lane_buddies: &'static str,
    pub board_move: &'static str,
    pub board_move_to: &'static str,
    pub board_propose_with: &'static str,
    pub board_confirm: &'static str,
    pub board_cancel: &'static str,
    pub board_search: &'static str,
    pub board_all_places: &'static str,
    pub board_saved: &'static str,
    pub board_back: &'static str,
    pub board_pick: &'static str,
    pub board_blocked: &'static str,
    pub board_free_places: fn(u32) -> String,
    pub board_pair: fn(&str, &str) -> String,
    pub board_ended_count: fn(usize) -> String,
    pub board_grab: &'static str,
    /// (first name): the button that picks a card to pair from the keyboard.
    pub board_choose: fn(&str) -> String,
    /// The pick button's visible word (its full name is `board_choose`).
    pub board_choose_short: &'static str,
    /// (first name): said when the other side is sorted for the picked card.
    pub board_sorted_for: fn(&str) -> String,
    /// (first name of the picked card): opens the proposal for this card and the picked one.
    pub board_pair_with: fn(&str) -> String,
    /// (more to show)
    pub board_show_more: fn(usize) -> String,
    /// (shown, total)
    pub board_shown_of: fn(usize, usize) -> String,
    pub board_cannot: &'static str,
    pub nav_register: &'static str,
    pub register_title: &'static str,
    pub register_intro: &'static str,
    pub register_what_next: &'static str,
    pub register_submit: &'static str,
    pub register_who: &'static str,
    pub register_by_person: &'static str,
    pub register_by_care_worker: &'static str,
    pub register_person: &'static str,
    pub register_contact_hint: &'static str,
    pub register_care_worker: &'static str,
    pub register_care_worker_hint: &'static str,
    pub register_care_worker_name: &'static str,
    pub register_care_worker_phone: &'static str,
    pub register_care_worker_email: &'static str,
    pub register_receipt_hint: &'static str,
    pub register_more: &'static str,
    pub register_note: &'static str,
    pub register_privacy_text: &'static str,
    pub register_agreed: &'static str,
    pub register_organisation: &'static str,
    pub register_privacy_read: &'static str,
    pub register_thanks_title: &'static str,
    pub register_thanks_text: &'static str,
    /// (programme's name)
    pub register_mail_subject: fn(&str) -> String,
    /// (programme's name): the care worker's receipt, without personal details.
    pub register_mail_body: fn(&str) -> String,
    pub registrations_title: &'static str,
    pub registrations_none: &'static str,
    /// (organisation)
    pub registration_via: fn(&str) -> String,
    /// (date)
    pub registration_planned_on: fn(&str) -> String,
    /// (date)
    pub registration_due: fn(&str) -> String,
    pub registration_duplicate_chip: &'static str,
    pub registration_title: &'static str,
    /// (date, who registered)
    pub registration_registered: fn(&str, crate::domain::registration::RegisteredBy) -> String,
    pub registration_status: fn(crate::domain::registration::RegistrationStatus) -> &'static str,
    pub registration_duplicate_participant: &'static str,
    pub registration_duplicate_registration: &'static str,
    pub registration_duplicate_look: &'static str,
    pub registration_intake_title: &'static str,
    pub registration_plan_on: &'static str,
    pub registration_plan: &'static str,
    pub registration_do_intake: &'static str,
    pub registration_close: &'static str,
    pub registration_see_participant: &'static str,
    pub field_introduction_on: &'static str,
    pub field_signed_on: &'static str,
    pub field_participant_yes_on: &'static str,
    pub field_buddy_yes_on: &'static str,
    pub field_rhythm_min: &'static str,
    pub field_rhythm_max: &'static str,
    pub field_agreement_items: &'static str,
    pub field_agreement_note: &'static str,
    pub field_end_reason: &'static str,
    pub field_end_note: &'static str,
    pub field_ended_on: &'static str,
    pub smokes_chip: &'static str,
    pub edit_buddy_title: &'static str,
    pub col_approved: &'static str,
    pub buddy_sort: fn(crate::domain::people::BuddySort) -> &'static str,
    pub duo_stage: fn(crate::domain::duo::DuoStage) -> &'static str,
    pub end_reason: fn(crate::domain::duo::EndReason) -> &'static str,
    pub agreement_item: fn(crate::domain::duo::AgreementItem) -> &'static str,
    pub empty_list: &'static str,
    pub sign_in_needed: &'static str,
    pub err_two_factor_required: &'static str,
    pub err_expired: &'static str,
    pub invite_mail_subject: fn(&str) -> String,
    pub invite_mail_body: fn(&str, &str, &str, &str) -> String,
    pub login_code_title: &'static str,
    pub login_code_intro: &'static str,
    pub field_code: &'static str,
    pub login_code_hint: &'static str,
    pub login_code_submit: &'static str,
    pub login_start_over: &'static str,
    pub two_factor_title: &'static str,
    pub two_factor_explain: &'static str,
    pub two_factor_is_on: &'static str,
    pub two_factor_is_off: &'static str,
    pub two_factor_must_enrol: &'static str,
    pub two_factor_start: &'static str,
    pub two_factor_scan: &'static str,
    pub two_factor_key: &'static str,
    pub two_factor_qr_label: &'static str,
    pub two_factor_confirm: &'static str,
    pub two_factor_codes_title: &'static str,
    pub two_factor_codes_intro: &'static str,
    pub two_factor_codes_left: fn(u64) -> String,
    pub two_factor_disable: &'static str,
    pub two_factor_renew_codes: &'static str,
    pub two_factor_required_cannot_disable: &'static str,
    pub invite_title: &'static str,
    pub invite_intro: &'static str,
    pub invite_submit: &'static str,
    pub invite_link_title: &'static str,
    pub invite_link_text: fn(&str, &str) -> String,
    pub invite_renew: &'static str,
    pub welcome_title: &'static str,
    pub welcome_intro: fn(&str, &str, &str) -> String,
    pub welcome_submit: &'static str,
    pub nav_settings: &'static str,
    pub settings_title: &'static str,
    pub security_title: &'static str,
    pub two_factor_required_on: &'static str,
    pub two_factor_required_off: &'static str,
    pub two_factor_require: &'static str,
    pub two_factor_unrequire: &'static str,
    pub err_invalid_fields: fn(usize) -> String,
    pub nav_participants: &'static str,
    pub participants_title: &'static str,
    pub participants_new: &'static str,
    pub intake_title: &'static str,
    pub edit_participant_title: &'static str,
    pub section_person: &'static str,
    pub section_contact: &'static str,
    pub section_interests: &'static str,
    pub section_practical: &'static str,
    pub section_wishes: &'static str,
    pub section_referral: &'static str,
    pub section_consent: &'static str,
    pub field_first_name: &'static str,
    pub field_last_name: &'static str,
    pub field_birth_date: &'static str,
    pub field_gender: &'static str,
    pub field_municipality: &'static str,
    pub field_phone: &'static str,
    pub field_email_optional: &'static str,
    pub field_preferred_contact: &'static str,
    pub field_languages: &'static str,
    pub field_languages_hint: &'static str,
    pub field_interests: &'static str,
    pub field_personality: &'static str,
    pub field_smokes: &'static str,
    pub field_accepts_smoker: &'static str,
    pub field_availability: &'static str,
    pub field_max_travel_km: &'static str,
    pub field_travel_modes: &'static str,
    pub field_wish_genders: &'static str,
    pub field_wish_age_min: &'static str,
    pub field_wish_age_max: &'static str,
    pub field_wish_note: &'static str,
    pub field_intake_date: &'static str,
    pub field_referral_org: &'static str,
    pub field_referral_contact: &'static str,
    pub field_support_contact: &'static str,
    pub consent_text: &'static str,
    pub consent_matching: &'static str,
    pub consent_share_first_name: &'static str,
    pub consent_share_phone: &'static str,
    pub consent_share_interests: &'static str,
    pub field_coordinator_notes: &'static str,
    pub choose: &'static str,
    pub save: &'static str,
    pub filter_status: &'static str,
    pub filter_all: &'static str,
    pub filter_min_days: &'static str,
    pub filter_name: &'static str,
    pub sort_label: &'static str,
    pub col_age: &'static str,
    pub col_waiting: &'static str,
    pub col_last_contact: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub timeline_title: &'static str,
    pub status_change_title: &'static str,
    pub status_note: &'static str,
    pub status_reason: &'static str,
    pub status_reason_hint: &'static str,
    pub leave_reason: fn(crate::domain::people::LeaveReason) -> &'static str,
    /// A closing recorded before reasons were asked.
    pub leave_reason_none: &'static str,
    pub status_submit: &'static str,
    pub edit: &'static str,
    pub profile_title: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub days_waiting: fn(i64) -> String,
    pub results: fn(u64) -> String,
    pub page_of: fn(u64, u64) -> String,
    pub participant_status: fn(crate::domain::people::ParticipantStatus) -> &'static str,
    pub sort_name: fn(crate::domain::people::ParticipantSort) -> &'static str,
    pub contact_method: fn(crate::domain::profile::ContactMethod) -> &'static str,
    pub travel_mode: fn(crate::domain::profile::TravelMode) -> &'static str,
    pub nav_buddies: &'static str,
    pub nav_become_buddy: &'static str,
    pub section_motivation: &'static str,
    pub field_motivation: &'static str,
    pub field_capacity: &'static str,
    pub section_privacy: &'static str,
    pub application_privacy_text: &'static str,
    pub application_privacy_read: &'static str,
    pub application_title: &'static str,
    pub application_intro: &'static str,
    pub application_submit: &'static str,
    pub application_thanks_title: &'static str,
    pub application_thanks_text: &'static str,
    pub buddies_title: &'static str,
    pub buddies_new: &'static str,
    pub col_applied: &'static str,
    pub col_screener: &'static str,
    pub hand_to_screener_title: &'static str,
    pub hand_to_screener_submit: &'static str,
    pub screening_title: &'static str,
    pub field_screening_date: &'static str,
    pub field_screening_outcome: &'static str,
    pub screening_submit: &'static str,
    pub screenings_title: &'static str,
    pub buddy_status: fn(crate::domain::people::BuddyStatus) -> &'static str,
    pub screening_outcome: fn(crate::domain::people::ScreeningOutcome) -> &'static str,
    pub gender: fn(crate::domain::profile::Gender) -> &'static str,
    pub nav_waiting: &'static str,
    pub waiting_title: &'static str,
    pub waiting_intro: &'static str,
    pub waiting_summary: fn(usize, usize) -> String,
    pub contact_overdue: &'static str,
    pub contact_add: &'static str,
    pub contact_date: &'static str,
    pub contact_stepping_stone: &'static str,
    pub contact_plain: &'static str,
    pub nav_lists: &'static str,
    pub lists_title: &'static str,
    pub lists_intro: &'static str,
    pub list_add: &'static str,
    pub list_hide: &'static str,
    pub list_show: &'static str,
    pub list_scale_low: &'static str,
    pub list_scale_high: &'static str,
    pub list_postcode: &'static str,
    pub list_latitude: &'static str,
    pub list_longitude: &'static str,
    pub list_title: &'static str,
    pub list_provider: &'static str,
    pub list_place: &'static str,
    pub list_link: &'static str,
    pub list_name: fn(crate::domain::lists::ListKind) -> &'static str,
    pub nav_import: &'static str,
    pub import_title: &'static str,
    pub import_heading: &'static str,
    pub import_intro: &'static str,
    pub import_kind: &'static str,
    pub import_paste: &'static str,
    pub import_check: &'static str,
    pub import_report: &'static str,
    pub import_counts: fn(usize, usize) -> String,
    pub import_column: &'static str,
    pub import_field: &'static str,
    pub import_problems: &'static str,
    pub import_line: fn(usize) -> String,
    pub import_all: &'static str,
    pub import_valid_only: &'static str,
    pub import_done: fn(usize) -> String,
    pub export_heading: &'static str,
    pub export_prepare: &'static str,
    pub export_download: &'static str,
    pub import_field_name: fn(&str) -> &'static str,
    pub match_title: &'static str,
    pub match_link: &'static str,
    pub match_summary: fn(usize) -> String,
    pub match_score_label: fn(u8) -> String,
    pub match_excluded: fn(usize) -> String,
    pub match_compare: &'static str,
    pub match_compare_button: &'static str,
    pub match_compare_title: &'static str,
    pub match_compare_pick: &'static str,
    pub match_total: &'static str,
    pub match_propose: &'static str,
    pub match_proposed: &'static str,
    pub match_participant_title: &'static str,
    pub match_participant_link: &'static str,
    pub match_participant_summary: fn(usize) -> String,
    pub match_participant_excluded: fn(usize) -> String,
    pub everyone_title: &'static str,
    pub everyone_intro: &'static str,
    pub everyone_total: fn(usize, u32) -> String,
    pub everyone_unpaired: &'static str,
    pub everyone_unused: &'static str,
    pub everyone_none: &'static str,
    pub everyone_participant: &'static str,
    pub everyone_buddy: &'static str,
    pub nav_matching: &'static str,
    pub weights_title: &'static str,
    pub weights_link: &'static str,
    pub weights_intro: &'static str,
    /// A card or candidate whose long wait puts them first (`matching::priority`).
    pub priority_chip: &'static str,
    pub weights_full_days: &'static str,
    pub weights_priority_factor: &'static str,
    pub weights_preview: &'static str,
    pub weights_preview_title: &'static str,
    pub weights_changed: fn(usize, usize) -> String,
    pub weights_first_now: &'static str,
    pub weights_first_then: &'static str,
    pub weights_language_rule: &'static str,
    pub weights_language_required: &'static str,
    pub weights_language_scored: &'static str,
    pub weights_saved: &'static str,
    pub nobody_fits: &'static str,
    pub role: fn(Role) -> &'static str,
    pub audit_action: fn(AuditAction) -> &'static str,
    // Duo page, printable agreement, evaluation conversations.
    pub duo_title: &'static str,
    pub duo_participant_link: &'static str,
    pub duo_buddy_link: &'static str,
    pub duo_history_title: &'static str,
    pub duo_changes_title: &'static str,
    pub duo_step_proposal: &'static str,
    pub duo_by: fn(&str) -> String,
    pub duo_score_then: &'static str,
    pub duo_reasons_missing: &'static str,
    pub duo_step_introduction: &'static str,
    pub duo_planned: &'static str,
    pub duo_step_agreement: &'static str,
    pub duo_rhythm_label: &'static str,
    pub duo_rhythm: fn(u8, u8) -> String,
    pub duo_no_items: &'static str,
    pub duo_agreement_print: &'static str,
    pub duo_agreement_blank: &'static str,
    pub duo_step_evaluation: &'static str,
    pub duo_evaluation_due: fn(&str) -> String,
    pub duo_evaluation_held: fn(&str) -> String,
    pub duo_step_ending: &'static str,
    pub duo_next_step: &'static str,
    pub evaluation_outcome: fn(crate::domain::duo::EvaluationOutcome) -> &'static str,
    pub evaluation_form_title: fn(&str) -> String,
    pub field_held_on: &'static str,
    pub field_held_on_hint: &'static str,
    pub field_outcome: &'static str,
    pub field_evaluation_notes: &'static str,
    pub evaluation_save: &'static str,
    pub evaluation_saved: &'static str,
    pub err_duo_not_active: &'static str,
    pub agreement_title: &'static str,
    pub agreement_intro: fn(&str) -> String,
    pub agreement_participant: &'static str,
    pub agreement_buddy: &'static str,
    pub agreement_coordinator: &'static str,
    pub agreement_date: &'static str,
    pub agreement_rhythm_intro: &'static str,
    pub agreement_rhythm_blank: &'static str,
    pub agreement_checklist: &'static str,
    pub agreement_signatures: &'static str,
    pub agreement_signature: &'static str,
    pub agreement_print: &'static str,
    pub agreement_print_hint: &'static str,
    pub agreement_blank_note: &'static str,
    pub agreement_back: &'static str,
    pub agreement_checked: &'static str,
    pub agreement_unchecked: &'static str,
    pub home_due_title: &'static str,
    pub home_due_none: &'static str,
    pub home_due_late: &'static str,
    pub evaluation_plan_title: &'static str,
    pub evaluation_plan_intro: &'static str,
    pub field_first_after_months: &'static str,
    pub field_then_every_months: &'static str,
    pub evaluation_plan_saved: &'static str,
    // The buddy's phone and the cadence watch.
    pub buddy_home_title: &'static str,
    pub buddy_hello: fn(&str) -> String,
    pub buddy_not_linked: &'static str,
    pub buddy_no_duos: &'static str,
    pub buddy_duo_with: fn(Option<&str>) -> String,
    pub buddy_duo_introduction: &'static str,
    pub buddy_next: &'static str,
    pub buddy_nothing_planned: &'static str,
    pub buddy_plan: &'static str,
    pub buddy_call: fn(&str) -> String,
    pub buddy_interests: &'static str,
    pub buddy_availability: &'static str,
    pub buddy_recent: &'static str,
    pub buddy_to_confirm: fn(&str, &str) -> String,
    pub buddy_confirm_yes: &'static str,
    pub buddy_confirm_no: &'static str,
    pub buddy_check_in_prompt: fn(&str, &str) -> String,
    pub buddy_check_in_link: &'static str,
    pub buddy_add_calendar: &'static str,
    pub buddy_open_activity: &'static str,
    pub activity_status: fn(crate::domain::activity::ActivityStatus) -> &'static str,
    pub mood_word: fn(crate::domain::activity::Mood) -> &'static str,
    pub plan_title: fn(Option<&str>) -> String,
    pub field_activity_kind: &'static str,
    pub field_activity_date: &'static str,
    pub field_activity_time: &'static str,
    pub field_activity_place: &'static str,
    pub field_activity_place_hint: &'static str,
    pub field_activity_note: &'static str,
    pub plan_save: &'static str,
    pub activity_reschedule_title: &'static str,
    pub activity_reschedule_save: &'static str,
    pub activity_cancel_title: &'static str,
    pub field_cancel_reason: &'static str,
    pub activity_cancel_save: &'static str,
    pub activity_cancelled: fn(&str) -> String,
    pub checkin_title: &'static str,
    pub field_checkin_note: &'static str,
    pub checkin_save: &'static str,
    pub checkin_done: &'static str,
    /// An answer kept on the phone without network.
    pub offline_kept: &'static str,
    pub offline_waiting_title: &'static str,
    /// An answer that waits or was refused: what, and which activity (kind, when).
    pub offline_answer: fn(&crate::domain::offline::Answer, &str, &str) -> String,
    pub offline_sign_in_again: &'static str,
    pub offline_do_not_sign_out: &'static str,
    pub offline_send_now: &'static str,
    pub offline_refused_title: &'static str,
    pub offline_conflict: &'static str,
    pub offline_dismiss: &'static str,
    pub offline_banner: &'static str,
    pub activity_back: &'static str,
    pub activity_not_yet: &'static str,
    pub cadence_title: &'static str,
    pub cadence_none: &'static str,
    pub cadence_all_fine: &'static str,
    pub cadence_quiet: fn(u32) -> String,
    pub cadence_never: &'static str,
    pub cadence_last: fn(&str) -> String,
    pub cadence_next: fn(&str) -> String,
    pub cadence_flag: &'static str,
    pub cadence_first_months: &'static str,
    pub cadence_low: &'static str,
    pub cadence_rhythm: fn(u8, u8) -> String,
    pub cadence_margin_note: fn(u32) -> String,
    pub cadence_attention: fn(usize) -> String,
    pub duo_activities_title: &'static str,
    pub duo_activities_none: &'static str,
    pub checkin_label: &'static str,
    pub cadence_margin_title: &'static str,
    pub field_cadence_margin: &'static str,
    pub cadence_margin_saved: &'static str,
    pub buddy_my_calendar: &'static str,
    pub buddy_invite: &'static str,
    pub buddy_invite_hint: &'static str,
    pub buddy_invite_no_email: &'static str,
    pub buddy_has_account: &'static str,
    // E-mail: the admin's outbox page, and the reminders (mail texts take their values).
    pub nav_outbox: &'static str,
    pub outbox_title: &'static str,
    pub outbox_intro: &'static str,
    pub outbox_pending: fn(u64) -> String,
    pub outbox_not_configured: &'static str,
    pub outbox_to: &'static str,
    pub outbox_created: &'static str,
    pub outbox_attempts: &'static str,
    pub outbox_next_attempt: &'static str,
    pub outbox_sent_at: &'static str,
    pub outbox_last_error: &'static str,
    pub outbox_status: fn(crate::domain::mail::MailStatus) -> &'static str,
    pub outbox_kind: fn(&str) -> String,
    /// (activity kind, when)
    pub mail_activity_subject: fn(&str, &str) -> String,
    /// (participant's first name, activity kind, when, place, link)
    pub mail_activity_body: fn(&str, &str, &str, &str, &str) -> String,
    /// (participant's first name)
    pub mail_nudge_subject: fn(&str) -> String,
    /// (participant's first name, days without an activity, link)
    pub mail_nudge_body: fn(&str, u32, &str) -> String,
    /// (number of duos)
    pub mail_digest_subject: fn(usize) -> String,
    /// (the lines, link)
    pub mail_digest_body: fn(&str, &str) -> String,
    /// (participant's first name, days without an activity, link to the duo)
    pub mail_digest_quiet: fn(&str, u32, &str) -> String,
    /// (participant's first name, due date, link to the duo)
    pub mail_digest_evaluation: fn(&str, &str, &str) -> String,

    // The buddy's calendar feed (/calendar) and the .ics files.
    pub nav_calendar: &'static str,
    pub calendar_title: &'static str,
    pub calendar_intro: &'static str,
    /// What the calendar shows and what it never shows.
    pub calendar_privacy: &'static str,
    pub calendar_status_on: fn(&str) -> String,
    pub calendar_status_off: &'static str,
    pub calendar_create: &'static str,
    pub calendar_renew: &'static str,
    pub calendar_renew_hint: &'static str,
    pub calendar_url_title: &'static str,
    pub calendar_url_label: &'static str,
    pub calendar_url_once: &'static str,
    pub calendar_copy: &'static str,
    pub calendar_copied: &'static str,
    pub calendar_copy_failed: &'static str,
    pub calendar_open_app: &'static str,
    pub calendar_how_title: &'static str,
    /// Per calendar app: its name and the steps, in order.
    pub calendar_apps: &'static [(&'static str, &'static [&'static str])],
    pub calendar_delay: &'static str,
    pub calendar_revoke_summary: &'static str,
    pub calendar_revoke_explain: &'static str,
    pub calendar_revoke_confirm: &'static str,
    pub calendar_revoked: &'static str,
    /// The feed's name in the calendar app.
    pub calendar_feed_name: &'static str,
    /// An event's title: kind, then the participant's first name.
    pub calendar_event_summary: fn(&str, &str) -> String,
    /// Before the title of a cancelled activity.
    pub calendar_event_cancelled: &'static str,
    pub nav_stones: &'static str,
    pub nav_reports: &'static str,
    pub stones_title: &'static str,
    pub stones_intro: &'static str,
    pub stones_new: &'static str,
    pub stones_edit: &'static str,
    pub stones_none: &'static str,
    pub stones_count: fn(usize, usize) -> String,
    pub stone_needs_check: &'static str,
    pub stone_hidden: &'static str,
    pub stone_ended: &'static str,
    pub stone_checked_on: fn(&str) -> String,
    pub stone_any_time: &'static str,
    pub stone_online: &'static str,
    pub stone_kind: &'static str,
    pub stone_description: &'static str,
    pub stone_municipality: &'static str,
    pub stone_municipality_online: &'static str,
    pub stone_address: &'static str,
    pub stone_when: &'static str,
    pub stone_starts_on: &'static str,
    pub stone_ends_on: &'static str,
    pub stone_cost: &'static str,
    pub stone_free: &'static str,
    pub stone_paying: &'static str,
    pub stone_price: &'static str,
    pub stone_uitpas_price: &'static str,
    pub stone_accessibility: &'static str,
    pub stone_contact: &'static str,
    pub stone_last_checked: &'static str,
    pub stone_saved: &'static str,
    pub stones_fit_title: &'static str,
    pub stones_fit_none: &'static str,
    pub stones_fit_points: fn(u8) -> String,
    pub stone_what: &'static str,
    pub stone_where_when: &'static str,
    pub stone_cost_kind: &'static str,
    pub referrals_title: &'static str,
    pub referrals_none: &'static str,
    pub refer_button: &'static str,
    pub refer_way: &'static str,
    pub referral_way: fn(crate::domain::referral::ReferralWay) -> &'static str,
    pub referral_on: fn(&str) -> String,
    pub follow_up_from: fn(&str) -> String,
    pub followed_up_on: fn(&str) -> String,
    pub follow_up_title: &'static str,
    pub follow_up_outcome: &'static str,
    pub outcome: fn(crate::domain::referral::Outcome) -> &'static str,
    pub not_going: fn(crate::domain::referral::NotGoing) -> &'static str,
    pub follow_up_reason: &'static str,
    pub follow_up_note: &'static str,
    pub follow_up_on: &'static str,
    pub follow_up_save: &'static str,
    pub follow_ups_title: &'static str,
    pub follow_ups_none: &'static str,
    pub first_steps_title: &'static str,
    pub first_steps_intake_days: &'static str,
    pub first_steps_follow_up_weeks: &'static str,
    pub first_steps_check_months: &'static str,
    pub first_steps_phone: &'static str,
    pub first_steps_saved: &'static str,
    pub sheet_link: &'static str,
    pub sheet_title: fn(&str) -> String,
    pub sheet_intro: &'static str,
    pub sheet_what: &'static str,
    pub sheet_where: &'static str,
    pub sheet_when: &'static str,
    pub sheet_starts: fn(&str) -> String,
    pub sheet_cost: &'static str,
    pub sheet_way: &'static str,
    pub sheet_way_text: &'static str,
    pub sheet_online: &'static str,
    pub sheet_contact: &'static str,
    pub sheet_questions: fn(&str, &str) -> String,
    pub sheet_none: &'static str,
    pub sheet_print: &'static str,
    pub sheet_back: &'static str,
    pub stone_figures: fn(u32, u32, u32) -> String,
    pub stone_never_referred: &'static str,
    pub stone_quiet_year: &'static str,
    pub learn_title: &'static str,
    pub learn_none: &'static str,
    pub learn_referred: &'static str,
    pub learn_went: &'static str,
    pub learn_continues: &'static str,
    pub learn_not_gone: &'static str,
    pub learn_reasons: &'static str,
    pub waiting_stone_hint: fn(&str, usize) -> String,
    pub stones_fit_more: fn(usize) -> String,
    // Erasure by anonymisation.
    pub erasure_refusal: fn(crate::domain::privacy::ErasureRefusal) -> &'static str,
    pub answer_refusal: fn(crate::domain::event::AnswerRefusal) -> &'static str,
    pub erasure_reason: fn(crate::domain::privacy::ErasureReason) -> &'static str,
    pub erase_link: &'static str,
    pub erase_title: &'static str,
    pub erase_intro: &'static str,
    pub erase_removed_title: &'static str,
    pub erase_kept_title: &'static str,
    pub erase_removed: fn(crate::domain::privacy::Removed) -> String,
    pub erase_kept: fn(crate::domain::privacy::Kept) -> &'static str,
    pub erase_reason_label: &'static str,
    pub erase_confirm_label: &'static str,
    pub erase_submit: &'static str,
    pub erased_notice: fn(&str) -> String,
    pub trail_title: &'static str,
    pub trail_intro: &'static str,
    pub data_link: &'static str,
    pub data_title: &'static str,
    pub data_intro: &'static str,
    pub data_download: &'static str,
    pub data_exported: fn(&str) -> String,
    pub data_record: &'static str,
    pub data_contacts: &'static str,
    pub data_registrations: &'static str,
    pub data_duos: &'static str,
    pub data_duo: fn(&str) -> String,
    pub data_activities: &'static str,
    pub data_evaluations: &'static str,
    pub data_referrals: &'static str,
    pub data_mails: &'static str,
    pub data_none: &'static str,
    pub data_consent_version: fn(&str, &str) -> String,
    pub data_mood: &'static str,
    pub data_subject: &'static str,
    pub data_message: &'static str,
    pub data_buddy_notes: &'static str,
    pub data_application: &'static str,
    pub data_account: &'static str,
    pub data_created: &'static str,
    pub data_active: &'static str,
    pub data_recovery_left: &'static str,
    pub data_sign_ins: &'static str,
    pub data_sign_in_ok: &'static str,
    pub data_sign_in_failed: &'static str,
    pub data_calendar_since: &'static str,
    pub data_actions: &'static str,
    pub data_buddy_record: &'static str,
    pub data_secrets: &'static str,
    pub nav_retention: &'static str,
    pub retention_title: &'static str,
    pub retention_intro: fn(&crate::domain::retention::Retention) -> String,
    pub retention_due_title: &'static str,
    pub retention_due_none: &'static str,
    pub retention_held_title: &'static str,
    pub retention_category: fn(crate::domain::retention::RetentionCategory) -> &'static str,
    pub retention_since: &'static str,
    pub retention_erased_from: &'static str,
    pub retention_held_until: fn(&str) -> String,
    pub hold_reason: fn(crate::domain::retention::HoldReason) -> &'static str,
    pub hold_until_label: &'static str,
    pub hold_reason_label: &'static str,
    pub hold_submit: &'static str,
    pub retention_runs_title: &'static str,
    pub retention_runs_none: &'static str,
    pub retention_run_unfinished: &'static str,
    pub retention_col_day: &'static str,
    pub retention_col_people: &'static str,
    pub retention_col_notes: &'static str,
    pub retention_col_mails: &'static str,
    pub retention_col_log: &'static str,
    pub retention_settings_title: &'static str,
    pub retention_settings_saved: &'static str,
    pub retention_participant_months: &'static str,
    pub retention_candidate_months: &'static str,
    pub retention_buddy_months: &'static str,
    pub retention_checkin_note_months: &'static str,
    pub retention_mail_body_days: &'static str,
    pub retention_audit_log_months: &'static str,
    pub nav_registers: &'static str,
    pub registers_title: &'static str,
    pub registers_intro: &'static str,
    pub registers_made: fn(&str, &str) -> String,
    pub registers_download: &'static str,
    pub registers_processing_title: &'static str,
    pub registers_people: &'static str,
    pub registers_data: &'static str,
    pub registers_special: &'static str,
    pub registers_purposes: &'static str,
    pub registers_basis: &'static str,
    pub registers_recipients: &'static str,
    pub registers_keeping: &'static str,
    pub registers_records: &'static str,
    pub registers_measures_title: &'static str,
    pub registers_access_title: &'static str,
    pub registers_access_intro: fn(&str) -> String,
    pub registers_col_since: &'static str,
    pub registers_inactive: &'static str,
    pub person_category: fn(crate::domain::register::PersonCategory) -> &'static str,
    pub data_category: fn(crate::domain::register::DataCategory) -> &'static str,
    pub purpose: fn(crate::domain::register::Purpose) -> &'static str,
    pub legal_basis: fn(crate::domain::register::LegalBasis) -> &'static str,
    pub recipient: fn(crate::domain::register::Recipient) -> &'static str,
    pub keeping: fn(crate::domain::register::Keeping) -> String,
    pub measure: fn(crate::domain::register::Measure) -> &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every mail Klik writes (subject and body, with sample values), in one language.
    fn mails(lang: Lang) -> Vec<(&'static str, String)> {
        let (t, w) = (lang.texts(), events::words(lang));
        let link = "https://klik.example/x";
        vec![
            ("register_mail_subject", (t.register_mail_subject)("Klik")),
            ("register_mail_body", (t.register_mail_body)("Klik")),
            ("invite_mail_subject", (t.invite_mail_subject)("Klik")),
            (
                "invite_mail_body",
                (t.invite_mail_body)("Sam", "Klik", link, "3"),
            ),
            (
                "mail_activity_subject",
                (t.mail_activity_subject)("Wandelen", "14:00"),
            ),
            (
                "mail_activity_body",
                (t.mail_activity_body)("Sam", "Wandelen", "ma 14:00", "Park", link),
            ),
            ("mail_nudge_subject", (t.mail_nudge_subject)("Sam")),
            ("mail_nudge_body", (t.mail_nudge_body)("Sam", 22, link)),
            ("mail_digest_subject", (t.mail_digest_subject)(2)),
            ("mail_digest_body", (t.mail_digest_body)("- Sam", link)),
            ("mail_digest_quiet", (t.mail_digest_quiet)("Sam", 22, link)),
            (
                "mail_digest_evaluation",
                (t.mail_digest_evaluation)("Sam", "27/02/2027", link),
            ),
            ("place_mail_subject", (w.place_mail_subject)("Intervisie")),
            (
                "place_mail_body",
                (w.place_mail_body)("Intervisie", "ma 18:00", Some("zo 12:00"), link),
            ),
            ("reminder_subject", (w.reminder_subject)("Intervisie")),
            (
                "reminder_body",
                (w.reminder_body)("Klik", "Intervisie", "ma 18:00", "Zaal"),
            ),
            ("mail_subject", (w.mail_subject)("Intervisie")),
            (
                "mail_body",
                (w.mail_body)("Klik", "Intervisie", "ma 18:00", "Zaal", 2, link),
            ),
        ]
    }

    #[test]
    fn every_mail_exists_in_dutch_and_in_english() {
        let (nl, en) = (mails(Lang::Nl), mails(Lang::En));
        for ((name, nl), (_, en)) in nl.iter().zip(&en) {
            assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{name}");
            assert_ne!(nl, en, "{name} reads the same in Dutch and English");
        }
        // The list above is every mail template there is: each text that is a function
        // with "mail" or "reminder_" in its name.
        let listed: Vec<&str> = nl.iter().map(|(name, _)| *name).collect();
        for source in [include_str!("mod.rs"), include_str!("events.rs")] {
            for line in source.lines().map(str::trim) {
                let Some((name, ty)) = line
                    .strip_prefix("pub ")
                    .and_then(|rest| rest.split_once(": "))
                else {
                    continue;
                };
                let is_mail = name.contains("mail") || name.starts_with("reminder_");
                if is_mail && ty.starts_with("fn(") {
                    assert!(
                        listed.contains(&name),
                        "{name} is not checked in both languages"
                    );
                }
            }
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("nl-BE"), Some(Lang::Nl));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn cookie_header_picks_the_language_cookie() {
        assert_eq!(Lang::from_cookie_header("a=b; klik_lang=en; c=d"), Lang::En);
        assert_eq!(Lang::from_cookie_header("klik_lang=nl"), Lang::Nl);
        assert_eq!(Lang::from_cookie_header("klik_lang=xx"), Lang::Nl);
        assert_eq!(Lang::from_cookie_header("other_klik_lang=en"), Lang::Nl);
        assert_eq!(Lang::from_cookie_header(""), Lang::Nl);
    }

    #[test]
    fn the_switch_offers_the_other_language_in_that_language() {
        assert_eq!(Lang::Nl.texts().switch_language, "English");
        assert_eq!(Lang::En.texts().switch_language, "Nederlands");
    }

    #[test]
    fn parameterised_texts_include_their_values() {
        for lang in Lang::ALL {
            let t = lang.texts();
            assert!((t.home_today)("27/11/2026").contains("27/11/2026"));
            assert!((t.error_reference)("AB12CD").contains("AB12CD"));
            assert!((t.problem)(&Problem::TooLong { max: 64 }).contains("64"));
            assert!(!t.privacy_paragraphs.is_empty());
            assert!((t.calendar_status_on)("27/11/2026 10:00").contains("27/11/2026 10:00"));
            assert!((t.calendar_event_summary)("Wandelen", "Sam").contains("Sam"));
            assert_eq!(t.calendar_apps.len(), 3);
        }
    }
}

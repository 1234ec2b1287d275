use super::{Lang, Texts};
use crate::domain::account::Role;
use crate::domain::audit::AuditAction;
use crate::domain::offline::Answer;
use crate::domain::privacy::{ErasureReason, ErasureRefusal, Kept, Removed};
use crate::domain::register::{
    DataCategory, Keeping, LegalBasis, Measure, PersonCategory, Purpose, Recipient,
};
use crate::domain::retention::{HoldReason, RetentionCategory};
use crate::domain::validation::Problem;

pub const TEXTS: Texts = Texts {
    lang: super::Lang::En,
    app_name: "Klik",
    app_tagline: "Out and about together",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    duo_partner: "your duo partner",
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_home: "Home",
    nav_privacy: "Privacy",
    switch_language: "Nederlands",
    switch_language_label: "Schakel over naar Nederlands",
    loading: "Loading…",
    footer: "Klik brings buddies and participants together.",

    home_title: "Welcome to Klik",
    home_intro: "Klik helps the buddy programme bring volunteers and participants together: \
                 from the application to the match and the follow-up of every duo.",
    home_today: |date| format!("Today is {date}."),
    home_cards_label: "What Klik does",
    home_card_intake_title: "Intake",
    home_card_intake_text: "Register participants and volunteer buddies, screen them and \
                            follow up the waiting list.",
    home_card_matching_title: "Matching",
    home_card_matching_text: "For every new buddy, see which waiting participant fits best, \
                              and why.",
    home_card_followup_title: "Follow-up",
    home_card_followup_text: "Plan and confirm activities, follow up evaluation conversations \
                              and support every duo.",
    home_card_privacy_title: "Privacy",
    home_card_privacy_text: "Everyone sees only what they need. Whoever reads or changes a \
                             record is logged.",

    privacy_title: "Privacy",
    privacy_paragraphs: &[
        "The buddy programme keeps only the data needed to match and follow up participants \
         and buddies. We never ask for a diagnosis.",
        "Every user sees only what their role needs. A buddy sees only what the participant \
         agreed to share.",
        "Whoever reads or changes a participant's record is logged. You can always ask which \
         data we keep about you, and ask us to correct or erase it.",
    ],

    not_found_title: "Page not found",
    not_found_text: "This page does not exist (any more). Check the address or go back to \
                     the home page.",
    back_home: "Back to home",

    error_title: "Something went wrong",
    error_text: "Nothing was lost. Please try again in a moment.",
    error_reference: |code| format!("Give this code to the administrator: {code}"),
    error_retry: "Try again",

    err_not_found: "This does not exist (any more).",
    err_forbidden: "You do not have access to this data.",
    err_unauthenticated: "You are not signed in (any more). Please sign in again.",
    err_conflict: "Someone else changed this in the meantime. Look at the new data and try \
                   again; what you typed is still there.",
    err_login_failed: "This e-mail address and password do not match.",
    err_too_many_attempts: "Too many failed attempts. Please try again in 15 minutes.",
    err_too_large: |kb| {
        format!(
            "This is too much at once: at most {kb} KB at a time. Make the text shorter or split it up."
        )
    },
    err_internal: "Something went wrong on our side.",
    err_unavailable: "The database cannot be reached just now. Nothing was saved: please try again in a minute.",
    err_request: "The server could not be reached. Check your connection and try again.",
    problem: |problem| match problem {
        Problem::Required => "This field is required.".into(),
        Problem::TooShort { min } => format!("Use at least {min} characters."),
        Problem::TooLong { max } => format!("Use at most {max} characters."),
        Problem::OutOfRange { min, max } => format!("Choose a value from {min} to {max}."),
        Problem::Guessable => "This password is too easy to guess. Choose a longer phrase or a \
                                mix of unrelated words."
            .into(),
        Problem::AlreadyUsed => "This is already in use.".into(),
        Problem::Invalid => "This value is not valid.".into(),
    },
    nav_account: "My account",
    nav_users: "Users",
    nav_audit: "Audit log",
    sign_in: "Sign in",
    sign_out: "Sign out",
    signed_in_as_label: "Signed in as",
    field_email: "E-mail address",
    field_password: "Password",
    field_name: "Name",
    field_current_password: "Current password",
    field_new_password: "New password",
    password_hint: "At least 12 characters. A phrase of a few unrelated words is strong and easy to remember.",
    login_title: "Sign in to Klik",
    login_intro: "Sign in with your e-mail address and password.",
    setup_title: "Set up Klik",
    setup_intro: "There is no account yet. Create the first administrator account: with it you then invite the others.",
    setup_submit: "Create administrator",
    account_title: "My account",
    account_language_title: "Language of your mails",
    account_language_now: |lang| {
        let name = match lang {
            Lang::Nl => "Dutch",
            Lang::En => "English",
        };
        format!(
            "Mails, reminders and your calendar come in {name}. You choose the language with the button at the top."
        )
    },
    account_language_use_page: "My mails in English too",
    password_change_title: "Change password",
    password_change_submit: "Change password",
    password_changed: "Your password was changed. Your other sessions were signed out.",
    sessions_title: "Where you are signed in",
    session_this_device: "This device",
    session_last_seen: "Last active",
    session_end: "Sign out",
    unknown_device: "Unknown device",
    users_title: "Users",
    col_name: "Name",
    col_email: "E-mail address",
    col_role: "Role",
    col_status: "Status",
    col_actions: "Actions",
    status_active: "Active",
    status_disabled: "Disabled",
    status_invited: "Invited",
    user_disable: "Disable",
    user_enable: "Enable",
    user_end_sessions: "End sessions",
    user_save_role: "Save role",
    saved: "Saved.",
    audit_title: "Audit log",
    audit_intro: "Who read or changed what, and when. The content itself is never here.",
    col_when: "When",
    col_who: "Who",
    col_action: "Action",
    col_record: "Record",
    audit_filter_action: "Action",
    audit_all_actions: "All actions",
    filter: "Filter",
    older: "Older",
    nobody: "—",
    empty_list: "Nothing yet.",
    sign_in_needed: "Sign in to see this page.",
    err_two_factor_required: "First turn on two-step sign-in under ‘My account’: it is required for your role.",
    err_expired: "This link or step is no longer valid. Start again, or ask for a new invitation.",
    invite_mail_subject: |programme| format!("Invitation to Klik – {programme}"),
    invite_mail_body: |name, programme, link, until| {
        format!(
            "Hello {name},\n\nYou are invited to use Klik, the software of {programme}.\nOpen this link and choose a password:\n\n{link}\n\nThe link works once, until {until}.\nIf you did not expect this invitation, you need not do anything."
        )
    },
    login_code_title: "Second step",
    login_code_intro: "Type the six-digit code from your authenticator app.",
    field_code: "Code",
    login_code_hint: "No device to hand? A recovery code works too, once.",
    login_code_submit: "Confirm",
    login_start_over: "Sign in again",
    two_factor_title: "Two-step sign-in",
    two_factor_explain: "Besides your password, Klik then asks for a code from an app on your phone (such as Google Authenticator, Microsoft Authenticator or FreeOTP).",
    two_factor_is_on: "Two-step sign-in is on.",
    two_factor_is_off: "Two-step sign-in is off.",
    two_factor_must_enrol: "Two-step sign-in is required for your role. Turn it on below; then you can carry on.",
    two_factor_start: "Turn on two-step sign-in",
    two_factor_scan: "Scan this QR code with your authenticator app, or type in the key. Then type the code the app shows.",
    two_factor_key: "Key",
    two_factor_qr_label: "QR code for your authenticator app",
    two_factor_confirm: "Confirm code",
    two_factor_codes_title: "Your recovery codes",
    two_factor_codes_intro: "Keep these codes on paper or in a password manager. Each code works once when you do not have your phone. You see them only this once.",
    two_factor_codes_left: |n| format!("{n} unused recovery codes left."),
    two_factor_disable: "Turn off two-step sign-in",
    two_factor_renew_codes: "Make new recovery codes",
    two_factor_required_cannot_disable: "Required for your role: it cannot be turned off.",
    invite_title: "Invite someone",
    invite_intro: "The invitee gets a link that works once, for 7 days, to choose their own password.",
    invite_submit: "Invite",
    invite_link_title: "Invitation link",
    invite_link_text: |email, until| {
        format!(
            "No mail server is set up yet: pass this link on to {email} yourself. It works once, until {until}. The message is also kept in the outbox."
        )
    },
    invite_renew: "New invitation",
    welcome_title: "Welcome to Klik",
    welcome_intro: |name, email, role| {
        format!(
            "Hello {name}. You are invited as {role}. Choose a password to sign in with {email}."
        )
    },
    welcome_submit: "Choose password and sign in",
    nav_settings: "Settings",
    settings_title: "Settings",
    security_title: "Security",
    two_factor_required_on: "Two-step sign-in is required for admins and coordinators.",
    two_factor_required_off: "Two-step sign-in is optional for everyone.",
    two_factor_require: "Make it required for admins and coordinators",
    two_factor_unrequire: "No longer require it",
    err_invalid_fields: |n| {
        if n == 1 {
            "One field still needs a change: see below.".into()
        } else {
            format!("{n} fields still need a change: see below. What you typed is kept.")
        }
    },
    nav_participants: "Participants",
    participants_title: "Participants",
    participants_new: "New intake",
    intake_title: "Participant intake",
    edit_participant_title: "Edit participant",
    section_person: "Person",
    section_contact: "Contact",
    section_interests: "Interests and personality",
    section_practical: "Smoking, availability and travel",
    section_wishes: "Wishes about the buddy",
    section_referral: "Referral and support contact",
    section_consent: "Consent",
    field_first_name: "First name",
    field_last_name: "Last name",
    field_birth_date: "Date of birth",
    field_gender: "Gender",
    field_municipality: "Place of residence",
    field_phone: "Phone",
    field_email_optional: "E-mail address (if any)",
    field_preferred_contact: "Preferably contacted by",
    field_languages: "Languages",
    field_languages_hint: "Separated by commas, e.g. Dutch, French",
    field_interests: "Interests",
    field_personality: "Personality (1 to 5)",
    field_smokes: "Smokes",
    field_accepts_smoker: "A buddy who smokes is fine",
    field_availability: "When free?",
    field_max_travel_km: "How far can the person travel? (km)",
    field_travel_modes: "How?",
    field_wish_genders: "Buddy's gender (none ticked: no preference)",
    field_wish_age_min: "Age from",
    field_wish_age_max: "Age up to",
    field_wish_note: "Other wishes",
    field_intake_date: "Intake date",
    field_referral_org: "Referred by",
    field_referral_contact: "Referrer's contact person",
    field_support_contact: "Emergency or support contact (name and phone)",
    consent_text: "The participant agrees that the buddy programme keeps these details to find a suitable buddy and to follow up the duo. We ask for no diagnosis. The participant can withdraw consent at any time.",
    consent_matching: "Consent for matching and follow-up (required)",
    consent_share_first_name: "Share first name with the buddy",
    consent_share_phone: "Share phone number with the buddy",
    consent_share_interests: "Share interests with the buddy",
    field_coordinator_notes: "Notes (coordinators only)",
    choose: "— choose —",
    save: "Save",
    filter_status: "Status",
    filter_all: "All",
    filter_min_days: "Waiting at least (days)",
    filter_name: "Name contains",
    sort_label: "Sort",
    col_age: "Age",
    col_waiting: "Waiting since",
    col_last_contact: "Last contact",
    previous: "Previous",
    next: "Next",
    timeline_title: "Timeline",
    status_change_title: "Change status",
    status_note: "Note",
    status_reason: "Reason for closing",
    status_reason_hint: "Only when you close the record: why does this person stop without a buddy?",
    leave_reason: |r| {
        use crate::domain::people::LeaveReason::*;
        match r {
            HelpElsewhere => "Found support or company elsewhere",
            NoLongerWanted => "No longer wants a buddy",
            Unreachable => "Could no longer be reached",
            Moved => "Moved away",
            Health => "Health or care situation does not allow it now",
            WaitTooLong => "Waited too long",
            Other => "Other reason",
        }
    },
    leave_reason_none: "Not recorded",
    status_submit: "Change status",
    edit: "Edit",
    profile_title: "Profile",
    yes: "yes",
    no: "no",
    days_waiting: |n| {
        if n == 1 {
            "1 day".into()
        } else {
            format!("{n} days")
        }
    },
    results: |n| {
        if n == 1 {
            "1 participant".into()
        } else {
            format!("{n} participants")
        }
    },
    page_of: |p, n| format!("Page {p} of {n}"),
    participant_status: |s| {
        use crate::domain::people::ParticipantStatus::*;
        match s {
            Registered => "Registered",
            IntakeDone => "Intake done",
            Waiting => "Waiting",
            Proposed => "Proposed",
            InDuo => "In a duo",
            Paused => "Paused",
            Closed => "Closed",
        }
    },
    sort_name: |s| {
        use crate::domain::people::ParticipantSort::*;
        match s {
            WaitingLongest => "Longest waiting first",
            Name => "Name",
            Newest => "Newest first",
        }
    },
    contact_method: |c| {
        use crate::domain::profile::ContactMethod::*;
        match c {
            Phone => "Phone",
            Email => "E-mail",
            Sms => "Text message",
            Post => "Letter",
        }
    },
    travel_mode: |m| {
        use crate::domain::profile::TravelMode::*;
        match m {
            OnFoot => "On foot",
            Bike => "Bike",
            PublicTransport => "Public transport",
            Car => "Car",
        }
    },
    nav_buddies: "Buddies",
    nav_become_buddy: "Become a buddy",
    section_motivation: "Why become a buddy?",
    field_motivation: "Motivation",
    field_capacity: "With how many participants would you form a duo? (1 to 3)",
    section_privacy: "Privacy",
    application_privacy_text: "We use your details only to consider your application, to plan a screening interview with our partner and, if it clicks, to match you with a participant. We share nothing with others. You can always ask to see or erase your details.",
    application_privacy_read: "I have read how my details are used",
    application_title: "Become a buddy",
    application_intro: "As a buddy you go out every two or three weeks with someone who finds it hard to meet people: a drink, a walk, the cinema. Fill in this form and we will contact you.",
    application_submit: "Send application",
    application_thanks_title: "Thank you!",
    application_thanks_text: "We received your application. A coordinator will contact you soon.",
    buddies_title: "Buddies",
    buddies_new: "New application",
    col_applied: "Applied on",
    col_screener: "Screener",
    hand_to_screener_title: "Hand over for screening",
    hand_to_screener_submit: "Hand over",
    screening_title: "Screening interview",
    field_screening_date: "Date of the interview",
    field_screening_outcome: "Outcome",
    screening_submit: "Save screening",
    screenings_title: "Screening interviews",
    buddy_status: |s| {
        use crate::domain::people::BuddyStatus::*;
        match s {
            Applied => "Applied",
            Screening => "Screening",
            NotApproved => "Not approved",
            Available => "Available",
            InDuo => "In a duo",
            Paused => "Paused",
            Stopped => "Stopped",
        }
    },
    screening_outcome: |o| {
        use crate::domain::people::ScreeningOutcome::*;
        match o {
            Approved => "Approved",
            NotApproved => "Not approved",
            SecondTalk => "Second talk needed",
        }
    },
    gender: |g| {
        use crate::domain::profile::Gender::*;
        match g {
            Woman => "Woman",
            Man => "Man",
            X => "X",
        }
    },
    nav_waiting: "Waiting list",
    waiting_title: "Waiting list",
    waiting_intro: "Who is waiting for a buddy, longest first. Keep in touch and pass on stepping stones to the region's leisure offer.",
    waiting_summary: |n, late| format!("{n} waiting, {late} of them without contact for too long."),
    contact_overdue: "No contact for too long",
    contact_add: "Record a contact",
    contact_date: "Date",
    contact_stepping_stone: "Stepping stone",
    contact_plain: "Plain contact (no stepping stone)",
    nav_lists: "Lists",
    lists_title: "Lists",
    lists_intro: "What the forms offer. A hidden value stays with the records that have it, but is no longer offered.",
    list_add: "Add",
    list_hide: "Hide",
    list_show: "Offer again",
    list_scale_low: "From (1)",
    list_scale_high: "To (5)",
    list_postcode: "Postcode",
    list_latitude: "Latitude (e.g. 51.0257)",
    list_longitude: "Longitude (e.g. 4.4776)",
    list_title: "Title",
    list_provider: "Provider",
    list_place: "Place",
    list_link: "Link (https://…)",
    list_name: |k| {
        use crate::domain::lists::ListKind::*;
        match k {
            Interests => "Interests",
            ActivityKinds => "Kinds of activity",
            ReferralOrganisations => "Referring organisations",
            Municipalities => "Municipalities",
            Scales => "Personality traits",
            SteppingStones => "Stepping stones (leisure offer)",
            EventKinds => "Kinds of events",
        }
    },
    nav_import: "Import and export",
    import_title: "Import and export",
    import_heading: "Import from a spreadsheet",
    import_intro: "Copy the cells from your spreadsheet (with the row of column names) and paste them below, or paste the text of a CSV file. You first see what would happen; nothing is stored until you confirm.",
    import_kind: "Who is listed?",
    import_paste: "Rows (first row: column names)",
    import_check: "Check",
    import_report: "What would happen",
    import_counts: |rows, valid| format!("{rows} rows read, {valid} of them fine."),
    import_column: "Column",
    import_field: "Becomes",
    import_problems: "Rows that cannot go in yet",
    import_line: |n| format!("Row {n}:"),
    import_all: "Import everything",
    import_valid_only: "Only the rows that are fine",
    import_done: |n| format!("{n} people imported."),
    export_heading: "Export as CSV",
    export_prepare: "Prepare export",
    export_download: "Download CSV",
    import_field_name: |f| match f {
        "first_name" => "First name",
        "last_name" => "Last name",
        "birth_date" => "Date of birth",
        "gender" => "Gender",
        "municipality" => "Place of residence",
        "phone" => "Phone",
        "email" => "E-mail",
        "interests" => "Interests",
        "smokes" => "Smokes",
        "max_travel_km" => "Distance (km)",
        "intake_date" => "Intake date",
        "notes" => "Notes",
        "title" => "Title",
        "provider" => "Provider",
        "kind" => "Kind",
        "description" => "Description",
        "address" => "Address",
        "moments" => "When",
        "starts_on" => "Starts on",
        "ends_on" => "Ends on",
        "price" => "Price",
        "uitpas_price" => "Price with UiTPAS",
        "accessibility" => "Accessibility",
        "contact" => "Contact",
        "link" => "Link",
        "last_checked" => "Checked on",
        _ => "(do not use)",
    },
    match_title: "New buddy: who fits?",
    match_link: "Who fits this buddy?",
    match_summary: |n| format!("{n} waiting participants fit, the best fit first."),
    match_score_label: |p| format!("score {p} out of 100"),
    match_excluded: |n| format!("{n} waiting participants do not fit, with the reason"),
    match_compare: "Compare",
    match_compare_button: "Compare the two ticked",
    match_compare_title: "Side by side",
    match_compare_pick: "Tick exactly two to compare them.",
    match_total: "Score",
    match_propose: "Propose this duo",
    match_proposed: "Proposed: the duo is now 'proposed'.",
    match_participant_title: "Which buddy fits?",
    match_participant_link: "Which buddy fits this participant?",
    match_participant_summary: |n| format!("{n} available buddies fit, the best fit first."),
    match_participant_excluded: |n| format!("{n} buddies do not fit, with the reason"),
    everyone_title: "Proposal for everyone",
    everyone_intro: "The best pairs for all available buddies and waiting participants together: the highest total score over all allowed pairs, not one buddy after the other.",
    everyone_total: |n, t| format!("{n} pairs, {t} points together"),
    everyone_unpaired: "Waiting participants without a pair",
    everyone_unused: "Buddies with free places",
    everyone_none: "No pairs are possible now.",
    everyone_participant: "Participant",
    everyone_buddy: "Buddy",
    nav_matching: "Matching",
    weights_title: "Matching weights",
    weights_link: "Change the matching weights",
    weights_intro: "How much each part counts in the score (0 to 10). Look at the effect on today's waiting list first; saving is recorded in the audit log.",
    priority_chip: "Goes first: long wait",
    weights_full_days: "Days of waiting until the waiting part is full",
    weights_priority_factor: "Priority after this many times the usual wait (0: off)",
    weights_preview: "Show the effect",
    weights_preview_title: "Effect on today's waiting list",
    weights_changed: |c, n| format!("{c} of the {n} pairs in the proposal for everyone change."),
    weights_first_now: "First choice now",
    weights_first_then: "With these weights",
    weights_language_rule: "A common language",
    weights_language_required: "is required: no proposal without a common language",
    weights_language_scored: "only counts in the score, with the weight above",
    weights_saved: "The weights are saved.",
    nobody_fits: "nobody",
    estimate_label: "Buddy expected",
    estimate_limits: "What lowers the chances most",
    estimate_track_record: |held, checked, people| {
        format!(
            "How often was this estimate right? In the past two years the real wait fell inside the range for {held} of 100 estimates ({checked} estimates for {people} people checked, each with only what was known at the time)."
        )
    },
    estimate_track_record_thin: |checked, needed| {
        format!(
            "Too little history yet to check how often this estimate was right: {checked} estimates to check, at least {needed} needed."
        )
    },
    nav_board: "Match board",
    err_invalid_move: "That step is not possible from this duo's current stage.",
    board_title: "Match board",
    board_intro: "Drag a buddy onto a waiting participant (or the other way round) to propose a duo, and a duo to a next column. Without dragging, the 'Move' button on every card does the same.",
    lane_candidates: "Candidates",
    lane_waiting: "Waiting participants",
    lane_buddies: "Available buddies",
    board_move: "Move",
    board_move_to: "Move to",
    board_propose_with: "Propose with",
    board_confirm: "Confirm",
    board_cancel: "Cancel",
    board_search: "Search by first name",
    board_all_places: "All municipalities",
    board_saved: "Saved.",
    board_back: "Back to the candidates (ends the proposal)",
    board_pick: "Choose…",
    board_blocked: "This duo is not possible:",
    board_free_places: |n| {
        if n == 1 {
            "1 free place".to_owned()
        } else {
            format!("{n} free places")
        }
    },
    board_pair: |b, p| format!("{b} and {p}"),
    board_ended_count: |n| format!("Ended ({n})"),
    board_choose: |name| format!("Pick {name} to pair"),
    board_choose_short: "Pick",
    board_sorted_for: |name| {
        format!("Sorted by how well they fit {name}; those who cannot be paired come last.")
    },
    board_pair_with: |name| format!("Pair with {name}"),
    board_show_more: |n| format!("Show {n} more"),
    board_shown_of: |shown, total| format!("{shown} of {total} shown"),
    board_cannot: "Not possible",
    nav_register: "Ask for a buddy",
    register_title: "Register as a participant",
    register_intro: "Do you often feel alone, and have psychological difficulties made it hard for a long time to go out on your own? A buddy can help: a volunteer who does something nice with you every two or three weeks. You can register yourself, or a care worker does it for you, if you agree.",
    register_what_next: "After you register, the coordinator calls or mails you to arrange an introductory conversation (intake). Many people are waiting for a buddy, so meanwhile we look together for activities near you.",
    register_submit: "Send registration",
    register_who: "Who registers?",
    register_by_person: "I register myself",
    register_by_care_worker: "I am a care worker and register someone",
    register_person: "Who would like a buddy?",
    register_contact_hint: "A phone number or e-mail address, so that we can get in touch (or the care worker's, below).",
    register_care_worker: "For care workers",
    register_care_worker_hint: "Only fill this in if you register someone as a care worker.",
    register_care_worker_name: "Care worker's name",
    register_care_worker_phone: "Care worker's phone",
    register_care_worker_email: "Care worker's e-mail",
    register_receipt_hint: "You get a receipt, without details of the person.",
    register_more: "Anything else?",
    register_note: "Anything you want to tell us? (short, and no medical details)",
    register_privacy_text: "We keep these details only to get in touch and plan the introductory conversation. Only the programme's coordinators see them. You can always ask what we keep about you, and ask us to erase it.",
    register_agreed: "The person being registered agrees to this registration and wants to be contacted.",
    register_organisation: "The care worker's organisation",
    register_privacy_read: "I read how the details are used",
    register_thanks_title: "Thank you for registering",
    register_thanks_text: "We have received your registration. The coordinator will get in touch within two weeks to arrange an introductory conversation.",
    register_mail_subject: |programme| format!("Registration received – {programme}"),
    register_mail_body: |programme| {
        format!(
            "Hello,\n\nWe have received the registration you sent through the website. The coordinator of {programme} will get in touch within two weeks to arrange an introductory conversation.\n\nTo protect the person's privacy, this e-mail holds no details about them.\n\nKind regards,\n{programme}"
        )
    },
    registrations_title: "New registrations: plan the intake",
    registrations_none: "No new registrations.",
    registration_via: |org| format!("via {org}"),
    registration_planned_on: |d| format!("intake planned on {d}"),
    registration_due: |d| format!("plan the intake before {d}"),
    registration_duplicate_chip: "possible duplicate",
    registration_title: "Registration",
    registration_registered: |d, by| match by {
        crate::domain::registration::RegisteredBy::Person => {
            format!("Registered themselves on {d}")
        }
        crate::domain::registration::RegisteredBy::CareWorker => {
            format!("Registered by a care worker on {d}")
        }
    },
    registration_status: |s| match s {
        crate::domain::registration::RegistrationStatus::Open => "waiting for the intake",
        crate::domain::registration::RegistrationStatus::Done => "intake done",
        crate::domain::registration::RegistrationStatus::Closed => "closed without an intake",
    },
    registration_duplicate_participant: "There is a participant with this name already: is it the same person? Nothing is merged.",
    registration_duplicate_registration: "Another open registration looks like this one: is it the same person? Nothing is merged.",
    registration_duplicate_look: "Look",
    registration_intake_title: "Introductory conversation (intake)",
    registration_plan_on: "Planned on",
    registration_plan: "Plan",
    registration_do_intake: "Fill in the intake",
    registration_close: "Close without an intake",
    registration_see_participant: "To the participant",
    board_grab: "Drag, or press Move",
    field_introduction_on: "Date of the introduction meeting",
    field_signed_on: "Date signed",
    field_participant_yes_on: "The participant said yes on",
    field_buddy_yes_on: "The buddy said yes on",
    field_rhythm_min: "Going out together: at least every … weeks",
    field_rhythm_max: "and at most every … weeks",
    field_agreement_items: "Agreements",
    field_agreement_note: "Other agreements",
    field_end_reason: "Reason",
    field_end_note: "Note",
    field_ended_on: "End date",
    smokes_chip: "smokes",
    edit_buddy_title: "Edit buddy",
    col_approved: "Approved on",
    buddy_sort: |s| {
        use crate::domain::people::BuddySort::*;
        match s {
            Newest => "Newest applications first",
            Name => "Name",
            LongestApproved => "Approved longest ago first",
        }
    },
    duo_stage: |x| {
        use crate::domain::duo::DuoStage::*;
        match x {
            Proposed => "Proposed",
            Introduction => "Introduction meeting",
            Active => "Agreement signed",
            Ended => "Ended",
        }
    },
    end_reason: |x| {
        use crate::domain::duo::EndReason::*;
        match x {
            Moved => "Moved",
            NoTime => "No time",
            NoClick => "No click",
            GoalReached => "Goal reached",
            Health => "Health",
            Other => "Other",
        }
    },
    agreement_item: |x| {
        use crate::domain::duo::AgreementItem::*;
        match x {
            ActivityRhythm => "How often we go out and who suggests an activity",
            ContactByPhone => "We call or text each other ourselves",
            CancelInTime => "Whoever cannot come lets the other know in time",
            CostsShared => "How we share the costs of an activity",
            Privacy => "What we tell each other stays between us",
            CoordinatorContact => "We can always contact the coordinator",
        }
    },
    role: |role| match role {
        Role::Admin => "Administrator",
        Role::Coordinator => "Coordinator",
        Role::Screener => "Screener",
        Role::Buddy => "Buddy",
    },
    audit_action: |action| match action {
        AuditAction::LoginSucceeded => "Signed in",
        AuditAction::LoginFailed => "Sign-in failed",
        AuditAction::LoginThrottled => "Sign-in held back",
        AuditAction::Logout => "Signed out",
        AuditAction::Read => "Read",
        AuditAction::Create => "Created",
        AuditAction::Update => "Changed",
        AuditAction::Delete => "Deleted",
        AuditAction::Erase => "Erased",
        AuditAction::Export => "Data requested",
    },
    // Duo page, printable agreement, evaluation conversations.
    duo_title: "Duo",
    duo_participant_link: "Participant's record",
    duo_buddy_link: "Buddy's record",
    duo_history_title: "How the duo went",
    duo_changes_title: "Stage changes",
    duo_step_proposal: "Proposal",
    duo_by: |n| format!("by {n}"),
    duo_score_then: "Score when proposed",
    duo_reasons_missing: "The explanation of this score was not kept.",
    duo_step_introduction: "Introduction meeting",
    duo_planned: "planned",
    duo_step_agreement: "Mutual agreement signed",
    duo_rhythm_label: "Going out together",
    duo_rhythm: |min, max| match (min, max) {
        (1, 1) => "every week".into(),
        (a, b) if a == b => format!("every {a} weeks"),
        (a, b) => format!("every {a} to {b} weeks"),
    },
    duo_no_items: "No agreements ticked",
    duo_agreement_print: "Print the agreement",
    duo_agreement_blank: "Print a blank form",
    duo_step_evaluation: "Evaluation conversation",
    duo_evaluation_due: |d| format!("due by {d}"),
    duo_evaluation_held: |d| format!("held on {d}"),
    duo_step_ending: "Ending",
    duo_next_step: "Next step",
    evaluation_outcome: |x| {
        use crate::domain::duo::EvaluationOutcome::*;
        match x {
            GoingWell => "Going well",
            Adjust => "Something to adjust",
            Worry => "Worried",
        }
    },
    evaluation_form_title: |d| format!("Record the conversation due {d}"),
    field_held_on: "Held on",
    field_held_on_hint: "Today or earlier, after the signing, and not on a day that already has a conversation.",
    field_outcome: "How is it going?",
    field_evaluation_notes: "Notes of the conversation",
    evaluation_save: "Save the conversation",
    evaluation_saved: "The conversation is saved and the next one is planned.",
    err_duo_not_active: "This duo is not active. Evaluation conversations belong to a signed agreement that still runs.",
    agreement_title: "Mutual agreement",
    agreement_intro: |p| {
        format!(
            "An agreement between a participant and a buddy of {p}: how we spend our free time together."
        )
    },
    agreement_participant: "Participant",
    agreement_buddy: "Buddy",
    agreement_coordinator: "Coordinator",
    agreement_date: "Date",
    agreement_rhythm_intro: "We go out together",
    agreement_rhythm_blank: "every ___ to ___ weeks",
    agreement_checklist: "We agree",
    agreement_signatures: "Signatures",
    agreement_signature: "Name, date and signature",
    agreement_print: "Print",
    agreement_print_hint: "Press Ctrl+P (on a Mac: Cmd+P) to print.",
    agreement_blank_note: "Not signed yet: a blank form to fill in together by hand.",
    agreement_back: "Back to the duo",
    agreement_checked: "agreed",
    agreement_unchecked: "not agreed",
    home_due_title: "Evaluation conversations coming up",
    home_due_none: "No evaluation conversations late or due in the next 14 days.",
    home_due_late: "late",
    evaluation_plan_title: "Evaluation conversations",
    evaluation_plan_intro: "When a duo has an evaluation conversation, counted from the signing of the agreement. A change applies to every conversation planned from now on.",
    field_first_after_months: "First conversation after … months",
    field_then_every_months: "Then every … months",
    evaluation_plan_saved: "The plan is saved.",
    buddy_home_title: "My duos",
    buddy_hello: |n| format!("Hello {n}"),
    buddy_not_linked: "Your account is not linked to your buddy record yet. Ask your coordinator.",
    buddy_no_duos: "You have no duo yet. Your coordinator lets you know as soon as there is a match.",
    buddy_duo_with: |n| match n {
        Some(n) => format!("Your duo with {n}"),
        None => "Your duo".to_owned(),
    },
    buddy_duo_introduction: "You are still getting to know each other: your coordinator arranges the introduction. After that, you plan your activities here.",
    buddy_next: "Next activity",
    buddy_nothing_planned: "Nothing planned yet.",
    buddy_plan: "Plan an activity",
    buddy_call: |p| format!("Call {p}"),
    buddy_interests: "Interests",
    buddy_availability: "Usually free",
    buddy_recent: "Earlier",
    buddy_to_confirm: |k, w| format!("Did “{k}” on {w} happen?"),
    buddy_confirm_yes: "Yes, it happened",
    buddy_confirm_no: "No, it did not happen",
    buddy_check_in_prompt: |k, w| format!("How did “{k}” on {w} go?"),
    buddy_check_in_link: "Tell how it went",
    buddy_add_calendar: "Add to my calendar",
    buddy_open_activity: "Move or cancel",
    activity_status: |s| {
        use crate::domain::activity::ActivityStatus::*;
        match s {
            Planned => "planned",
            Done => "happened",
            Cancelled => "cancelled",
        }
    },
    mood_word: |m| {
        use crate::domain::activity::Mood::*;
        match m {
            Bad => "Bad",
            Meh => "Not so good",
            Okay => "Okay",
            Good => "Good",
            Great => "Very good",
        }
    },
    plan_title: |n| match n {
        Some(n) => format!("Plan an activity with {n}"),
        None => "Plan an activity".to_owned(),
    },
    field_activity_kind: "What will you do?",
    field_activity_date: "Date",
    field_activity_time: "Time",
    field_activity_place: "Where do you meet?",
    field_activity_place_hint: "An address or a place, e.g. ‘at the station’.",
    field_activity_note: "Note for the two of you (optional)",
    plan_save: "Plan",
    activity_reschedule_title: "Move",
    activity_reschedule_save: "Move",
    activity_cancel_title: "Cancel",
    field_cancel_reason: "Why is it not going ahead?",
    activity_cancel_save: "Cancel the activity",
    activity_cancelled: |r| format!("Cancelled: {r}"),
    checkin_title: "How did it go?",
    field_checkin_note: "Anything for your coordinator? (only your coordinator reads this)",
    checkin_save: "Save",
    checkin_done: "Thank you for checking in. Until next time!",
    offline_kept: "Saved on this phone. It will be sent when you are online again.",
    offline_waiting_title: "Still to send",
    offline_answer: |answer, kind, when| match answer {
        Answer::Confirm => format!("“{kind}” on {when} happened"),
        Answer::Cancel { .. } => format!("“{kind}” on {when} cancelled"),
        Answer::CheckIn { .. } => format!("Check-in after “{kind}” on {when}"),
    },
    offline_sign_in_again: "You were signed out in the meantime. Sign in again and this will be sent.",
    offline_do_not_sign_out: "Do not sign out before everything is sent: signing out clears what is on this phone.",
    offline_send_now: "Send now",
    offline_refused_title: "Not sent",
    offline_conflict: "This activity was changed in the meantime (by your coordinator or on another \
                       device). Your answer was not sent: look at the activity and answer again.",
    offline_dismiss: "Got it",
    offline_banner: "You are offline. You see your page as you last saw it; what you answer now \
                     is saved on this phone.",
    activity_back: "Back to my duos",
    activity_not_yet: "This is possible once the activity is over.",
    cadence_title: "Duo follow-up",
    cadence_none: "No active duos yet.",
    cadence_all_fine: "Every active duo keeps to its rhythm.",
    cadence_quiet: |n| format!("{n} days without an activity"),
    cadence_never: "no activity yet",
    cadence_last: |d| format!("last activity {d}"),
    cadence_next: |d| format!("planned on {d}"),
    cadence_flag: "gone quiet",
    cadence_first_months: "first 3 months",
    cadence_low: "difficult check-in",
    cadence_rhythm: |a, b| format!("rhythm: every {a} to {b} weeks"),
    cadence_margin_note: |n| {
        format!(
            "A duo is flagged when it has been quiet for longer than its rhythm plus {n} days and nothing is planned."
        )
    },
    cadence_attention: |n| format!("{n} duo(s) need attention"),
    duo_activities_title: "Activities",
    duo_activities_none: "No activities yet.",
    checkin_label: "Check-in",
    cadence_margin_title: "Duo follow-up",
    field_cadence_margin: "Margin on top of the agreed rhythm (days)",
    cadence_margin_saved: "The margin is saved.",
    buddy_my_calendar: "My calendar",
    buddy_invite: "Invite to Klik",
    buddy_invite_hint: "The buddy receives an e-mail to choose a password. Then they plan the activities with their duo on their own phone.",
    buddy_invite_no_email: "This buddy's profile has no e-mail address. Add it first.",
    buddy_has_account: "Has their own account in Klik.",
    nav_outbox: "Outgoing mail",
    outbox_title: "Outgoing mail",
    outbox_intro: "Every message Klik sends, first kept and then delivered; after an error tried again, each time later. The content is not shown here.",
    outbox_pending: |n| match n {
        0 => "Nothing waits to be sent.".to_owned(),
        1 => "1 message waits to be sent.".to_owned(),
        n => format!("{n} messages wait to be sent."),
    },
    outbox_not_configured: "Sending mail is not set up (KLIK_SMTP_URL): messages keep waiting until it is.",
    outbox_to: "To",
    outbox_created: "Created",
    outbox_attempts: "Attempts",
    outbox_next_attempt: "Next attempt",
    outbox_sent_at: "Sent",
    outbox_last_error: "Last error",
    outbox_status: |status| {
        use crate::domain::mail::MailStatus;
        match status {
            MailStatus::Pending => "waiting",
            MailStatus::Sending => "being sent",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    },
    outbox_kind: |kind| match kind {
        "registration_receipt" => "Registration receipt".to_owned(),
        "invitation" => "Invitation".to_owned(),
        "activity_reminder" => "Activity reminder".to_owned(),
        "buddy_nudge" => "Rhythm reminder".to_owned(),
        "coordinator_digest" => "Coordinator overview".to_owned(),
        other => other.to_owned(),
    },
    mail_activity_subject: |kind, when| format!("Tomorrow: {kind} ({when})"),
    mail_activity_body: |first_name, kind, when, place, link| {
        let place = if place.is_empty() {
            String::new()
        } else {
            format!("\nWhere: {place}")
        };
        format!(
            "Hello,\n\nA reminder: tomorrow you meet {first_name}.\n\nWhat: {kind}\nWhen: {when}{place}\n\nCan it not go ahead? Move or cancel the activity in Klik:\n{link}\n\nEnjoy your time together!"
        )
    },
    mail_nudge_subject: |first_name| format!("Anything planned with {first_name}?"),
    mail_nudge_body: |first_name, days, link| {
        format!(
            "Hello,\n\nYour last activity with {first_name} was {days} days ago, and nothing is planned. Will you arrange something soon? Put it in Klik:\n{link}\n\nIs it hard right now? Let your coordinator know, and we will find a way together."
        )
    },
    mail_digest_subject: |n| match n {
        1 => "Klik: 1 duo needs attention".to_owned(),
        n => format!("Klik: {n} duos need attention"),
    },
    mail_digest_body: |lines, link| {
        format!("Hello,\n\nThese duos need attention:\n\n{lines}\n\nEverything in Klik: {link}")
    },
    mail_digest_quiet: |first_name, days, link| {
        format!("- Duo with {first_name}: {days} days without an activity – {link}")
    },
    mail_digest_evaluation: |first_name, due, link| {
        format!("- Duo with {first_name}: evaluation conversation planned on {due} – {link}")
    },
    nav_calendar: "My calendar",
    calendar_title: "My calendar",
    calendar_intro: "See your buddy activities in the calendar you already use, on your phone or computer. Klik gives you a personal, secret calendar address for that. Your calendar app checks it regularly for anything new or changed.",
    calendar_privacy: "Your calendar only gets the kind of activity, the first name, the time and the place. Never your notes or how it went.",
    calendar_status_on: |since| format!("Your calendar address has been working since {since}."),
    calendar_status_off: "You have no calendar address yet.",
    calendar_create: "Make my calendar address",
    calendar_renew: "Make a new calendar address",
    calendar_renew_hint: "The old address stops working at once. Then put the new address in your calendar app.",
    calendar_url_title: "Your calendar address",
    calendar_url_label: "Calendar address (secret)",
    calendar_url_once: "Copy the address now: Klik shows it only once. Share it with nobody: whoever has it sees your appointments. Lost it? Just make a new address.",
    calendar_copy: "Copy the address",
    calendar_copied: "The address is copied.",
    calendar_copy_failed: "Copying did not work. Select the address and copy it yourself.",
    calendar_open_app: "Open in my calendar app",
    calendar_how_title: "How to add the address to your calendar",
    calendar_apps: &[
        (
            "Google Calendar",
            &[
                "Open Google Calendar on a computer (calendar.google.com). The phone app cannot do it.",
                "On the left, next to ‘Other calendars’, click the plus sign (+) and choose ‘From URL’.",
                "Paste your calendar address and click ‘Add calendar’.",
                "The calendar then shows up on your phone by itself.",
            ],
        ),
        (
            "Apple (iPhone, iPad, Mac)",
            &[
                "iPhone or iPad: open Settings › Apps › Calendar › Calendar Accounts › Add Account › Other › Add Subscribed Calendar.",
                "Paste your calendar address, tap ‘Next’ and then ‘Save’.",
                "Mac: open Calendar and choose File › New Calendar Subscription. Paste the address and click ‘Subscribe’.",
            ],
        ),
        (
            "Outlook",
            &[
                "Open Outlook on the web (outlook.com or Microsoft 365) and go to the calendar.",
                "Choose ‘Add calendar’, then ‘Subscribe from web’.",
                "Paste your calendar address, give the calendar a name and click ‘Import’.",
            ],
        ),
    ],
    calendar_delay: "A new or moved activity does not show at once: calendar apps check every few hours, Google sometimes only once a day.",
    calendar_revoke_summary: "Revoke the calendar address",
    calendar_revoke_explain: "Do this when your phone is lost or someone else knows the address. Your calendar app then gets no more activities from Klik. Also remove the subscription in your calendar app yourself.",
    calendar_revoke_confirm: "Yes, revoke my calendar address",
    calendar_revoked: "Your calendar address is revoked: it no longer works.",
    calendar_feed_name: "Klik – my buddy activities",
    calendar_event_summary: |kind, first_name| format!("Klik: {kind} with {first_name}"),
    calendar_event_cancelled: "Cancelled:",
    nav_stones: "Stepping stones",
    nav_reports: "Reports",
    stones_title: "Stepping stones",
    stones_intro: "The leisure offer of the region: courses, groups, clubs, walks, cafés and volunteering that a waiting participant can join already. Klik shows with every participant which stepping stones fit.",
    stones_new: "New stepping stone",
    stones_edit: "Edit stepping stone",
    stones_none: "No stepping stones in the catalogue yet.",
    stones_count: |all, check| match check {
        0 => format!("{all} stepping stones"),
        1 => format!("{all} stepping stones, 1 to check"),
        n => format!("{all} stepping stones, {n} to check"),
    },
    stone_needs_check: "check it",
    stone_hidden: "hidden",
    stone_ended: "ended",
    stone_checked_on: |d| format!("checked on {d}"),
    stone_any_time: "any time or by appointment",
    stone_online: "online",
    stone_kind: "Kind",
    stone_description: "Short description in plain words",
    stone_municipality: "Municipality",
    stone_municipality_online: "Online (no place)",
    stone_address: "Address or meeting point",
    stone_when: "When? (nothing ticked: any time or by appointment)",
    stone_starts_on: "Starts on (blank: already running)",
    stone_ends_on: "Ends on (blank: ongoing)",
    stone_cost: "Cost",
    stone_free: "Free",
    stone_paying: "Paying",
    stone_price: "Price in euros",
    stone_uitpas_price: "Price with the UiTPAS reduction (blank: none)",
    stone_accessibility: "Accessibility",
    stone_contact: "Contact (name, phone or e-mail)",
    stone_last_checked: "Last checked on",
    stone_saved: "Stepping stone saved.",
    stones_fit_title: "Stepping stones that fit",
    stones_fit_none: "No stepping stone of the catalogue fits now: check the catalogue or widen the distance.",
    stones_fit_points: |p| format!("{p} out of 100"),
    stone_what: "What is it?",
    stone_where_when: "Where and when?",
    stone_cost_kind: "Free or paying?",
    referrals_title: "Referred to stepping stones",
    referrals_none: "Not referred yet.",
    refer_button: "Refer",
    refer_way: "How?",
    referral_way: |w| match w {
        crate::domain::referral::ReferralWay::Told => "told in a conversation",
        crate::domain::referral::ReferralWay::Brochure => "brochure or sheet given",
        crate::domain::referral::ReferralWay::Accompanied => "someone goes along the first time",
    },
    referral_on: |d| format!("referred on {d}"),
    follow_up_from: |d| format!("follow up from {d}"),
    followed_up_on: |d| format!("followed up on {d}"),
    follow_up_title: "How did it go?",
    follow_up_outcome: "Did the person go?",
    outcome: |o| match o {
        crate::domain::referral::Outcome::Continues => "went and keeps going",
        crate::domain::referral::Outcome::WentOnce => "went once",
        crate::domain::referral::Outcome::DidNotGo => "did not go",
    },
    not_going: |r| match r {
        crate::domain::referral::NotGoing::TooFar => "too far",
        crate::domain::referral::NotGoing::TooExpensive => "too expensive",
        crate::domain::referral::NotGoing::Anxious => "anxiety or tension",
        crate::domain::referral::NotGoing::NotInterested => "not interested after all",
        crate::domain::referral::NotGoing::Timing => "the time does not suit",
        crate::domain::referral::NotGoing::Other => "another reason",
    },
    follow_up_reason: "Why not? (if the person did not go)",
    follow_up_note: "Note",
    follow_up_on: "Date of the conversation (blank: today)",
    follow_up_save: "Save the follow-up",
    follow_ups_title: "Stepping stones to follow up",
    follow_ups_none: "No stepping stones to follow up.",
    first_steps_title: "Registration and stepping stones",
    first_steps_intake_days: "Plan the intake within (days)",
    first_steps_follow_up_weeks: "Follow up a stepping stone after (weeks)",
    first_steps_check_months: "Check a stepping stone after (months)",
    first_steps_phone: "Phone number for participants (on the take-home sheet)",
    first_steps_saved: "Settings saved.",
    sheet_link: "Take-home sheet",
    sheet_title: |n| format!("Your stepping stones, {n}"),
    sheet_intro: "Here are the activities we talked about. You choose what you want to try. Not sure? Just call us.",
    sheet_what: "What is it?",
    sheet_where: "Where?",
    sheet_when: "When?",
    sheet_starts: |d| format!("from {d}"),
    sheet_cost: "What does it cost?",
    sheet_way: "How do you get there?",
    sheet_way_text: "Look up the way on delijn.be or ask us. You may bring someone along if that helps.",
    sheet_online: "Online, from home. The link is below.",
    sheet_contact: "Whom can you call?",
    sheet_questions: |programme, phone| {
        if phone.is_empty() {
            format!("Questions? Ask your coordinator at {programme}.")
        } else {
            format!("Questions? Call {programme}: {phone}.")
        }
    },
    sheet_none: "No stepping stones chosen yet: refer from the record first.",
    sheet_print: "Print",
    sheet_back: "Back to the record",
    stone_figures: |r, w, c| format!("referred {r} times, went {w} times, {c} still going"),
    stone_never_referred: "never referred",
    stone_quiet_year: "not referred for a year",
    learn_title: "What the stepping stones teach us",
    learn_none: "No referrals yet.",
    learn_referred: "Referred",
    learn_went: "Went",
    learn_continues: "Still going",
    learn_not_gone: "Did not go",
    learn_reasons: "Why people did not go",
    waiting_stone_hint: |title, n| match n {
        1 => format!("A stepping stone that fits: {title}"),
        n => format!("Stepping stones that fit: {title} and {} more", n - 1),
    },
    stones_fit_more: |n| match n {
        1 => "1 more stepping stone that fits".to_owned(),
        n => format!("{n} more stepping stones that fit"),
    },
    erasure_refusal: |why| match why {
        ErasureRefusal::AlreadyErased => "This record has already been erased.",
        ErasureRefusal::OpenDuo => "This person is still in a duo. End the duo first.",
        ErasureRefusal::NotClosed => {
            "The record is still open. Close it first (status ‘Closed’, or for a buddy ‘Stopped’ or ‘Not approved’)."
        }
    },
    answer_refusal: |why| match why {
        crate::domain::event::AnswerRefusal::Cancelled => "This event was cancelled.",
        crate::domain::event::AnswerRefusal::Closed => "Answers are closed for this event.",
        crate::domain::event::AnswerRefusal::Started => {
            "This event has already started; answers are closed."
        }
        crate::domain::event::AnswerRefusal::OfferLapsed => {
            "You did not confirm the place in time: it went to the next person on the waiting list. Still want to come? Answer yes again to join the end of the waiting list."
        }
    },
    erasure_reason: |r| match r {
        ErasureReason::Request => "The person asked for it",
        ErasureReason::NoLongerNeeded => "No longer needed",
        ErasureReason::ConsentWithdrawn => "Consent withdrawn",
        ErasureReason::Retention => "Retention period ended",
    },
    erase_link: "Erase data…",
    erase_title: "Erase data",
    erase_intro: "Erasing makes the record anonymous. What makes the person recognisable is removed for good. What the programme’s figures need stays, under a pseudonym. This cannot be undone.",
    erase_removed_title: "What is removed",
    erase_kept_title: "What stays, without a name",
    erase_removed: |r| match r {
        Removed::Name => "First and last name (replaced by a pseudonym)".to_owned(),
        Removed::Contact => {
            "Phone, e-mail address, the referrer’s and the support person’s contact".to_owned()
        }
        Removed::BirthDate => "Date of birth (the year stays)".to_owned(),
        Removed::Notes => "The coordinator’s notes and the wishes about a buddy".to_owned(),
        Removed::ContactNotes(n) => format!("Notes of contacts ({n})"),
        Removed::Registrations(n) => {
            format!("Registrations: names, contact details, care worker, note ({n})")
        }
        Removed::DuoTexts(n) => format!("Agreements and notes on how duos ended ({n})"),
        Removed::ActivityTexts(n) => format!("Place, note and check-in of activities ({n})"),
        Removed::EvaluationNotes(n) => format!("Notes of evaluations ({n})"),
        Removed::HistoryNotes(n) => format!("Notes on status changes and referrals ({n})"),
        Removed::Mails(n) => {
            format!("Mails to or about the person: address, subject and text ({n})")
        }
        Removed::Drafts(n) => format!("Unsent forms with the name ({n})"),
        Removed::Screenings(n) => format!("Notes of screening conversations ({n})"),
        Removed::Account => {
            "The account: e-mail address, name, password, two-step secret; signed-in sessions end"
                .to_owned()
        }
    },
    erase_kept: |k| match k {
        Kept::Dates => "Dates: intake, waiting time, duos, activities, status changes",
        Kept::Codes => "Statuses, outcomes and reasons as choices from a list",
        Kept::Demographics => "Gender, municipality and year of birth",
        Kept::MatchProfile => "The matching profile: interests, personality, availability, travel",
        Kept::Scores => "Matching scores and moods at check-ins",
        Kept::AuditTrail => {
            "The log: who read or changed the record and when (it never holds the content)"
        }
    },
    erase_reason_label: "Why are you erasing this record?",
    erase_confirm_label: "I checked what will be removed. I know this cannot be undone.",
    erase_submit: "Erase for good",
    erased_notice: |on| {
        format!(
            "This record was erased on {on}. Names, contact details and notes are gone; the figures stay under a pseudonym."
        )
    },
    trail_title: "Who read or changed this record",
    trail_intro: "Every time someone opens or changes this record, Klik keeps who and when, never what it said. Newest first.",
    data_link: "Request all data",
    data_title: "All data about this person",
    data_intro: "Everything Klik keeps about this person, as they may request it (GDPR art. 15). Print this page or download the file. Every request is logged.",
    data_download: "Download as a file (JSON)",
    data_exported: |at| format!("Requested on {at}"),
    data_record: "Record",
    data_contacts: "Contacts",
    data_registrations: "Registrations",
    data_duos: "Duos",
    data_duo: |buddy| format!("Duo with {buddy}"),
    data_activities: "Activities",
    data_evaluations: "Evaluations",
    data_referrals: "Referrals to stepping stones",
    data_mails: "Mails to this person",
    data_none: "Nothing.",
    data_consent_version: |version, on| format!("Text version {version}, given on {on}"),
    data_mood: "Mood",
    data_subject: "Subject",
    data_message: "Text",
    data_buddy_notes: "The coordinator's notes on a duo's evaluations and its end are not included: they are also about the participant (GDPR art. 15(4)).",
    data_application: "Application as a volunteer",
    data_account: "Account",
    data_created: "Created on",
    data_active: "Active",
    data_recovery_left: "Recovery codes left",
    data_sign_ins: "Sign-in attempts",
    data_sign_in_ok: "succeeded",
    data_sign_in_failed: "failed",
    data_calendar_since: "Calendar feed since",
    data_actions: "What this user did in Klik",
    data_buddy_record: "This user is also a buddy: their data as a buddy",
    data_secrets: "Password, two-step secret, recovery codes and session keys are never shown: only whether they exist.",
    nav_retention: "Retention",
    retention_title: "Retention",
    retention_intro: |r| {
        format!(
            "Klik keeps nothing longer than needed. Every night a job anonymises what is past its period: closed participants’ records after {} months, candidates not approved after {} months, buddies who stopped after {} months. Check-in notes go after {} months, mails after {} days, the log after {} months. You can hold one record back when there is a reason.",
            r.participant_months,
            r.candidate_months,
            r.buddy_months,
            r.checkin_note_months,
            r.mail_body_days,
            r.audit_log_months
        )
    },
    retention_due_title: "Erased in the next 30 days",
    retention_due_none: "Nothing in the next 30 days.",
    retention_held_title: "Held back",
    retention_category: |c| match c {
        RetentionCategory::ClosedParticipant => "Closed participant",
        RetentionCategory::Candidate => "Candidate not approved",
        RetentionCategory::StoppedBuddy => "Buddy who stopped",
    },
    retention_since: "Since",
    retention_erased_from: "Erased on",
    retention_held_until: |on| format!("Held until {on}"),
    hold_reason: |r| match r {
        HoldReason::MayReturn => "May come back",
        HoldReason::Dispute => "Complaint, dispute or a question from an authority",
        HoldReason::PersonAsked => "The person asked for it",
    },
    hold_until_label: "Hold until",
    hold_reason_label: "Why?",
    hold_submit: "Hold back",
    retention_runs_title: "What the nightly job did",
    retention_runs_none: "The job has not run yet.",
    retention_run_unfinished: "interrupted",
    retention_col_day: "Day",
    retention_col_people: "Records erased",
    retention_col_notes: "Check-in notes",
    retention_col_mails: "Mails",
    retention_col_log: "Log rows",
    retention_settings_title: "Retention periods",
    retention_settings_saved: "The retention periods are saved.",
    retention_participant_months: "Closed participant record (months)",
    retention_candidate_months: "Candidate not approved (months after the decision)",
    retention_buddy_months: "Buddy who stopped (months)",
    retention_checkin_note_months: "Check-in note (months)",
    retention_mail_body_days: "Sent mail (days)",
    retention_audit_log_months: "Log (months, at least 12)",
    nav_registers: "Registers",
    registers_title: "Data protection registers",
    registers_intro: "The record of processing (GDPR art. 30) and the list of who can read health data (Belgian act of 30 July 2018, art. 9). Klik makes them from its own data model, access rules and retention periods, so they always match what Klik does. Print or download them.",
    registers_made: |programme, at| format!("{programme} · made on {at}"),
    registers_download: "Download as a file (JSON)",
    registers_processing_title: "Record of processing",
    registers_people: "About whom",
    registers_data: "Which data",
    registers_special: "Holds health data (special category, art. 9)",
    registers_purposes: "What for",
    registers_basis: "Legal basis",
    registers_recipients: "Who sees it",
    registers_keeping: "How long",
    registers_records: "Records now",
    registers_measures_title: "Security measures in Klik",
    registers_access_title: "Who can read health data",
    registers_access_intro: |roles| {
        format!(
            "Everyone with an account with the role {roles}: they can open participants’ records. Every read is in the log."
        )
    },
    registers_col_since: "Account since",
    registers_inactive: "disabled",
    person_category: |c| match c {
        PersonCategory::Participants => "Participants",
        PersonCategory::Registrations => "Registrations (before the intake)",
        PersonCategory::Buddies => "Buddies",
        PersonCategory::Candidates => "Candidate volunteers",
        PersonCategory::Staff => "Staff (coordinators, admins, the partner’s screeners)",
    },
    data_category: |d| match d {
        DataCategory::Identity => "name",
        DataCategory::Contact => "contact details",
        DataCategory::Demographics => "birth date, gender, municipality, languages",
        DataCategory::MatchingProfile => "interests, personality, availability, travel, wishes",
        DataCategory::HealthContext => {
            "taking part in the programme (long-term psychological vulnerability)"
        }
        DataCategory::Notes => "notes of the coordinator and of contacts",
        DataCategory::DuoHistory => "duos, agreements, activities, check-ins, evaluations",
        DataCategory::Referrals => "referrals to stepping stones",
        DataCategory::Consents => "consents given",
        DataCategory::CareWorker => "the care worker’s name and contact",
        DataCategory::Screening => "motivation and screening conversations",
        DataCategory::Account => "account, sessions, two-step sign-in, log",
    },
    purpose: |p| match p {
        Purpose::Matching => "finding a fitting buddy and following up the duo",
        Purpose::Intake => "following up a registration until the intake",
        Purpose::Volunteering => "finding, screening and supporting volunteers",
        Purpose::Operation => "running Klik: accounts, access, security",
    },
    legal_basis: |b| match b {
        LegalBasis::ExplicitConsent => {
            "explicit consent, art. 6(1)(a) and 9(2)(a) (recorded at the intake)"
        }
        LegalBasis::PreContract => {
            "steps at the person’s request before an agreement, art. 6(1)(b)"
        }
        LegalBasis::Contract => "the volunteer agreement, art. 6(1)(b)",
        LegalBasis::LegitimateInterest => "the programme’s legitimate interest, art. 6(1)(f)",
    },
    recipient: |r| match r {
        Recipient::Coordinators => "the programme’s coordinators and admins",
        Recipient::Partner => {
            "the partner organisation’s screeners (only the candidates they screen)"
        }
        Recipient::Buddy => "the duo’s buddy (first name; phone and interests only with consent)",
        Recipient::MailServer => "the mail server that delivers Klik’s mails",
        Recipient::Backups => "whoever keeps the installation’s backups",
        Recipient::Downloads => {
            "whoever receives a download: a person's data file (on their request), reports (counts only)"
        }
    },
    keeping: |k| match k {
        Keeping::MonthsAfterClosing(m) => format!("anonymised {m} months after closing"),
        Keeping::MonthsAfterDecision(m) => format!("anonymised {m} months after the decision"),
        Keeping::WhileAccount => "as long as the account exists".to_owned(),
        Keeping::UntilIntake => "until the intake, then part of the record".to_owned(),
    },
    measure: |m| match m {
        Measure::PasswordsHashed => "Passwords kept only as Argon2 hashes.",
        Measure::TwoStep => "Two-step sign-in (TOTP), can be made compulsory per role.",
        Measure::RoleAccess => "Access by role; whatever is not allowed is refused (tested).",
        Measure::AuditTrail => "Every read and change of a record in a log that cannot be changed.",
        Measure::NoPersonalDataInLogs => {
            "No personal data in server logs, addresses or error messages."
        }
        Measure::Retention => "Retention periods applied by themselves every night.",
        Measure::Erasure => "Erasure by anonymisation, with a preview first.",
        Measure::Downloads => {
            "A person's data file is logged; reports hold counts only (1 to 4 hidden)."
        }
    },
};

use super::Texts;
use crate::domain::validation::Problem;

pub const TEXTS: Texts = Texts {
    app_name: "Klik",
    app_tagline: "Out and about together",
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
    err_internal: "Something went wrong on our side.",
    err_request: "The server could not be reached. Check your connection and try again.",
    problem: |problem| match problem {
        Problem::Required => "This field is required.".into(),
        Problem::TooShort { min } => format!("Use at least {min} characters."),
        Problem::TooLong { max } => format!("Use at most {max} characters."),
        Problem::OutOfRange { min, max } => format!("Choose a value from {min} to {max}."),
        Problem::Invalid => "This value is not valid.".into(),
    },
};

use super::Texts;
use crate::domain::account::Role;
use crate::domain::audit::AuditAction;
use crate::domain::validation::Problem;

pub const TEXTS: Texts = Texts {
    app_name: "Klik",
    app_tagline: "Samen op stap",
    skip_to_content: "Naar de inhoud",
    nav_label: "Hoofdmenu",
    nav_home: "Start",
    nav_privacy: "Privacy",
    switch_language: "English",
    switch_language_label: "Switch to English",
    loading: "Even laden…",
    footer: "Klik brengt buddy's en deelnemers samen.",

    home_title: "Welkom bij Klik",
    home_intro: "Klik helpt de buddywerking om vrijwilligers en deelnemers samen te brengen: \
                 van de aanmelding tot de koppeling en de opvolging van elk duo.",
    home_today: |date| format!("Vandaag is het {date}."),
    home_cards_label: "Wat Klik doet",
    home_card_intake_title: "Aanmelden",
    home_card_intake_text: "Deelnemers en kandidaat-buddy's aanmelden, screenen en op de \
                            wachtlijst opvolgen.",
    home_card_matching_title: "Koppelen",
    home_card_matching_text: "Voor elke nieuwe buddy zien welke wachtende deelnemer het best \
                              past, en waarom.",
    home_card_followup_title: "Opvolgen",
    home_card_followup_text: "Activiteiten plannen en bevestigen, evaluatiegesprekken \
                              opvolgen en duo's ondersteunen.",
    home_card_privacy_title: "Privacy",
    home_card_privacy_text: "Iedereen ziet alleen wat nodig is. Wie een dossier leest of \
                             wijzigt, wordt bijgehouden.",

    privacy_title: "Privacy",
    privacy_paragraphs: &[
        "De buddywerking bewaart alleen de gegevens die nodig zijn om deelnemers en buddy's \
         goed te koppelen en op te volgen. We vragen geen diagnose.",
        "Elke gebruiker ziet alleen wat voor zijn of haar rol nodig is. Een buddy ziet alleen \
         wat de deelnemer heeft toegestaan te delen.",
        "Wie een dossier van een deelnemer leest of wijzigt, wordt bijgehouden. Je kunt altijd \
         vragen welke gegevens we over je bewaren, en vragen om ze te verbeteren of te wissen.",
    ],

    not_found_title: "Pagina niet gevonden",
    not_found_text: "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar \
                     de startpagina.",
    back_home: "Terug naar start",

    error_title: "Er ging iets mis",
    error_text: "Er is niets verloren gegaan. Probeer het zo meteen opnieuw.",
    error_reference: |code| format!("Geef deze code door aan de beheerder: {code}"),
    error_retry: "Opnieuw proberen",

    err_not_found: "Dit bestaat niet (meer).",
    err_forbidden: "Je hebt geen toegang tot deze gegevens.",
    err_unauthenticated: "Je bent niet (meer) aangemeld. Meld je opnieuw aan.",
    err_conflict: "Iemand anders heeft dit intussen gewijzigd. Bekijk de nieuwe gegevens en \
                   probeer opnieuw; wat je typte, staat er nog.",
    err_login_failed: "Dit e-mailadres en wachtwoord passen niet bij elkaar.",
    err_too_many_attempts: "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.",
    err_internal: "Er ging iets mis aan onze kant.",
    err_request: "De server kon niet bereikt worden. Controleer je verbinding en probeer \
                  opnieuw.",
    problem: |problem| match problem {
        Problem::Required => "Dit veld is verplicht.".into(),
        Problem::TooShort { min } => format!("Gebruik minstens {min} tekens."),
        Problem::TooLong { max } => format!("Gebruik hoogstens {max} tekens."),
        Problem::OutOfRange { min, max } => format!("Kies een waarde van {min} tot {max}."),
        Problem::Guessable => "Dit wachtwoord is te makkelijk te raden. Kies een langere zin \
                                of een combinatie van losse woorden."
            .into(),
        Problem::AlreadyUsed => "Dit is al in gebruik.".into(),
        Problem::Invalid => "Deze waarde is niet geldig.".into(),
    },
    nav_account: "Mijn account",
    nav_users: "Gebruikers",
    nav_audit: "Auditlog",
    sign_in: "Aanmelden",
    sign_out: "Afmelden",
    signed_in_as_label: "Aangemeld als",
    field_email: "E-mailadres",
    field_password: "Wachtwoord",
    field_name: "Naam",
    field_current_password: "Huidig wachtwoord",
    field_new_password: "Nieuw wachtwoord",
    password_hint: "Minstens 12 tekens. Een zin van een paar losse woorden is sterk en makkelijk te onthouden.",
    login_title: "Aanmelden bij Klik",
    login_intro: "Meld je aan met je e-mailadres en wachtwoord.",
    setup_title: "Klik instellen",
    setup_intro: "Er is nog geen account. Maak het eerste beheerdersaccount aan: daarmee nodig je daarna de anderen uit.",
    setup_submit: "Beheerder aanmaken",
    account_title: "Mijn account",
    password_change_title: "Wachtwoord wijzigen",
    password_change_submit: "Wachtwoord wijzigen",
    password_changed: "Je wachtwoord is gewijzigd. Je andere sessies zijn afgemeld.",
    sessions_title: "Waar je bent aangemeld",
    session_this_device: "Dit toestel",
    session_last_seen: "Laatst actief",
    session_end: "Afmelden",
    unknown_device: "Onbekend toestel",
    users_title: "Gebruikers",
    col_name: "Naam",
    col_email: "E-mailadres",
    col_role: "Rol",
    col_status: "Status",
    col_actions: "Acties",
    status_active: "Actief",
    status_disabled: "Uitgeschakeld",
    status_invited: "Uitgenodigd",
    user_disable: "Uitschakelen",
    user_enable: "Inschakelen",
    user_end_sessions: "Sessies beëindigen",
    user_save_role: "Rol opslaan",
    saved: "Opgeslagen.",
    audit_title: "Auditlog",
    audit_intro: "Wie wat las of wijzigde, en wanneer. De inhoud zelf staat hier nooit.",
    col_when: "Wanneer",
    col_who: "Wie",
    col_action: "Actie",
    col_record: "Gegevens",
    audit_filter_action: "Actie",
    audit_all_actions: "Alle acties",
    filter: "Filteren",
    older: "Oudere",
    nobody: "—",
    empty_list: "Nog niets.",
    sign_in_needed: "Meld je aan om deze pagina te zien.",
    role: |role| match role {
        Role::Admin => "Beheerder",
        Role::Coordinator => "Coördinator",
        Role::Screener => "Screener",
        Role::Buddy => "Buddy",
    },
    audit_action: |action| match action {
        AuditAction::LoginSucceeded => "Aangemeld",
        AuditAction::LoginFailed => "Aanmelding mislukt",
        AuditAction::LoginThrottled => "Aanmelding tegengehouden",
        AuditAction::Logout => "Afgemeld",
        AuditAction::Read => "Gelezen",
        AuditAction::Create => "Aangemaakt",
        AuditAction::Update => "Gewijzigd",
        AuditAction::Delete => "Verwijderd",
    },
};

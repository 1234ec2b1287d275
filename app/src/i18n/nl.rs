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
    err_two_factor_required: "Zet eerst tweestapsaanmelding aan bij ‘Mijn account’: dat is verplicht voor jouw rol.",
    err_expired: "Deze link of stap is niet meer geldig. Begin opnieuw, of vraag een nieuwe uitnodiging.",
    invite_mail_subject: |programme| {
        format!("Uitnodiging voor Klik – {programme} / Invitation to Klik")
    },
    invite_mail_body: |name, programme, link, until| {
        format!(
            "Dag {name},\n\nJe bent uitgenodigd om Klik te gebruiken, de software van {programme}.\nOpen deze link en kies een wachtwoord:\n\n{link}\n\nDe link werkt één keer, tot {until}.\nVerwachtte je deze uitnodiging niet? Dan hoef je niets te doen."
        )
    },
    login_code_title: "Tweede stap",
    login_code_intro: "Typ de code van zes cijfers uit je authenticatie-app.",
    field_code: "Code",
    login_code_hint: "Geen toestel bij de hand? Een herstelcode werkt ook, één keer.",
    login_code_submit: "Bevestigen",
    login_start_over: "Opnieuw aanmelden",
    two_factor_title: "Tweestapsaanmelding",
    two_factor_explain: "Naast je wachtwoord vraagt Klik dan een code uit een app op je gsm (zoals Google Authenticator, Microsoft Authenticator of FreeOTP).",
    two_factor_is_on: "Tweestapsaanmelding staat aan.",
    two_factor_is_off: "Tweestapsaanmelding staat uit.",
    two_factor_must_enrol: "Voor jouw rol is tweestapsaanmelding verplicht. Zet ze hieronder aan; daarna kun je verder.",
    two_factor_start: "Tweestapsaanmelding aanzetten",
    two_factor_scan: "Scan deze QR-code met je authenticatie-app, of typ de sleutel over. Typ daarna de code die de app toont.",
    two_factor_key: "Sleutel",
    two_factor_qr_label: "QR-code voor je authenticatie-app",
    two_factor_confirm: "Code bevestigen",
    two_factor_codes_title: "Je herstelcodes",
    two_factor_codes_intro: "Bewaar deze codes op papier of in een wachtwoordkluis. Elke code werkt één keer als je je gsm niet bij de hand hebt. Je ziet ze maar één keer.",
    two_factor_codes_left: |n| format!("Nog {n} ongebruikte herstelcodes."),
    two_factor_disable: "Tweestapsaanmelding uitzetten",
    two_factor_renew_codes: "Nieuwe herstelcodes maken",
    two_factor_required_cannot_disable: "Verplicht voor jouw rol: uitzetten kan niet.",
    invite_title: "Iemand uitnodigen",
    invite_intro: "De uitgenodigde krijgt een link die één keer werkt, 7 dagen lang, om zelf een wachtwoord te kiezen.",
    invite_submit: "Uitnodigen",
    invite_link_title: "Uitnodigingslink",
    invite_link_text: |email, until| {
        format!(
            "Er is nog geen mailserver ingesteld: bezorg deze link zelf aan {email}. Hij werkt één keer, tot {until}. Het bericht staat ook in de outbox."
        )
    },
    invite_renew: "Nieuwe uitnodiging",
    welcome_title: "Welkom bij Klik",
    welcome_intro: |name, email, role| {
        format!(
            "Dag {name}. Je bent uitgenodigd als {role}. Kies een wachtwoord om je aan te melden met {email}."
        )
    },
    welcome_submit: "Wachtwoord kiezen en aanmelden",
    nav_settings: "Instellingen",
    settings_title: "Instellingen",
    security_title: "Beveiliging",
    two_factor_required_on: "Tweestapsaanmelding is verplicht voor beheerders en coördinatoren.",
    two_factor_required_off: "Tweestapsaanmelding is vrijwillig voor iedereen.",
    two_factor_require: "Verplicht maken voor beheerders en coördinatoren",
    two_factor_unrequire: "Niet langer verplicht maken",
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

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
    lang: super::Lang::Nl,
    app_name: "Klik",
    app_tagline: "Samen op stap",
    weekdays: [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ],
    weekdays_short: ["ma", "di", "wo", "do", "vr", "za", "zo"],
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    duo_partner: "je duo-partner",
    months_short: [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ],
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
    err_too_large: |kb| {
        format!(
            "Dit is te veel ineens: hoogstens {kb} kB per keer. Maak de tekst korter of verdeel hem."
        )
    },
    err_internal: "Er ging iets mis aan onze kant.",
    err_unavailable: "De databank is even niet bereikbaar. Er is niets bewaard: probeer het over een minuut opnieuw.",
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
    account_language_title: "Taal van je mails",
    account_language_now: |lang| {
        let name = match lang {
            Lang::Nl => "het Nederlands",
            Lang::En => "het Engels",
        };
        format!(
            "Mails, herinneringen en je agenda krijg je in {name}. Je kiest de taal met de knop bovenaan."
        )
    },
    account_language_use_page: "Mijn mails ook in het Nederlands",
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
    err_invalid_fields: |n| {
        if n == 1 {
            "Eén veld moet nog aangepast worden: zie hieronder.".into()
        } else {
            format!(
                "{n} velden moeten nog aangepast worden: zie hieronder. Wat je typte, blijft staan."
            )
        }
    },
    nav_participants: "Deelnemers",
    participants_title: "Deelnemers",
    participants_new: "Nieuwe intake",
    intake_title: "Intake van een deelnemer",
    edit_participant_title: "Deelnemer bewerken",
    section_person: "Persoon",
    section_contact: "Contact",
    section_interests: "Interesses en persoonlijkheid",
    section_practical: "Roken, beschikbaarheid en verplaatsing",
    section_wishes: "Wensen over de buddy",
    section_referral: "Verwijzing en steunfiguur",
    section_consent: "Toestemming",
    field_first_name: "Voornaam",
    field_last_name: "Familienaam",
    field_birth_date: "Geboortedatum",
    field_gender: "Gender",
    field_municipality: "Woonplaats",
    field_phone: "Telefoon of gsm",
    field_email_optional: "E-mailadres (als die er is)",
    field_preferred_contact: "Liefst gecontacteerd via",
    field_languages: "Talen",
    field_languages_hint: "Gescheiden door komma's, bv. Nederlands, Frans",
    field_interests: "Interesses",
    field_personality: "Persoonlijkheid (1 tot 5)",
    field_smokes: "Rookt",
    field_accepts_smoker: "Een buddy die rookt is oké",
    field_availability: "Wanneer vrij?",
    field_max_travel_km: "Hoe ver kan de persoon gaan? (km)",
    field_travel_modes: "Hoe?",
    field_wish_genders: "Gender van de buddy (niets aangevinkt: maakt niet uit)",
    field_wish_age_min: "Leeftijd vanaf",
    field_wish_age_max: "Leeftijd tot",
    field_wish_note: "Andere wensen",
    field_intake_date: "Datum van de intake",
    field_referral_org: "Verwezen door",
    field_referral_contact: "Contactpersoon van de verwijzer",
    field_support_contact: "Nood- of steunfiguur (naam en telefoon)",
    consent_text: "De deelnemer geeft toestemming dat het buddyproject deze gegevens bijhoudt om een passende buddy te zoeken en de koppeling op te volgen. We vragen geen diagnose. De deelnemer kan de toestemming altijd intrekken.",
    consent_matching: "Toestemming voor matching en opvolging (nodig)",
    consent_share_first_name: "Voornaam delen met de buddy",
    consent_share_phone: "Telefoonnummer delen met de buddy",
    consent_share_interests: "Interesses delen met de buddy",
    field_coordinator_notes: "Notities (alleen voor coördinatoren)",
    choose: "— kies —",
    save: "Opslaan",
    filter_status: "Status",
    filter_all: "Alle",
    filter_min_days: "Wacht minstens (dagen)",
    filter_name: "Naam bevat",
    sort_label: "Sorteren",
    col_age: "Leeftijd",
    col_waiting: "Wacht sinds",
    col_last_contact: "Laatste contact",
    previous: "Vorige",
    next: "Volgende",
    timeline_title: "Tijdlijn",
    status_change_title: "Status wijzigen",
    status_note: "Toelichting",
    status_reason: "Reden van afsluiten",
    status_reason_hint: "Alleen als je het dossier afsluit: waarom stopt deze persoon zonder buddy?",
    leave_reason: |r| {
        use crate::domain::people::LeaveReason::*;
        match r {
            HelpElsewhere => "Vond steun of gezelschap elders",
            NoLongerWanted => "Wil geen buddy meer",
            Unreachable => "Niet meer bereikbaar",
            Moved => "Verhuisd",
            Health => "Gezondheid of zorgsituatie laat het nu niet toe",
            WaitTooLong => "Wachtte te lang",
            Other => "Andere reden",
        }
    },
    leave_reason_none: "Niet genoteerd",
    status_submit: "Status wijzigen",
    edit: "Bewerken",
    profile_title: "Profiel",
    yes: "ja",
    no: "nee",
    days_waiting: |n| {
        if n == 1 {
            "1 dag".into()
        } else {
            format!("{n} dagen")
        }
    },
    results: |n| {
        if n == 1 {
            "1 deelnemer".into()
        } else {
            format!("{n} deelnemers")
        }
    },
    page_of: |p, n| format!("Pagina {p} van {n}"),
    participant_status: |s| {
        use crate::domain::people::ParticipantStatus::*;
        match s {
            Registered => "Aangemeld",
            IntakeDone => "Intake gedaan",
            Waiting => "Wacht",
            Proposed => "Voorgesteld",
            InDuo => "In een duo",
            Paused => "Gepauzeerd",
            Closed => "Afgesloten",
        }
    },
    sort_name: |s| {
        use crate::domain::people::ParticipantSort::*;
        match s {
            WaitingLongest => "Langst wachtend eerst",
            Name => "Naam",
            Newest => "Nieuwste eerst",
        }
    },
    contact_method: |c| {
        use crate::domain::profile::ContactMethod::*;
        match c {
            Phone => "Telefoon",
            Email => "E-mail",
            Sms => "Sms",
            Post => "Brief",
        }
    },
    travel_mode: |m| {
        use crate::domain::profile::TravelMode::*;
        match m {
            OnFoot => "Te voet",
            Bike => "Fiets",
            PublicTransport => "Openbaar vervoer",
            Car => "Auto",
        }
    },
    nav_buddies: "Buddy's",
    nav_become_buddy: "Word buddy",
    section_motivation: "Waarom buddy worden?",
    field_motivation: "Motivatie",
    field_capacity: "Met hoeveel deelnemers wil je een duo vormen? (1 tot 3)",
    section_privacy: "Privacy",
    application_privacy_text: "We gebruiken je gegevens alleen om je kandidatuur te bekijken, een screeningsgesprek te plannen met onze partner en, als het klikt, je te koppelen aan een deelnemer. We delen niets met anderen. Je kunt je gegevens altijd laten inzien of wissen.",
    application_privacy_read: "Ik las hoe mijn gegevens gebruikt worden",
    application_title: "Word buddy",
    application_intro: "Als buddy trek je om de twee à drie weken op stap met iemand die het moeilijk heeft om mensen te ontmoeten: iets drinken, wandelen, naar de film. Vul dit formulier in, dan nemen we contact op.",
    application_submit: "Kandidatuur versturen",
    application_thanks_title: "Bedankt!",
    application_thanks_text: "We kregen je kandidatuur. Een coördinator neemt binnenkort contact met je op.",
    buddies_title: "Buddy's",
    buddies_new: "Nieuwe kandidatuur",
    col_applied: "Kandidaat sinds",
    col_screener: "Screener",
    hand_to_screener_title: "Doorgeven voor screening",
    hand_to_screener_submit: "Doorgeven",
    screening_title: "Screeningsgesprek",
    field_screening_date: "Datum van het gesprek",
    field_screening_outcome: "Uitkomst",
    screening_submit: "Screening bewaren",
    screenings_title: "Screeningsgesprekken",
    buddy_status: |s| {
        use crate::domain::people::BuddyStatus::*;
        match s {
            Applied => "Kandidaat",
            Screening => "In screening",
            NotApproved => "Niet goedgekeurd",
            Available => "Beschikbaar",
            InDuo => "In een duo",
            Paused => "Gepauzeerd",
            Stopped => "Gestopt",
        }
    },
    screening_outcome: |o| {
        use crate::domain::people::ScreeningOutcome::*;
        match o {
            Approved => "Goedgekeurd",
            NotApproved => "Niet goedgekeurd",
            SecondTalk => "Tweede gesprek nodig",
        }
    },
    gender: |g| {
        use crate::domain::profile::Gender::*;
        match g {
            Woman => "Vrouw",
            Man => "Man",
            X => "X",
        }
    },
    nav_waiting: "Wachtlijst",
    waiting_title: "Wachtlijst",
    waiting_intro: "Wie wacht op een buddy, het langst wachtende eerst. Houd contact en geef opstapjes mee naar het vrijetijdsaanbod in de regio.",
    waiting_summary: |n, late| format!("{n} wachtenden, van wie {late} te lang zonder contact."),
    contact_overdue: "Te lang geen contact",
    contact_add: "Contact noteren",
    contact_date: "Datum",
    contact_stepping_stone: "Opstapje",
    contact_plain: "Gewoon contact (geen opstapje)",
    nav_lists: "Lijsten",
    lists_title: "Lijsten",
    lists_intro: "Wat de formulieren aanbieden. Een verborgen waarde blijft staan bij wie ze al heeft, maar wordt niet meer aangeboden.",
    list_add: "Toevoegen",
    list_hide: "Verbergen",
    list_show: "Terug aanbieden",
    list_scale_low: "Van (1)",
    list_scale_high: "Tot (5)",
    list_postcode: "Postcode",
    list_latitude: "Breedtegraad (bv. 51,0257)",
    list_longitude: "Lengtegraad (bv. 4,4776)",
    list_title: "Titel",
    list_provider: "Aanbieder",
    list_place: "Plaats",
    list_link: "Link (https://…)",
    list_name: |k| {
        use crate::domain::lists::ListKind::*;
        match k {
            Interests => "Interesses",
            ActivityKinds => "Soorten activiteiten",
            ReferralOrganisations => "Verwijzende organisaties",
            Municipalities => "Gemeenten",
            Scales => "Persoonlijkheidskenmerken",
            SteppingStones => "Opstapjes (vrijetijdsaanbod)",
            EventKinds => "Soorten evenementen",
        }
    },
    nav_import: "Import en export",
    import_title: "Import en export",
    import_heading: "Uit een rekenblad importeren",
    import_intro: "Kopieer de cellen uit je rekenblad (met de rij met kolomnamen) en plak ze hieronder, of plak de tekst van een CSV-bestand. Je ziet eerst wat er zou gebeuren; er wordt niets bewaard tot je bevestigt.",
    import_kind: "Wie staat erin?",
    import_paste: "Rijen (eerste rij: kolomnamen)",
    import_check: "Controleren",
    import_report: "Wat er zou gebeuren",
    import_counts: |rows, valid| format!("{rows} rijen gelezen, waarvan {valid} in orde."),
    import_column: "Kolom",
    import_field: "Wordt",
    import_problems: "Rijen die nog niet kunnen",
    import_line: |n| format!("Rij {n}:"),
    import_all: "Alles importeren",
    import_valid_only: "Alleen de rijen die in orde zijn",
    import_done: |n| format!("{n} personen geïmporteerd."),
    export_heading: "Exporteren als CSV",
    export_prepare: "Export klaarmaken",
    export_download: "CSV downloaden",
    import_field_name: |f| match f {
        "first_name" => "Voornaam",
        "last_name" => "Familienaam",
        "birth_date" => "Geboortedatum",
        "gender" => "Gender",
        "municipality" => "Woonplaats",
        "phone" => "Telefoon",
        "email" => "E-mail",
        "interests" => "Interesses",
        "smokes" => "Rookt",
        "max_travel_km" => "Afstand (km)",
        "intake_date" => "Intakedatum",
        "notes" => "Notities",
        "title" => "Titel",
        "provider" => "Aanbieder",
        "kind" => "Soort",
        "description" => "Beschrijving",
        "address" => "Adres",
        "moments" => "Wanneer",
        "starts_on" => "Begint op",
        "ends_on" => "Eindigt op",
        "price" => "Prijs",
        "uitpas_price" => "Prijs met UiTPAS",
        "accessibility" => "Toegankelijkheid",
        "contact" => "Contact",
        "link" => "Link",
        "last_checked" => "Nagekeken op",
        _ => "(niet gebruiken)",
    },
    match_title: "Nieuwe buddy: wie past?",
    match_link: "Wie past bij deze buddy?",
    match_summary: |n| format!("{n} wachtende deelnemers passen, de best passende eerst."),
    match_score_label: |p| format!("score {p} op 100"),
    match_excluded: |n| format!("{n} wachtenden passen niet, met de reden"),
    match_compare: "Vergelijk",
    match_compare_button: "Vergelijk de twee aangevinkte",
    match_compare_title: "Naast elkaar",
    match_compare_pick: "Vink er precies twee aan om ze te vergelijken.",
    match_total: "Score",
    match_propose: "Stel dit duo voor",
    match_proposed: "Voorgesteld: het duo staat nu bij 'voorgesteld'.",
    match_participant_title: "Welke buddy past?",
    match_participant_link: "Welke buddy past bij deze deelnemer?",
    match_participant_summary: |n| {
        format!("{n} beschikbare buddy's passen, de best passende eerst.")
    },
    match_participant_excluded: |n| format!("{n} buddy's passen niet, met de reden"),
    everyone_title: "Voorstel voor iedereen",
    everyone_intro: "De beste koppels voor alle beschikbare buddy's en wachtenden samen: de hoogste totale score over alle toegelaten koppels, niet één buddy na de andere.",
    everyone_total: |n, t| format!("{n} koppels, samen {t} punten"),
    everyone_unpaired: "Wachtenden zonder koppel",
    everyone_unused: "Buddy's met vrije plaatsen",
    everyone_none: "Er zijn nu geen koppels mogelijk.",
    everyone_participant: "Deelnemer",
    everyone_buddy: "Buddy",
    nav_matching: "Koppelen",
    weights_title: "Gewichten van de matching",
    weights_link: "Gewichten van de matching aanpassen",
    weights_intro: "Hoeveel elk onderdeel meetelt in de score (0 tot 10). Bekijk eerst het effect op de wachtlijst van vandaag; bewaren wordt in het logboek opgenomen.",
    priority_chip: "Voorrang: lange wachttijd",
    weights_full_days: "Dagen wachten tot het wachtonderdeel vol is",
    weights_priority_factor: "Voorrang na zoveel keer de gewone wachttijd (0: uit)",
    weights_preview: "Bekijk het effect",
    weights_preview_title: "Effect op de wachtlijst van vandaag",
    weights_changed: |c, n| {
        format!("{c} van de {n} koppels in het voorstel voor iedereen veranderen.")
    },
    weights_first_now: "Eerste keuze nu",
    weights_first_then: "Met deze gewichten",
    weights_language_rule: "Een gemeenschappelijke taal",
    weights_language_required: "is nodig: zonder gemeenschappelijke taal geen voorstel",
    weights_language_scored: "telt alleen mee in de score, met het gewicht hierboven",
    weights_saved: "De gewichten zijn bewaard.",
    nobody_fits: "niemand",
    estimate_label: "Buddy verwacht",
    estimate_limits: "Wat de kans het meest verkleint",
    estimate_track_record: |held, checked, people| {
        format!(
            "Hoe vaak klopte deze schatting? In de afgelopen twee jaar viel de echte wachttijd bij {held} van de 100 schattingen binnen de marge ({checked} schattingen voor {people} mensen nagekeken, telkens met wat toen bekend was)."
        )
    },
    estimate_track_record_thin: |checked, needed| {
        format!(
            "Nog te weinig geschiedenis om na te gaan hoe vaak deze schatting klopte: {checked} schattingen na te kijken, minstens {needed} nodig."
        )
    },
    nav_board: "Matchbord",
    err_invalid_move: "Die stap kan niet vanuit de huidige stap van dit duo.",
    board_title: "Matchbord",
    board_intro: "Sleep een buddy op een wachtende deelnemer (of omgekeerd) om een duo voor te stellen, en een duo naar een volgende kolom. Zonder slepen kan alles met de knop 'Verplaats' op elke kaart.",
    lane_candidates: "Kandidaten",
    lane_waiting: "Wachtende deelnemers",
    lane_buddies: "Beschikbare buddy's",
    board_move: "Verplaats",
    board_move_to: "Verplaats naar",
    board_propose_with: "Stel voor met",
    board_confirm: "Bevestig",
    board_cancel: "Annuleer",
    board_search: "Zoek op voornaam",
    board_all_places: "Alle gemeenten",
    board_saved: "Opgeslagen.",
    board_back: "Terug naar de kandidaten (beëindigt het voorstel)",
    board_pick: "Kies…",
    board_blocked: "Dit duo kan niet:",
    board_free_places: |n| {
        if n == 1 {
            "1 vrije plaats".to_owned()
        } else {
            format!("{n} vrije plaatsen")
        }
    },
    board_pair: |b, p| format!("{b} en {p}"),
    board_ended_count: |n| format!("Beëindigd ({n})"),
    board_grab: "Sleep of druk op Verplaats",
    board_choose: |name| format!("Kies {name} om te koppelen"),
    board_choose_short: "Kies",
    board_sorted_for: |name| {
        format!("Gesorteerd op hoe goed het klikt met {name}; wie niet kan, staat onderaan.")
    },
    board_pair_with: |name| format!("Koppel aan {name}"),
    board_show_more: |n| format!("Toon {n} meer"),
    board_shown_of: |shown, total| format!("{shown} van {total} getoond"),
    board_cannot: "Kan niet",
    nav_register: "Buddy vragen",
    register_title: "Aanmelden als deelnemer",
    register_intro: "Voel je je vaak alleen, en maken psychische moeilijkheden het al lang moeilijk om er zelf op uit te trekken? Dan kan een buddy helpen: een vrijwilliger die om de twee à drie weken samen met jou iets leuks doet. Je kunt je zelf aanmelden, of een hulpverlener doet het voor jou, als jij dat goed vindt.",
    register_what_next: "Na je aanmelding belt of mailt de coördinator je om een kennismakingsgesprek (intake) af te spreken. Er wachten veel mensen op een buddy, daarom zoeken we intussen samen al naar activiteiten in je buurt.",
    register_submit: "Aanmelding versturen",
    register_who: "Wie meldt aan?",
    register_by_person: "Ik meld mezelf aan",
    register_by_care_worker: "Ik ben hulpverlener en meld iemand aan",
    register_person: "Wie wil een buddy?",
    register_contact_hint: "Een telefoonnummer of e-mailadres, zodat we contact kunnen opnemen (of dat van de hulpverlener hieronder).",
    register_care_worker: "Voor hulpverleners",
    register_care_worker_hint: "Alleen invullen als je iemand aanmeldt als hulpverlener.",
    register_care_worker_name: "Naam van de hulpverlener",
    register_care_worker_phone: "Telefoon van de hulpverlener",
    register_care_worker_email: "E-mail van de hulpverlener",
    register_receipt_hint: "Je krijgt een ontvangstbevestiging, zonder gegevens van de persoon.",
    register_more: "Nog iets kwijt?",
    register_note: "Wil je nog iets vertellen? (kort, en geen medische gegevens)",
    register_privacy_text: "We bewaren deze gegevens alleen om contact op te nemen en het kennismakingsgesprek te plannen. Alleen de coördinatoren van de buddywerking zien ze. Je kunt altijd vragen wat we over je bijhouden, en vragen om het te wissen.",
    register_agreed: "De persoon die aangemeld wordt, gaat akkoord met deze aanmelding en wil gecontacteerd worden.",
    register_organisation: "Organisatie van de hulpverlener",
    register_privacy_read: "Ik las hoe de gegevens gebruikt worden",
    register_thanks_title: "Bedankt voor je aanmelding",
    register_thanks_text: "We hebben je aanmelding goed ontvangen. De coördinator neemt binnen twee weken contact op om een kennismakingsgesprek af te spreken.",
    register_mail_subject: |programme| format!("Aanmelding ontvangen – {programme}"),
    register_mail_body: |programme| {
        format!(
            "Beste,\n\nWe hebben de aanmelding die je via de website deed goed ontvangen. De coördinator van {programme} neemt binnen twee weken contact op om een kennismakingsgesprek af te spreken.\n\nOm de privacy van de persoon te beschermen, staan er in deze e-mail geen gegevens over hen.\n\nMet vriendelijke groeten,\n{programme}"
        )
    },
    registrations_title: "Nieuwe aanmeldingen: intake plannen",
    registrations_none: "Geen nieuwe aanmeldingen.",
    registration_via: |org| format!("via {org}"),
    registration_planned_on: |d| format!("intake gepland op {d}"),
    registration_due: |d| format!("intake plannen vóór {d}"),
    registration_duplicate_chip: "mogelijk dubbel",
    registration_title: "Aanmelding",
    registration_registered: |d, by| match by {
        crate::domain::registration::RegisteredBy::Person => format!("Zelf aangemeld op {d}"),
        crate::domain::registration::RegisteredBy::CareWorker => {
            format!("Aangemeld door een hulpverlener op {d}")
        }
    },
    registration_status: |s| match s {
        crate::domain::registration::RegistrationStatus::Open => "wacht op intake",
        crate::domain::registration::RegistrationStatus::Done => "intake gedaan",
        crate::domain::registration::RegistrationStatus::Closed => "afgesloten zonder intake",
    },
    registration_duplicate_participant: "Er is al een deelnemer met deze naam: is het dezelfde persoon? Niets wordt samengevoegd.",
    registration_duplicate_registration: "Er is een andere open aanmelding die op deze lijkt: is het dezelfde persoon? Niets wordt samengevoegd.",
    registration_duplicate_look: "Bekijk",
    registration_intake_title: "Kennismakingsgesprek (intake)",
    registration_plan_on: "Gepland op",
    registration_plan: "Plannen",
    registration_do_intake: "Intake invullen",
    registration_close: "Afsluiten zonder intake",
    registration_see_participant: "Naar de deelnemer",
    field_introduction_on: "Datum van de kennismaking",
    field_signed_on: "Datum van ondertekening",
    field_participant_yes_on: "De deelnemer zei ja op",
    field_buddy_yes_on: "De buddy zei ja op",
    field_rhythm_min: "Samen op stap: minstens om de … weken",
    field_rhythm_max: "en hoogstens om de … weken",
    field_agreement_items: "Afspraken",
    field_agreement_note: "Andere afspraken",
    field_end_reason: "Reden",
    field_end_note: "Toelichting",
    field_ended_on: "Datum van het einde",
    smokes_chip: "rookt",
    edit_buddy_title: "Buddy bewerken",
    col_approved: "Goedgekeurd op",
    buddy_sort: |s| {
        use crate::domain::people::BuddySort::*;
        match s {
            Newest => "Nieuwste kandidaturen eerst",
            Name => "Naam",
            LongestApproved => "Langst goedgekeurd eerst",
        }
    },
    duo_stage: |x| {
        use crate::domain::duo::DuoStage::*;
        match x {
            Proposed => "Voorgesteld",
            Introduction => "Kennismaking",
            Active => "Overeenkomst getekend",
            Ended => "Beëindigd",
        }
    },
    end_reason: |x| {
        use crate::domain::duo::EndReason::*;
        match x {
            Moved => "Verhuisd",
            NoTime => "Geen tijd meer",
            NoClick => "Geen klik",
            GoalReached => "Doel bereikt",
            Health => "Gezondheid",
            Other => "Andere reden",
        }
    },
    agreement_item: |x| {
        use crate::domain::duo::AgreementItem::*;
        match x {
            ActivityRhythm => "Hoe vaak we samen op stap gaan en wie een activiteit voorstelt",
            ContactByPhone => "We bellen of sturen elkaar zelf een bericht",
            CancelInTime => "Wie niet kan komen, laat het op tijd weten",
            CostsShared => "Hoe we de kosten van een activiteit delen",
            Privacy => "Wat we elkaar vertellen, blijft tussen ons",
            CoordinatorContact => "We mogen altijd de coördinator contacteren",
        }
    },
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
        AuditAction::Erase => "Gewist",
        AuditAction::Export => "Gegevens opgevraagd",
    },
    // Duo page, printable agreement, evaluation conversations.
    duo_title: "Duo",
    duo_participant_link: "Dossier van de deelnemer",
    duo_buddy_link: "Dossier van de buddy",
    duo_history_title: "Verloop van het duo",
    duo_changes_title: "Statuswijzigingen",
    duo_step_proposal: "Voorstel",
    duo_by: |n| format!("door {n}"),
    duo_score_then: "Score bij het voorstel",
    duo_reasons_missing: "De uitleg van deze score is niet bewaard.",
    duo_step_introduction: "Kennismakingsgesprek",
    duo_planned: "gepland",
    duo_step_agreement: "Onderlinge overeenkomst getekend",
    duo_rhythm_label: "Samen op stap",
    duo_rhythm: |min, max| match (min, max) {
        (1, 1) => "elke week".into(),
        (a, b) if a == b => format!("om de {a} weken"),
        (a, b) => format!("om de {a} à {b} weken"),
    },
    duo_no_items: "Geen afspraken aangevinkt",
    duo_agreement_print: "Overeenkomst afdrukken",
    duo_agreement_blank: "Leeg formulier afdrukken",
    duo_step_evaluation: "Evaluatiegesprek",
    duo_evaluation_due: |d| format!("gepland tegen {d}"),
    duo_evaluation_held: |d| format!("gehouden op {d}"),
    duo_step_ending: "Einde",
    duo_next_step: "Volgende stap",
    evaluation_outcome: |x| {
        use crate::domain::duo::EvaluationOutcome::*;
        match x {
            GoingWell => "Het loopt goed",
            Adjust => "Iets bijsturen",
            Worry => "Zorgen",
        }
    },
    evaluation_form_title: |d| format!("Evaluatiegesprek van {d} noteren"),
    field_held_on: "Gehouden op",
    field_held_on_hint: "Vandaag of eerder, na de ondertekening, en niet op een dag met al een gesprek.",
    field_outcome: "Hoe loopt het?",
    field_evaluation_notes: "Notities van het gesprek",
    evaluation_save: "Gesprek opslaan",
    evaluation_saved: "Het gesprek is opgeslagen en het volgende is gepland.",
    err_duo_not_active: "Dit duo is niet actief. Evaluatiegesprekken horen bij een getekende overeenkomst die nog loopt.",
    agreement_title: "Onderlinge overeenkomst",
    agreement_intro: |p| {
        format!(
            "Een overeenkomst tussen een deelnemer en een buddy van {p}: hoe we samen onze vrije tijd beleven."
        )
    },
    agreement_participant: "Deelnemer",
    agreement_buddy: "Buddy",
    agreement_coordinator: "Coördinator",
    agreement_date: "Datum",
    agreement_rhythm_intro: "We gaan samen op stap",
    agreement_rhythm_blank: "om de ___ à ___ weken",
    agreement_checklist: "We spreken af",
    agreement_signatures: "Handtekeningen",
    agreement_signature: "Naam, datum en handtekening",
    agreement_print: "Afdrukken",
    agreement_print_hint: "Druk op Ctrl+P (op een Mac: Cmd+P) om af te drukken.",
    agreement_blank_note: "Nog niet getekend: een leeg formulier om samen met de hand in te vullen.",
    agreement_back: "Terug naar het duo",
    agreement_checked: "afgesproken",
    agreement_unchecked: "niet afgesproken",
    home_due_title: "Evaluatiegesprekken die eraan komen",
    home_due_none: "Geen evaluatiegesprekken te laat of in de komende 14 dagen.",
    home_due_late: "te laat",
    evaluation_plan_title: "Evaluatiegesprekken",
    evaluation_plan_intro: "Wanneer een duo een evaluatiegesprek krijgt, gerekend vanaf de ondertekening van de overeenkomst. Een wijziging geldt voor elk gesprek dat vanaf nu gepland wordt.",
    field_first_after_months: "Eerste gesprek na … maanden",
    field_then_every_months: "Daarna om de … maanden",
    evaluation_plan_saved: "Het schema is opgeslagen.",
    buddy_home_title: "Mijn duo's",
    buddy_hello: |n| format!("Hallo {n}"),
    buddy_not_linked: "Je account is nog niet gekoppeld aan je gegevens als buddy. Vraag het aan je coördinator.",
    buddy_no_duos: "Je hebt nog geen duo. Je coördinator laat het weten zodra er een klik is.",
    buddy_duo_with: |n| match n {
        Some(n) => format!("Jouw duo met {n}"),
        None => "Jouw duo".to_owned(),
    },
    buddy_duo_introduction: "Jullie leren elkaar nog kennen: je coördinator regelt de kennismaking. Daarna plan je hier jullie activiteiten.",
    buddy_next: "Volgende activiteit",
    buddy_nothing_planned: "Nog niets gepland.",
    buddy_plan: "Plan een activiteit",
    buddy_call: |p| format!("Bel {p}"),
    buddy_interests: "Interesses",
    buddy_availability: "Meestal vrij",
    buddy_recent: "Eerder",
    buddy_to_confirm: |k, w| format!("Ging „{k}” van {w} door?"),
    buddy_confirm_yes: "Ja, het ging door",
    buddy_confirm_no: "Nee, het ging niet door",
    buddy_check_in_prompt: |k, w| format!("Hoe ging „{k}” van {w}?"),
    buddy_check_in_link: "Vertel hoe het ging",
    buddy_add_calendar: "Zet in mijn agenda",
    buddy_open_activity: "Verplaatsen of afzeggen",
    activity_status: |s| {
        use crate::domain::activity::ActivityStatus::*;
        match s {
            Planned => "gepland",
            Done => "ging door",
            Cancelled => "afgezegd",
        }
    },
    mood_word: |m| {
        use crate::domain::activity::Mood::*;
        match m {
            Bad => "Slecht",
            Meh => "Niet zo goed",
            Okay => "Oké",
            Good => "Goed",
            Great => "Heel goed",
        }
    },
    plan_title: |n| match n {
        Some(n) => format!("Activiteit plannen met {n}"),
        None => "Activiteit plannen".to_owned(),
    },
    field_activity_kind: "Wat gaan jullie doen?",
    field_activity_date: "Datum",
    field_activity_time: "Uur",
    field_activity_place: "Waar spreken jullie af?",
    field_activity_place_hint: "Een adres of een plek, bv. ‘aan het station’.",
    field_activity_note: "Notitie voor jullie twee (mag leeg)",
    plan_save: "Plannen",
    activity_reschedule_title: "Verplaatsen",
    activity_reschedule_save: "Verplaatsen",
    activity_cancel_title: "Afzeggen",
    field_cancel_reason: "Waarom gaat het niet door?",
    activity_cancel_save: "Afzeggen",
    activity_cancelled: |r| format!("Afgezegd: {r}"),
    checkin_title: "Hoe ging het?",
    field_checkin_note: "Iets voor je coördinator? (alleen je coördinator leest dit)",
    checkin_save: "Bewaren",
    checkin_done: "Bedankt voor je check-in. Tot de volgende keer!",
    offline_kept: "Bewaard op deze telefoon. Het wordt verstuurd zodra je weer online bent.",
    offline_waiting_title: "Nog te versturen",
    offline_answer: |answer, kind, when| match answer {
        Answer::Confirm => format!("„{kind}” van {when} ging door"),
        Answer::Cancel { .. } => format!("„{kind}” van {when} afgezegd"),
        Answer::CheckIn { .. } => format!("Check-in na „{kind}” van {when}"),
    },
    offline_sign_in_again: "Je bent intussen afgemeld. Meld je opnieuw aan, dan wordt dit verstuurd.",
    offline_do_not_sign_out: "Meld je niet af voor alles verstuurd is: bij afmelden wordt wat op deze telefoon staat gewist.",
    offline_send_now: "Nu versturen",
    offline_refused_title: "Niet verstuurd",
    offline_conflict: "Deze activiteit werd intussen gewijzigd (door je coördinator of op een ander \
                       toestel). Je antwoord is niet verstuurd: bekijk de activiteit en antwoord \
                       opnieuw.",
    offline_dismiss: "Begrepen",
    offline_banner: "Je bent offline. Je ziet je pagina zoals je ze laatst zag; wat je nu \
                     antwoordt, wordt op deze telefoon bewaard.",
    activity_back: "Terug naar mijn duo's",
    activity_not_yet: "Dit kan pas als de activiteit voorbij is.",
    cadence_title: "Duo's opvolgen",
    cadence_none: "Nog geen actieve duo's.",
    cadence_all_fine: "Alle actieve duo's zitten in hun ritme.",
    cadence_quiet: |n| format!("{n} dagen geen activiteit"),
    cadence_never: "nog geen activiteit",
    cadence_last: |d| format!("laatste activiteit {d}"),
    cadence_next: |d| format!("gepland op {d}"),
    cadence_flag: "stilgevallen",
    cadence_first_months: "eerste 3 maanden",
    cadence_low: "moeilijke check-in",
    cadence_rhythm: |a, b| format!("ritme: om de {a} à {b} weken"),
    cadence_margin_note: |n| {
        format!(
            "Een duo wordt gemarkeerd als het langer stil is dan zijn ritme plus {n} dagen en er niets gepland is."
        )
    },
    cadence_attention: |n| format!("{n} duo('s) vragen aandacht"),
    duo_activities_title: "Activiteiten",
    duo_activities_none: "Nog geen activiteiten.",
    checkin_label: "Check-in",
    cadence_margin_title: "Opvolging van duo's",
    field_cadence_margin: "Marge bovenop het afgesproken ritme (dagen)",
    cadence_margin_saved: "De marge is opgeslagen.",
    buddy_my_calendar: "Mijn agenda",
    buddy_invite: "Uitnodigen voor Klik",
    buddy_invite_hint: "De buddy krijgt een e-mail om een wachtwoord te kiezen. Daarna plant hij of zij de activiteiten met het duo op de eigen telefoon.",
    buddy_invite_no_email: "Er staat geen e-mailadres in het profiel van deze buddy. Vul het eerst aan.",
    buddy_has_account: "Heeft een eigen account in Klik.",
    nav_outbox: "Uitgaande mail",
    outbox_title: "Uitgaande mail",
    outbox_intro: "Elk bericht dat Klik verstuurt, eerst bewaard en dan bezorgd; bij een fout opnieuw geprobeerd, steeds later. De inhoud staat hier niet.",
    outbox_pending: |n| match n {
        0 => "Niets wacht op verzending.".to_owned(),
        1 => "1 bericht wacht op verzending.".to_owned(),
        n => format!("{n} berichten wachten op verzending."),
    },
    outbox_not_configured: "Mail versturen is niet ingesteld (KLIK_SMTP_URL): berichten blijven wachten tot dat gebeurt.",
    outbox_to: "Aan",
    outbox_created: "Aangemaakt",
    outbox_attempts: "Pogingen",
    outbox_next_attempt: "Volgende poging",
    outbox_sent_at: "Verstuurd",
    outbox_last_error: "Laatste fout",
    outbox_status: |status| {
        use crate::domain::mail::MailStatus;
        match status {
            MailStatus::Pending => "wacht",
            MailStatus::Sending => "wordt verstuurd",
            MailStatus::Sent => "verstuurd",
            MailStatus::Failed => "mislukt",
        }
    },
    outbox_kind: |kind| match kind {
        "registration_receipt" => "Ontvangstbevestiging aanmelding".to_owned(),
        "invitation" => "Uitnodiging".to_owned(),
        "activity_reminder" => "Herinnering activiteit".to_owned(),
        "buddy_nudge" => "Herinnering ritme".to_owned(),
        "coordinator_digest" => "Overzicht voor coördinator".to_owned(),
        other => other.to_owned(),
    },
    mail_activity_subject: |kind, when| format!("Morgen: {kind} ({when})"),
    mail_activity_body: |first_name, kind, when, place, link| {
        let place = if place.is_empty() {
            String::new()
        } else {
            format!("\nWaar: {place}")
        };
        format!(
            "Dag,\n\nEen herinnering: morgen spreek je af met {first_name}.\n\nWat: {kind}\nWanneer: {when}{place}\n\nKan het niet doorgaan? Verplaats of annuleer de activiteit in Klik:\n{link}\n\nVeel plezier samen!"
        )
    },
    mail_nudge_subject: |first_name| format!("Al iets gepland met {first_name}?"),
    mail_nudge_body: |first_name, days, link| {
        format!(
            "Dag,\n\nJe laatste activiteit met {first_name} is {days} dagen geleden, en er staat niets gepland. Spreek je binnenkort iets af? Zet het in Klik:\n{link}\n\nLukt het even niet? Laat het je coördinator weten, samen zoeken we een oplossing."
        )
    },
    mail_digest_subject: |n| match n {
        1 => "Klik: 1 duo vraagt aandacht".to_owned(),
        n => format!("Klik: {n} duo's vragen aandacht"),
    },
    mail_digest_body: |lines, link| {
        format!("Dag,\n\nDeze duo's vragen aandacht:\n\n{lines}\n\nAlles in Klik: {link}")
    },
    mail_digest_quiet: |first_name, days, link| {
        format!("- Duo met {first_name}: {days} dagen geen activiteit – {link}")
    },
    mail_digest_evaluation: |first_name, due, link| {
        format!("- Duo met {first_name}: evaluatiegesprek gepland op {due} – {link}")
    },
    nav_calendar: "Mijn agenda",
    calendar_title: "Mijn agenda",
    calendar_intro: "Zie je buddy-activiteiten in de agenda die je al gebruikt, op je telefoon of computer. Klik geeft je daarvoor een eigen, geheim agenda-adres. Je agenda-app kijkt daar zelf regelmatig of er iets nieuw of veranderd is.",
    calendar_privacy: "In je agenda komen alleen de soort activiteit, de voornaam, het uur en de plaats. Nooit je notities of hoe het ging.",
    calendar_status_on: |since| format!("Je agenda-adres werkt sinds {since}."),
    calendar_status_off: "Je hebt nog geen agenda-adres.",
    calendar_create: "Maak mijn agenda-adres",
    calendar_renew: "Maak een nieuw agenda-adres",
    calendar_renew_hint: "Het oude adres werkt dan meteen niet meer. Zet het nieuwe adres daarna in je agenda-app.",
    calendar_url_title: "Je agenda-adres",
    calendar_url_label: "Agenda-adres (geheim)",
    calendar_url_once: "Kopieer het adres nu: Klik toont het maar één keer. Deel het met niemand, want wie het heeft, ziet je afspraken. Kwijt? Maak dan gewoon een nieuw adres.",
    calendar_copy: "Kopieer het adres",
    calendar_copied: "Het adres is gekopieerd.",
    calendar_copy_failed: "Kopiëren lukte niet. Selecteer het adres en kopieer het zelf.",
    calendar_open_app: "Open in mijn agenda-app",
    calendar_how_title: "Zo zet je het adres in je agenda",
    calendar_apps: &[
        (
            "Google Agenda",
            &[
                "Open Google Agenda op een computer (calendar.google.com). Op de telefoon-app kan het niet.",
                "Klik links bij ‘Andere agenda's’ op het plusteken (+) en kies ‘Via URL’.",
                "Plak je agenda-adres en klik op ‘Agenda toevoegen’.",
                "Op je telefoon verschijnt de agenda daarna vanzelf.",
            ],
        ),
        (
            "Apple (iPhone, iPad, Mac)",
            &[
                "iPhone of iPad: open Instellingen › Apps › Agenda › Agenda-accounts › Voeg account toe › Andere › Voeg agenda-abonnement toe.",
                "Plak je agenda-adres, tik op ‘Volgende’ en dan op ‘Bewaar’.",
                "Mac: open Agenda en kies Archief › Nieuw agenda-abonnement. Plak het adres en klik op ‘Abonneer’.",
            ],
        ),
        (
            "Outlook",
            &[
                "Open Outlook op het web (outlook.com of Microsoft 365) en ga naar de agenda.",
                "Kies ‘Agenda toevoegen’ en dan ‘Abonneren vanaf het web’.",
                "Plak je agenda-adres, geef de agenda een naam en klik op ‘Importeren’.",
            ],
        ),
    ],
    calendar_delay: "Een nieuwe of verplaatste activiteit verschijnt niet meteen: agenda-apps kijken om de paar uur, Google soms maar één keer per dag.",
    calendar_revoke_summary: "Agenda-adres intrekken",
    calendar_revoke_explain: "Doe dit als je telefoon kwijt is of als iemand anders het adres kent. Je agenda-app krijgt dan geen activiteiten meer van Klik. Verwijder het abonnement ook zelf in je agenda-app.",
    calendar_revoke_confirm: "Ja, trek mijn agenda-adres in",
    calendar_revoked: "Je agenda-adres is ingetrokken: het werkt niet meer.",
    calendar_feed_name: "Klik – mijn buddy-activiteiten",
    calendar_event_summary: |kind, first_name| format!("Klik: {kind} met {first_name}"),
    calendar_event_cancelled: "Afgelast:",
    nav_stones: "Opstapjes",
    nav_reports: "Rapporten",
    stones_title: "Opstapjes",
    stones_intro: "Het vrijetijdsaanbod in de regio: cursussen, groepen, clubs, wandelingen, cafés en vrijwilligerswerk waar een wachtende deelnemer al naartoe kan. Klik ziet bij elke deelnemer welke opstapjes passen.",
    stones_new: "Nieuw opstapje",
    stones_edit: "Opstapje bewerken",
    stones_none: "Nog geen opstapjes in de catalogus.",
    stones_count: |all, check| match check {
        0 => format!("{all} opstapjes"),
        1 => format!("{all} opstapjes, 1 na te kijken"),
        n => format!("{all} opstapjes, {n} na te kijken"),
    },
    stone_needs_check: "nakijken",
    stone_hidden: "verborgen",
    stone_ended: "afgelopen",
    stone_checked_on: |d| format!("nagekeken op {d}"),
    stone_any_time: "altijd of op afspraak",
    stone_online: "online",
    stone_kind: "Soort",
    stone_description: "Korte beschrijving in eenvoudige taal",
    stone_municipality: "Gemeente",
    stone_municipality_online: "Online (geen plaats)",
    stone_address: "Adres of trefpunt",
    stone_when: "Wanneer? (niets aangevinkt: altijd of op afspraak)",
    stone_starts_on: "Begint op (leeg: loopt al)",
    stone_ends_on: "Eindigt op (leeg: doorlopend)",
    stone_cost: "Kost",
    stone_free: "Gratis",
    stone_paying: "Betalend",
    stone_price: "Prijs in euro",
    stone_uitpas_price: "Prijs met UiTPAS-kansentarief (leeg: geen korting)",
    stone_accessibility: "Toegankelijkheid",
    stone_contact: "Contactpersoon (naam, telefoon of e-mail)",
    stone_last_checked: "Laatst nagekeken op",
    stone_saved: "Opstapje bewaard.",
    stones_fit_title: "Opstapjes die passen",
    stones_fit_none: "Geen enkel opstapje uit de catalogus past nu: kijk de catalogus na of verruim de afstand.",
    stones_fit_points: |p| format!("{p} op 100"),
    stone_what: "Wat is het?",
    stone_where_when: "Waar en wanneer?",
    stone_cost_kind: "Gratis of betalend?",
    referrals_title: "Doorverwezen naar opstapjes",
    referrals_none: "Nog niet doorverwezen.",
    refer_button: "Doorverwijzen",
    refer_way: "Hoe?",
    referral_way: |w| match w {
        crate::domain::referral::ReferralWay::Told => "verteld in een gesprek",
        crate::domain::referral::ReferralWay::Brochure => "folder of blad meegegeven",
        crate::domain::referral::ReferralWay::Accompanied => "iemand gaat de eerste keer mee",
    },
    referral_on: |d| format!("doorverwezen op {d}"),
    follow_up_from: |d| format!("opvolgen vanaf {d}"),
    followed_up_on: |d| format!("opgevolgd op {d}"),
    follow_up_title: "Hoe ging het?",
    follow_up_outcome: "Is de persoon gegaan?",
    outcome: |o| match o {
        crate::domain::referral::Outcome::Continues => "gegaan en gaat nog",
        crate::domain::referral::Outcome::WentOnce => "één keer gegaan",
        crate::domain::referral::Outcome::DidNotGo => "niet gegaan",
    },
    not_going: |r| match r {
        crate::domain::referral::NotGoing::TooFar => "te ver",
        crate::domain::referral::NotGoing::TooExpensive => "te duur",
        crate::domain::referral::NotGoing::Anxious => "angst of spanning",
        crate::domain::referral::NotGoing::NotInterested => "toch geen interesse",
        crate::domain::referral::NotGoing::Timing => "het moment past niet",
        crate::domain::referral::NotGoing::Other => "een andere reden",
    },
    follow_up_reason: "Waarom niet? (als de persoon niet ging)",
    follow_up_note: "Notitie",
    follow_up_on: "Datum van het gesprek (leeg: vandaag)",
    follow_up_save: "Opvolging bewaren",
    follow_ups_title: "Opstapjes opvolgen",
    follow_ups_none: "Geen opstapjes op te volgen.",
    first_steps_title: "Aanmelding en opstapjes",
    first_steps_intake_days: "Intake plannen binnen (dagen)",
    first_steps_follow_up_weeks: "Opstapje opvolgen na (weken)",
    first_steps_check_months: "Opstapje nakijken na (maanden)",
    first_steps_phone: "Telefoonnummer voor deelnemers (op het blad om mee te geven)",
    first_steps_saved: "Instellingen bewaard.",
    sheet_link: "Blad om mee te geven",
    sheet_title: |n| format!("Jouw opstapjes, {n}"),
    sheet_intro: "Hier staan de activiteiten waar we samen over praatten. Kies zelf wat je wil proberen. Twijfel je? Bel ons gerust.",
    sheet_what: "Wat is het?",
    sheet_where: "Waar?",
    sheet_when: "Wanneer?",
    sheet_starts: |d| format!("vanaf {d}"),
    sheet_cost: "Wat kost het?",
    sheet_way: "Hoe geraak je er?",
    sheet_way_text: "Zoek de weg op delijn.be of vraag het ons. Je mag iemand meenemen als dat je helpt.",
    sheet_online: "Online, van thuis uit. De link staat hieronder.",
    sheet_contact: "Wie kan je bellen?",
    sheet_questions: |programme, phone| {
        if phone.is_empty() {
            format!("Vragen? Vraag het aan je begeleider van {programme}.")
        } else {
            format!("Vragen? Bel {programme}: {phone}.")
        }
    },
    sheet_none: "Er zijn nog geen opstapjes gekozen: verwijs eerst door vanuit het dossier.",
    sheet_print: "Afdrukken",
    sheet_back: "Terug naar het dossier",
    stone_figures: |r, w, c| format!("{r} keer doorverwezen, {w} keer gegaan, {c} gaan nog"),
    stone_never_referred: "nog nooit doorverwezen",
    stone_quiet_year: "een jaar niet doorverwezen",
    learn_title: "Wat we leren van de opstapjes",
    learn_none: "Nog geen doorverwijzingen.",
    learn_referred: "Doorverwezen",
    learn_went: "Gegaan",
    learn_continues: "Gaan nog",
    learn_not_gone: "Niet gegaan",
    learn_reasons: "Waarom mensen niet gingen",
    waiting_stone_hint: |title, n| match n {
        1 => format!("Opstapje dat past: {title}"),
        n => format!("Opstapjes die passen: {title} en {} andere", n - 1),
    },
    stones_fit_more: |n| match n {
        1 => "Nog 1 opstapje dat past".to_owned(),
        n => format!("Nog {n} opstapjes die passen"),
    },
    erasure_refusal: |why| match why {
        ErasureRefusal::AlreadyErased => "Dit dossier is al gewist.",
        ErasureRefusal::OpenDuo => "Deze persoon zit nog in een duo. Beëindig de duo eerst.",
        ErasureRefusal::NotClosed => {
            "Het dossier is nog open. Sluit het eerst af (status ‘Afgesloten’, of bij een buddy ‘Gestopt’ of ‘Niet goedgekeurd’)."
        }
    },
    answer_refusal: |why| match why {
        crate::domain::event::AnswerRefusal::Cancelled => "Deze activiteit is geannuleerd.",
        crate::domain::event::AnswerRefusal::Closed => {
            "Antwoorden kan niet meer: de inschrijving is gesloten."
        }
        crate::domain::event::AnswerRefusal::Started => {
            "Deze activiteit is al begonnen; antwoorden kan niet meer."
        }
        crate::domain::event::AnswerRefusal::OfferLapsed => {
            "Je bevestigde de vrijgekomen plaats niet op tijd: ze ging naar de volgende op de wachtlijst. Wil je toch komen? Kies dan opnieuw ja: je komt achteraan op de wachtlijst."
        }
    },
    erasure_reason: |r| match r {
        ErasureReason::Request => "De persoon vroeg het",
        ErasureReason::NoLongerNeeded => "Niet langer nodig",
        ErasureReason::ConsentWithdrawn => "Toestemming ingetrokken",
        ErasureReason::Retention => "Bewaartermijn verstreken",
    },
    erase_link: "Gegevens wissen…",
    erase_title: "Gegevens wissen",
    erase_intro: "Wissen maakt het dossier anoniem. Wat de persoon herkenbaar maakt, verdwijnt voorgoed. Wat de cijfers van het programma nodig hebben, blijft onder een schuilnaam. Dit kan niet ongedaan gemaakt worden.",
    erase_removed_title: "Wat verdwijnt",
    erase_kept_title: "Wat blijft, zonder naam",
    erase_removed: |r| {
        match r {
        Removed::Name => "Voornaam en achternaam (vervangen door een schuilnaam)".to_owned(),
        Removed::Contact => {
            "Telefoon, e-mailadres, contact van de verwijzer en van de steunfiguur".to_owned()
        }
        Removed::BirthDate => "Geboortedatum (het geboortejaar blijft)".to_owned(),
        Removed::Notes => "Notities van de coördinator en wensen over de buddy".to_owned(),
        Removed::ContactNotes(n) => format!("Notities bij contactmomenten ({n})"),
        Removed::Registrations(n) => {
            format!("Aanmeldingen: namen, contactgegevens, hulpverlener, notitie ({n})")
        }
        Removed::DuoTexts(n) => format!("Afspraken en notities bij het einde van duo’s ({n})"),
        Removed::ActivityTexts(n) => format!("Plaats, notitie en check-in van activiteiten ({n})"),
        Removed::EvaluationNotes(n) => format!("Notities van evaluaties ({n})"),
        Removed::HistoryNotes(n) => {
            format!("Notities bij statuswijzigingen en doorverwijzingen ({n})")
        }
        Removed::Mails(n) => {
            format!("Mails aan of over de persoon: adres, onderwerp en tekst ({n})")
        }
        Removed::Drafts(n) => format!("Niet-verzonden formulieren met de naam ({n})"),
        Removed::Screenings(n) => format!("Notities van screeningsgesprekken ({n})"),
        Removed::Account => "Het account: e-mailadres, naam, wachtwoord, tweestapsgeheim; aangemelde sessies eindigen".to_owned(),
    }
    },
    erase_kept: |k| match k {
        Kept::Dates => "Datums: intake, wachttijd, duo’s, activiteiten, statuswijzigingen",
        Kept::Codes => "Statussen, uitkomsten en redenen als keuzes uit een lijst",
        Kept::Demographics => "Gender, gemeente en geboortejaar",
        Kept::MatchProfile => {
            "Het profiel voor het matchen: interesses, persoonlijkheid, beschikbaarheid, verplaatsing"
        }
        Kept::Scores => "Matchingscores en stemming bij check-ins",
        Kept::AuditTrail => {
            "Het logboek: wie het dossier las of wijzigde en wanneer (het bevat nooit de inhoud)"
        }
    },
    erase_reason_label: "Waarom wis je dit dossier?",
    erase_confirm_label: "Ik heb nagekeken wat verdwijnt. Ik weet dat dit niet ongedaan kan worden.",
    erase_submit: "Definitief wissen",
    erased_notice: |on| {
        format!(
            "Dit dossier is gewist op {on}. Namen, contactgegevens en notities zijn weg; de cijfers blijven onder een schuilnaam."
        )
    },
    trail_title: "Wie las of wijzigde dit dossier",
    trail_intro: "Elke keer dat iemand dit dossier opent of wijzigt, wordt dat bijgehouden: wie en wanneer, nooit wat er stond. De nieuwste eerst.",
    data_link: "Alle gegevens opvragen",
    data_title: "Alle gegevens van deze persoon",
    data_intro: "Alles wat Klik over deze persoon bewaart, zoals de persoon het mag opvragen (AVG art. 15). Druk deze pagina af of download het bestand. Elke opvraging wordt bijgehouden.",
    data_download: "Download als bestand (JSON)",
    data_exported: |at| format!("Opgevraagd op {at}"),
    data_record: "Dossier",
    data_contacts: "Contactmomenten",
    data_registrations: "Aanmeldingen",
    data_duos: "Duo’s",
    data_duo: |buddy| format!("Duo met {buddy}"),
    data_activities: "Activiteiten",
    data_evaluations: "Evaluaties",
    data_referrals: "Doorverwijzingen naar opstapjes",
    data_mails: "Mails aan deze persoon",
    data_none: "Niets.",
    data_consent_version: |version, on| format!("Tekst versie {version}, gegeven op {on}"),
    data_mood: "Stemming",
    data_subject: "Onderwerp",
    data_message: "Tekst",
    data_buddy_notes: "De notities van de coördinator bij de evaluaties en het einde van een duo staan hier niet: ze gaan ook over de deelnemer (AVG art. 15, lid 4).",
    data_application: "Aanmelding als vrijwilliger",
    data_account: "Account",
    data_created: "Aangemaakt op",
    data_active: "Actief",
    data_recovery_left: "Herstelcodes over",
    data_sign_ins: "Aanmeldpogingen",
    data_sign_in_ok: "gelukt",
    data_sign_in_failed: "mislukt",
    data_calendar_since: "Agenda-koppeling sinds",
    data_actions: "Wat deze gebruiker deed in Klik",
    data_buddy_record: "Deze gebruiker is ook buddy: hun gegevens als buddy",
    data_secrets: "Wachtwoord, tweestapsgeheim, herstelcodes en sessiesleutels worden nooit getoond: alleen of ze bestaan.",
    nav_retention: "Bewaartermijnen",
    retention_title: "Bewaartermijnen",
    retention_intro: |r| {
        format!(
            "Klik bewaart niets langer dan nodig. Elke nacht maakt een taak anoniem wat zijn termijn voorbij is: afgesloten dossiers van deelnemers na {} maanden, niet goedgekeurde kandidaten na {} maanden, gestopte buddy’s na {} maanden. Notities bij check-ins verdwijnen na {} maanden, mails na {} dagen, het logboek na {} maanden. Je kan één dossier uitstellen als er een reden is.",
            r.participant_months,
            r.candidate_months,
            r.buddy_months,
            r.checkin_note_months,
            r.mail_body_days,
            r.audit_log_months
        )
    },
    retention_due_title: "Wordt gewist in de komende 30 dagen",
    retention_due_none: "Niets in de komende 30 dagen.",
    retention_held_title: "Uitgesteld",
    retention_category: |c| match c {
        RetentionCategory::ClosedParticipant => "Afgesloten deelnemer",
        RetentionCategory::Candidate => "Niet goedgekeurde kandidaat",
        RetentionCategory::StoppedBuddy => "Gestopte buddy",
    },
    retention_since: "Sinds",
    retention_erased_from: "Gewist op",
    retention_held_until: |on| format!("Uitgesteld tot {on}"),
    hold_reason: |r| match r {
        HoldReason::MayReturn => "Komt misschien terug",
        HoldReason::Dispute => "Klacht, geschil of vraag van een overheid",
        HoldReason::PersonAsked => "De persoon vroeg het",
    },
    hold_until_label: "Uitstellen tot",
    hold_reason_label: "Waarom?",
    hold_submit: "Uitstellen",
    retention_runs_title: "Wat de nachtelijke taak deed",
    retention_runs_none: "De taak liep nog niet.",
    retention_run_unfinished: "onderbroken",
    retention_col_day: "Dag",
    retention_col_people: "Dossiers gewist",
    retention_col_notes: "Check-in notities",
    retention_col_mails: "Mails",
    retention_col_log: "Logboekregels",
    retention_settings_title: "Bewaartermijnen",
    retention_settings_saved: "De bewaartermijnen zijn bewaard.",
    retention_participant_months: "Afgesloten dossier van een deelnemer (maanden)",
    retention_candidate_months: "Niet goedgekeurde kandidaat (maanden na de beslissing)",
    retention_buddy_months: "Gestopte buddy (maanden)",
    retention_checkin_note_months: "Notitie bij een check-in (maanden)",
    retention_mail_body_days: "Verstuurde mail (dagen)",
    retention_audit_log_months: "Logboek (maanden, minstens 12)",
    nav_registers: "Registers",
    registers_title: "Registers gegevensbescherming",
    registers_intro: "Het register van de verwerkingen (AVG art. 30) en de lijst van wie gezondheidsgegevens kan inzien (wet van 30 juli 2018, art. 9). Klik maakt ze uit zijn eigen gegevensmodel, toegangsregels en bewaartermijnen: ze kloppen dus altijd met wat Klik doet. Druk ze af of download ze.",
    registers_made: |programme, at| format!("{programme} · opgemaakt op {at}"),
    registers_download: "Download als bestand (JSON)",
    registers_processing_title: "Register van de verwerkingen",
    registers_people: "Over wie",
    registers_data: "Welke gegevens",
    registers_special: "Bevat gezondheidsgegevens (bijzondere categorie, art. 9)",
    registers_purposes: "Waarvoor",
    registers_basis: "Rechtsgrond",
    registers_recipients: "Wie ze ziet",
    registers_keeping: "Hoe lang",
    registers_records: "Aantal dossiers nu",
    registers_measures_title: "Beveiligingsmaatregelen in Klik",
    registers_access_title: "Wie gezondheidsgegevens kan inzien",
    registers_access_intro: |roles| {
        format!(
            "Iedereen met een account met de rol {roles}: zij kunnen dossiers van deelnemers openen. Elke inzage staat in het logboek."
        )
    },
    registers_col_since: "Account sinds",
    registers_inactive: "uitgeschakeld",
    person_category: |c| match c {
        PersonCategory::Participants => "Deelnemers",
        PersonCategory::Registrations => "Aanmeldingen (voor de intake)",
        PersonCategory::Buddies => "Buddy’s",
        PersonCategory::Candidates => "Kandidaat-vrijwilligers",
        PersonCategory::Staff => {
            "Medewerkers (coördinatoren, beheerders, screeners van de partner)"
        }
    },
    data_category: |d| match d {
        DataCategory::Identity => "naam",
        DataCategory::Contact => "contactgegevens",
        DataCategory::Demographics => "geboortedatum, gender, gemeente, talen",
        DataCategory::MatchingProfile => {
            "interesses, persoonlijkheid, beschikbaarheid, verplaatsing, wensen"
        }
        DataCategory::HealthContext => {
            "deelname aan het programma (langdurige psychische kwetsbaarheid)"
        }
        DataCategory::Notes => "notities van de coördinator en van contacten",
        DataCategory::DuoHistory => "duo’s, afspraken, activiteiten, check-ins, evaluaties",
        DataCategory::Referrals => "doorverwijzingen naar opstapjes",
        DataCategory::Consents => "gegeven toestemmingen",
        DataCategory::CareWorker => "naam en contact van de hulpverlener",
        DataCategory::Screening => "motivatie en screeningsgesprekken",
        DataCategory::Account => "account, sessies, tweestapsaanmelding, logboek",
    },
    purpose: |p| match p {
        Purpose::Matching => "een passende buddy vinden en de duo opvolgen",
        Purpose::Intake => "een aanmelding opvolgen tot de intake",
        Purpose::Volunteering => "vrijwilligers vinden, screenen en ondersteunen",
        Purpose::Operation => "Klik laten werken: accounts, toegang, beveiliging",
    },
    legal_basis: |b| match b {
        LegalBasis::ExplicitConsent => {
            "uitdrukkelijke toestemming, art. 6.1.a en 9.2.a (vastgelegd bij de intake)"
        }
        LegalBasis::PreContract => {
            "stappen op vraag van de persoon voor een overeenkomst, art. 6.1.b"
        }
        LegalBasis::Contract => "de vrijwilligersovereenkomst, art. 6.1.b",
        LegalBasis::LegitimateInterest => "gerechtvaardigd belang van het programma, art. 6.1.f",
    },
    recipient: |r| match r {
        Recipient::Coordinators => "coördinatoren en beheerders van het programma",
        Recipient::Partner => {
            "screeners van de partnerorganisatie (alleen de kandidaten die zij screenen)"
        }
        Recipient::Buddy => {
            "de buddy van de duo (voornaam; telefoon en interesses alleen met toestemming)"
        }
        Recipient::MailServer => "de mailserver die de mails van Klik aflevert",
        Recipient::Backups => "wie de back-ups van de installatie bewaart",
        Recipient::Downloads => {
            "wie een download krijgt: het gegevensbestand van een persoon (op diens vraag), rapporten (alleen aantallen)"
        }
    },
    keeping: |k| match k {
        Keeping::MonthsAfterClosing(m) => format!("anoniem gemaakt {m} maanden na het afsluiten"),
        Keeping::MonthsAfterDecision(m) => format!("anoniem gemaakt {m} maanden na de beslissing"),
        Keeping::WhileAccount => "zolang het account bestaat".to_owned(),
        Keeping::UntilIntake => "tot de intake, daarna deel van het dossier".to_owned(),
    },
    measure: |m| match m {
        Measure::PasswordsHashed => "Wachtwoorden alleen als Argon2-hash bewaard.",
        Measure::TwoStep => "Tweestapsaanmelding (TOTP), verplicht te maken per rol.",
        Measure::RoleAccess => {
            "Toegang per rol, alles wat niet toegelaten is, is verboden (getest)."
        }
        Measure::AuditTrail => {
            "Elke inzage en wijziging van een dossier in een logboek dat niet gewijzigd kan worden."
        }
        Measure::NoPersonalDataInLogs => {
            "Geen persoonsgegevens in serverlogs, adressen of foutmeldingen."
        }
        Measure::Retention => "Bewaartermijnen die elke nacht vanzelf worden toegepast.",
        Measure::Erasure => "Wissen door anonimiseren, met een voorbeeld vooraf.",
        Measure::Downloads => {
            "Het gegevensbestand van een persoon wordt in het logboek bijgehouden; rapporten bevatten alleen aantallen (1 tot 4 verborgen)."
        }
    },
};

use super::Texts;
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
    err_internal: "Er ging iets mis aan onze kant.",
    err_request: "De server kon niet bereikt worden. Controleer je verbinding en probeer \
                  opnieuw.",
    problem: |problem| match problem {
        Problem::Required => "Dit veld is verplicht.".into(),
        Problem::TooShort { min } => format!("Gebruik minstens {min} tekens."),
        Problem::TooLong { max } => format!("Gebruik hoogstens {max} tekens."),
        Problem::OutOfRange { min, max } => format!("Kies een waarde van {min} tot {max}."),
        Problem::Invalid => "Deze waarde is niet geldig.".into(),
    },
};

//! The events in words (issue 17): pages, forms and the invitation mail, in plain Dutch and
//! English.

use crate::domain::event::{
    Answer, Audience, CampaignTally, EventKind, HeardVia, Organiser, Repeat, Seat,
};
use crate::i18n::Lang;

/// The words of the events in one language.
pub struct Words {
    pub title: &'static str,
    pub intro: &'static str,
    pub partner_intro: &'static str,
    pub new_event: &'static str,
    pub none: &'static str,
    pub when: &'static str,
    pub what: &'static str,
    pub kind: &'static str,
    pub answers: &'static str,
    pub attended: &'static str,
    pub cancelled: &'static str,
    pub series: &'static str,
    pub past: &'static str,
    pub kind_name: fn(EventKind) -> &'static str,
    pub organiser_name: fn(Organiser) -> &'static str,
    pub repeat_name: fn(Repeat) -> &'static str,
    pub answer_name: fn(Answer) -> &'static str,
    pub audience_name: fn(Audience) -> &'static str,
    pub seat: fn(Seat) -> String,
    pub counts: fn(u32, u32, u32, u32) -> String,
    pub waiting_count: fn(u32) -> String,
    pub capacity_of: fn(u32) -> String,
    pub no_limit: &'static str,
    // The form.
    pub form_title: &'static str,
    pub f_kind: &'static str,
    pub f_title: &'static str,
    pub f_description: &'static str,
    pub f_place: &'static str,
    pub f_link: &'static str,
    pub f_link_hint: &'static str,
    pub f_date: &'static str,
    pub f_starts: &'static str,
    pub f_ends: &'static str,
    pub f_repeat: &'static str,
    pub f_every_weeks: &'static str,
    pub f_until: &'static str,
    pub f_repeat_hint: &'static str,
    pub f_capacity: &'static str,
    pub f_capacity_hint: &'static str,
    pub f_organiser: &'static str,
    pub f_answers_open: &'static str,
    pub create: &'static str,
    // One event.
    pub place: &'static str,
    pub online: &'static str,
    pub organiser: &'static str,
    pub capacity: &'static str,
    pub invite_title: &'static str,
    pub invite_hint: &'static str,
    pub f_audience: &'static str,
    pub f_municipality: &'static str,
    pub f_any_municipality: &'static str,
    pub f_min_months: &'static str,
    pub invite: &'static str,
    pub invited: fn(u32, u32, u32) -> String,
    pub invitees: &'static str,
    pub nobody_invited: &'static str,
    pub invitees_range: fn(u32, u32, u32) -> String,
    pub name: &'static str,
    pub answer: &'static str,
    pub no_answer: &'static str,
    pub buddy: &'static str,
    pub participant: &'static str,
    pub record_answer: &'static str,
    pub cancel: &'static str,
    pub cancel_confirm: &'static str,
    pub attendance: &'static str,
    pub attendance_intro: &'static str,
    pub search: &'static str,
    pub came: &'static str,
    pub not_came: &'static str,
    pub tick: &'static str,
    pub untick: &'static str,
    // The buddy's phone.
    pub my_title: &'static str,
    pub my_answer: &'static str,
    pub changed: &'static str,
    pub refusal: fn(crate::domain::event::AnswerRefusal) -> &'static str,
    // Intervision and records.
    pub intervision_months: &'static str,
    pub missed_title: &'static str,
    pub missed_intro: fn(u32) -> String,
    pub never: &'static str,
    pub last_came: &'static str,
    pub person_title: &'static str,
    pub person_none: &'static str,
    pub intervision_tally: fn(u32, u32) -> String,
    // Campaigns.
    pub heard_title: &'static str,
    pub heard_via: &'static str,
    pub heard_name: fn(HeardVia) -> &'static str,
    pub campaign_code: &'static str,
    pub campaign_code_hint: &'static str,
    pub campaign_title: &'static str,
    pub campaign_code_is: fn(&str) -> String,
    pub campaign_lines: fn(&CampaignTally) -> [String; 5],
    // Letters and the call list.
    pub letters: &'static str,
    pub letters_intro: &'static str,
    pub print: &'static str,
    pub call_list: &'static str,
    pub phone: &'static str,
    pub no_participants: &'static str,
    pub letter_greeting: fn(&str) -> String,
    pub letter_body: fn(&str, &str) -> String,
    pub letter_when: &'static str,
    pub letter_reply: fn(&str) -> String,
    pub letter_reply_no_phone: &'static str,
    pub letter_closing: fn(&str) -> String,
    // The mail's answer link.
    pub link_title: &'static str,
    pub link_intro: &'static str,
    pub link_current: &'static str,
    pub answered_title: &'static str,
    pub answered_text: &'static str,
    pub place_mail_subject: fn(&str) -> String,
    /// Title, when, the deadline to confirm (if one is asked), the link.
    pub place_mail_body: fn(&str, &str, Option<&str>, &str) -> String,
    // Offers from the waiting list.
    pub offer_hours: &'static str,
    pub confirm: &'static str,
    // Walk-ins at the door.
    pub invite_one_title: &'static str,
    pub invite_one_who: &'static str,
    pub walk_in_title: &'static str,
    pub walk_in_intro: &'static str,
    pub walk_in_who: &'static str,
    pub walk_in_add: &'static str,
    pub walk_in_none: &'static str,
    // Reminders and calendars.
    pub reminders_label: &'static str,
    pub reminders_hint: &'static str,
    pub reminder_subject: fn(&str) -> String,
    pub reminder_body: fn(&str, &str, &str, &str) -> String,
    pub add_to_calendar: &'static str,
    // The mail.
    pub mail_subject: fn(&str) -> String,
    pub mail_body: fn(&str, &str, &str, &str, usize, &str) -> String,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

const NL: Words = Words {
    title: "Evenementen",
    intro: "Intervisie, waarderingsmomenten, bijeenkomsten voor wachtende deelnemers, vormingen en bekendmakingsacties: wie is uitgenodigd, wie komt, wie kwam.",
    partner_intro: "De evenementen die jullie mee organiseren, met de uitgenodigde buddy's.",
    new_event: "Nieuw evenement",
    none: "Nog geen evenementen.",
    when: "Wanneer",
    what: "Wat",
    kind: "Soort",
    answers: "Antwoorden",
    attended: "Aanwezig",
    cancelled: "Geannuleerd",
    series: "reeks",
    past: "voorbij",
    kind_name: |k| match k {
        EventKind::Intervision => "Intervisie",
        EventKind::Appreciation => "Waarderingsmoment",
        EventKind::WaitingMeeting => "Bijeenkomst voor wachtende deelnemers",
        EventKind::Training => "Vorming of opleiding",
        EventKind::Campaign => "Bekendmakingsactie",
        EventKind::Other => "Andere",
    },
    organiser_name: |o| match o {
        Organiser::Programme => "Het programma",
        Organiser::Partner => "De partner",
        Organiser::Both => "Het programma en de partner samen",
    },
    repeat_name: |r| match r {
        Repeat::Once => "Eén keer",
        Repeat::Weekly => "Elke week of om de paar weken",
        Repeat::Monthly => "Elke maand op dezelfde dag (bv. elke tweede dinsdag)",
    },
    answer_name: |a| match a {
        Answer::Yes => "Ja",
        Answer::No => "Nee",
        Answer::Maybe => "Misschien",
    },
    audience_name: |a| match a {
        Audience::ActiveBuddies => "Alle buddy's in een actieve duo",
        Audience::FirstYearBuddies => "Buddy's in hun eerste jaar",
        Audience::BuddiesWithoutDuo => "Goedgekeurde buddy's zonder duo",
        Audience::WaitingParticipants => "Wachtende deelnemers",
        Audience::CandidateBuddies => "Kandidaat-vrijwilligers",
    },
    seat: |s| match s {
        Seat::Placed => "Heeft een plaats".into(),
        Seat::Offered(t) => format!(
            "Er is een plaats vrij: bevestig vóór {}",
            crate::domain::time::format_day_time(t, Lang::Nl)
        ),
        Seat::Waiting(n) => format!("Op de wachtlijst (nummer {n})"),
    },
    counts: |yes, maybe, no, invited| {
        format!("{yes} ja, {maybe} misschien, {no} nee van {invited} uitgenodigd")
    },
    waiting_count: |n| format!("{n} op de wachtlijst"),
    capacity_of: |n| match n {
        1 => "1 plaats".into(),
        n => format!("{n} plaatsen"),
    },
    no_limit: "Geen limiet",
    form_title: "Nieuw evenement",
    f_kind: "Soort",
    f_title: "Titel",
    f_description: "Beschrijving",
    f_place: "Plaats",
    f_link: "Link (online)",
    f_link_hint: "Een adres dat met https:// begint, of leeg.",
    f_date: "Datum (eerste keer)",
    f_starts: "Begint om",
    f_ends: "Eindigt om",
    f_repeat: "Herhaling",
    f_every_weeks: "Om de hoeveel weken",
    f_until: "Laatste mogelijke datum",
    f_repeat_hint: "Elke keer krijgt een eigen aanwezigheidslijst. Hoogstens 500 keer.",
    f_capacity: "Aantal plaatsen",
    f_capacity_hint: "Leeg: geen limiet. Wie ja zegt als het vol is, komt op de wachtlijst.",
    f_organiser: "Organisator",
    f_answers_open: "Uitgenodigden kunnen antwoorden",
    create: "Evenement maken",
    place: "Plaats",
    online: "Online",
    organiser: "Organisator",
    capacity: "Plaatsen",
    invite_title: "Uitnodigen",
    invite_hint: "Wie nu bij de groep hoort, wordt uitgenodigd (bij een reeks voor elke volgende keer). Wie al uitgenodigd is, krijgt geen tweede uitnodiging. Buddy's krijgen een e-mail; wachtende deelnemers bel je of krijgen een brief.",
    f_audience: "Wie",
    f_municipality: "Gemeente (alleen voor wachtende deelnemers)",
    f_any_municipality: "Alle gemeenten",
    f_min_months: "Minstens zoveel maanden wachtend (leeg: iedereen)",
    invite: "Uitnodigen",
    invited: |people, sessions, mails| {
        format!("{people} personen uitgenodigd voor {sessions} keer; {mails} e-mails klaargezet.")
    },
    invitees: "Uitgenodigd",
    nobody_invited: "Nog niemand uitgenodigd.",
    invitees_range: |from, to, total| format!("{from}–{to} van {total}"),
    name: "Naam",
    answer: "Antwoord",
    no_answer: "Nog geen antwoord",
    buddy: "Buddy",
    participant: "Deelnemer",
    record_answer: "Antwoord noteren",
    cancel: "Dit evenement annuleren",
    cancel_confirm: "Annuleren",
    attendance: "Aanwezigheden",
    attendance_intro: "Vink aan wie er is. Zoek op naam.",
    search: "Zoek een naam",
    came: "Aanwezig",
    not_came: "Niet aangevinkt",
    tick: "Is er",
    untick: "Toch niet",
    my_title: "Uitnodigingen",
    my_answer: "Kom je?",
    changed: "Je antwoord is bewaard.",
    refusal: |why| match why {
        crate::domain::event::AnswerRefusal::Cancelled => "Geannuleerd",
        crate::domain::event::AnswerRefusal::Closed => "Antwoorden is gesloten",
        crate::domain::event::AnswerRefusal::Started => "Al begonnen",
        crate::domain::event::AnswerRefusal::OfferLapsed => "Niet op tijd bevestigd",
    },
    intervision_months: "Maanden zonder intervisie waarna een buddy gemeld wordt",
    missed_title: "Lang niet op intervisie",
    missed_intro: |m| {
        format!("Buddy's in een actieve duo die al meer dan {m} maanden niet op intervisie kwamen.")
    },
    never: "nog nooit",
    last_came: "Laatst aanwezig",
    person_title: "Evenementen",
    person_none: "Nog nergens voor uitgenodigd.",
    intervision_tally: |came, invited| {
        format!("Intervisie: {came} keer aanwezig van {invited} keer uitgenodigd")
    },
    heard_title: "Hoe leerde je ons kennen?",
    heard_via: "Hoe hoorde je van ons? (niet verplicht)",
    heard_name: |h| match h {
        HeardVia::Campaign => "Een actie of infostand van het programma",
        HeardVia::Friends => "Vrienden of familie",
        HeardVia::Website => "Een website of sociale media",
        HeardVia::Municipality => "De gemeente",
        HeardVia::Other => "Iets anders",
    },
    campaign_code: "Code van de actie",
    campaign_code_hint: "Staat op de folder of affiche, bijvoorbeeld K7M2QX. Leeg laten mag.",
    campaign_title: "Wat de actie opbracht",
    campaign_code_is: |c| format!("Code voor het aanmeldformulier: {c}"),
    campaign_lines: |t| {
        [
            format!(
                "{} kandidaat-buddy's meldden zich aan met deze code",
                t.applications
            ),
            format!("{} goedgekeurd", t.approved),
            format!("{} kregen een duo", t.matched),
            format!("{} van {} nog buddy na 6 maanden", t.after_6.0, t.after_6.1),
            format!(
                "{} van {} nog buddy na 12 maanden",
                t.after_12.0, t.after_12.1
            ),
        ]
    },
    letters: "Brieven en bellijst",
    letters_intro: "Wachtende deelnemers hebben geen account: bel hen of geef hen een brief. Noteer hun antwoord op de pagina van het evenement.",
    print: "Afdrukken",
    call_list: "Bellijst",
    phone: "Telefoon",
    no_participants: "Er zijn geen deelnemers uitgenodigd.",
    letter_greeting: |name| format!("Beste {name},"),
    letter_body: |programme, title| {
        format!(
            "{programme} nodigt je graag uit voor: {title}. Je bent van harte welkom, ook als je nog op een buddy wacht."
        )
    },
    letter_when: "Wanneer en waar",
    letter_reply: |phone| {
        format!(
            "Laat je ons weten of je komt? Bel ons op {phone}. Je mag ook iemand meebrengen die je vertrouwt."
        )
    },
    letter_reply_no_phone: "Laat je ons weten of je komt? Je mag ook iemand meebrengen die je vertrouwt.",
    letter_closing: |programme| format!("Hartelijke groet,\n{programme}"),
    link_title: "Kom je?",
    link_intro: "Tik op je antwoord. Deze link werkt één keer; daarna wijzig je je antwoord door je aan te melden.",
    link_current: "Je antwoord tot nu toe",
    answered_title: "Bedankt!",
    answered_text: "Je antwoord is bewaard. Wil je het later wijzigen? Meld je aan: je ziet de uitnodiging op je startpagina.",
    place_mail_subject: |title| format!("Er is een plaats vrij: {title}"),
    place_mail_body: |title, when, until, link| {
        let confirm = match until {
            Some(until) => format!(
                "Bevestig je plaats vóór {until}: meld je aan op {link} en tik bij de uitnodiging op \"Bevestig mijn plaats\". Bevestig je niet op tijd, dan gaat de plaats naar de volgende op de wachtlijst."
            ),
            None => format!(
                "Kun je toch niet komen? Meld je aan op {link} en tik op nee, dan gaat je plaats naar de volgende."
            ),
        };
        format!(
            "Hallo,\n\nEr is een plaats vrijgekomen voor {title} ({when}). Je stond op de wachtlijst.\n\n{confirm}\n\nTot dan!"
        )
    },
    offer_hours: "Uren om een vrijgekomen plaats te bevestigen (0: geen bevestiging nodig)",
    confirm: "Bevestig mijn plaats",
    invite_one_title: "Iemand apart uitnodigen",
    invite_one_who: "Wie nodig je uit?",
    walk_in_title: "Iemand kwam zonder uitnodiging",
    walk_in_intro: "Voeg toe wie er is maar niet op de lijst staat; hij of zij telt meteen als aanwezig.",
    walk_in_who: "Wie kwam er?",
    walk_in_add: "Toevoegen als aanwezig",
    walk_in_none: "Iedereen die je kunt toevoegen, staat al op de lijst.",
    reminders_label: "Stuur me de dag voor een evenement een herinnering",
    reminders_hint: "Alleen voor evenementen waarop je ja zei en een plaats hebt.",
    reminder_subject: |title| format!("Morgen: {title}"),
    reminder_body: |programme, title, when, place| {
        format!(
            "Hallo,\n\nEen herinnering van {programme}: morgen is {title}.\n\nWanneer: {when}\nWaar: {place}\n\nKun je toch niet komen? Laat het weten in Klik, dan gaat je plaats naar iemand anders.\n\nWil je deze herinneringen niet meer? Zet ze uit bij \"Mijn account\" in Klik."
        )
    },
    add_to_calendar: "In mijn agenda",
    mail_subject: |title| format!("Uitnodiging: {title}"),
    mail_body: |programme, title, when, place, sessions, link| {
        let more = if sessions > 1 {
            format!(" (en nog {} keer daarna)", sessions - 1)
        } else {
            String::new()
        };
        format!(
            "Hallo,\n\n{programme} nodigt je uit voor: {title}.\n\nWanneer: {when}{more}\nWaar: {place}\n\nLaat weten of je komt, met één klik: {link}\nJe kunt je antwoord later nog wijzigen: meld je aan in Klik, je ziet de uitnodiging op je startpagina.\n\nTot dan!"
        )
    },
};

const EN: Words = Words {
    title: "Events",
    intro: "Intervision, appreciation moments, meetings for waiting participants, trainings and awareness campaigns: who is invited, who comes, who came.",
    partner_intro: "The events you co-organise, with the invited buddies.",
    new_event: "New event",
    none: "No events yet.",
    when: "When",
    what: "What",
    kind: "Kind",
    answers: "Answers",
    attended: "Came",
    cancelled: "Cancelled",
    series: "series",
    past: "past",
    kind_name: |k| match k {
        EventKind::Intervision => "Intervision",
        EventKind::Appreciation => "Appreciation moment",
        EventKind::WaitingMeeting => "Meeting for waiting participants",
        EventKind::Training => "Training",
        EventKind::Campaign => "Awareness campaign",
        EventKind::Other => "Other",
    },
    organiser_name: |o| match o {
        Organiser::Programme => "The programme",
        Organiser::Partner => "The partner",
        Organiser::Both => "The programme and the partner together",
    },
    repeat_name: |r| match r {
        Repeat::Once => "Once",
        Repeat::Weekly => "Every week or every few weeks",
        Repeat::Monthly => "Every month on the same day (e.g. every second Tuesday)",
    },
    answer_name: |a| match a {
        Answer::Yes => "Yes",
        Answer::No => "No",
        Answer::Maybe => "Maybe",
    },
    audience_name: |a| match a {
        Audience::ActiveBuddies => "All buddies in an active duo",
        Audience::FirstYearBuddies => "Buddies in their first year",
        Audience::BuddiesWithoutDuo => "Approved buddies without a duo",
        Audience::WaitingParticipants => "Waiting participants",
        Audience::CandidateBuddies => "Candidate volunteers",
    },
    seat: |s| match s {
        Seat::Placed => "Has a place".into(),
        Seat::Offered(t) => format!(
            "A place is free: confirm before {}",
            crate::domain::time::format_day_time(t, Lang::En)
        ),
        Seat::Waiting(n) => format!("On the waiting list (number {n})"),
    },
    counts: |yes, maybe, no, invited| {
        format!("{yes} yes, {maybe} maybe, {no} no of {invited} invited")
    },
    waiting_count: |n| format!("{n} on the waiting list"),
    capacity_of: |n| match n {
        1 => "1 place".into(),
        n => format!("{n} places"),
    },
    no_limit: "No limit",
    form_title: "New event",
    f_kind: "Kind",
    f_title: "Title",
    f_description: "Description",
    f_place: "Place",
    f_link: "Link (online)",
    f_link_hint: "An address starting with https://, or blank.",
    f_date: "Date (first time)",
    f_starts: "Starts at",
    f_ends: "Ends at",
    f_repeat: "Repeats",
    f_every_weeks: "Every how many weeks",
    f_until: "Last possible date",
    f_repeat_hint: "Each time gets its own attendance list. At most 500 times.",
    f_capacity: "Places",
    f_capacity_hint: "Blank: no limit. Whoever says yes when it is full goes on the waiting list.",
    f_organiser: "Organiser",
    f_answers_open: "Invitees can answer",
    create: "Create event",
    place: "Place",
    online: "Online",
    organiser: "Organiser",
    capacity: "Places",
    invite_title: "Invite",
    invite_hint: "Whoever belongs to the group now is invited (for a series, to every later time). Nobody is invited twice. Buddies get an e-mail; call waiting participants or send them a letter.",
    f_audience: "Who",
    f_municipality: "Municipality (waiting participants only)",
    f_any_municipality: "All municipalities",
    f_min_months: "Waiting at least this many months (blank: everyone)",
    invite: "Invite",
    invited: |people, sessions, mails| {
        format!("{people} people invited to {sessions} times; {mails} e-mails queued.")
    },
    invitees: "Invited",
    nobody_invited: "Nobody invited yet.",
    invitees_range: |from, to, total| format!("{from}–{to} of {total}"),
    name: "Name",
    answer: "Answer",
    no_answer: "No answer yet",
    buddy: "Buddy",
    participant: "Participant",
    record_answer: "Record answer",
    cancel: "Cancel this event",
    cancel_confirm: "Cancel",
    attendance: "Attendance",
    attendance_intro: "Tick who is here. Search by name.",
    search: "Search a name",
    came: "Came",
    not_came: "Not ticked",
    tick: "Is here",
    untick: "Not after all",
    my_title: "Invitations",
    my_answer: "Are you coming?",
    changed: "Your answer is saved.",
    refusal: |why| match why {
        crate::domain::event::AnswerRefusal::Cancelled => "Cancelled",
        crate::domain::event::AnswerRefusal::Closed => "Answers are closed",
        crate::domain::event::AnswerRefusal::Started => "Already started",
        crate::domain::event::AnswerRefusal::OfferLapsed => "Not confirmed in time",
    },
    intervision_months: "Months without intervision after which a buddy is flagged",
    missed_title: "Long time no intervision",
    missed_intro: |m| {
        format!(
            "Buddies in an active duo who have not come to intervision for more than {m} months."
        )
    },
    never: "never",
    last_came: "Last came",
    person_title: "Events",
    person_none: "Not invited to anything yet.",
    intervision_tally: |came, invited| {
        format!("Intervision: came {came} of {invited} times invited")
    },
    heard_title: "How did you get to know us?",
    heard_via: "How did you hear about us? (optional)",
    heard_name: |h| match h {
        HeardVia::Campaign => "A campaign or info stand of the programme",
        HeardVia::Friends => "Friends or family",
        HeardVia::Website => "A website or social media",
        HeardVia::Municipality => "The municipality",
        HeardVia::Other => "Something else",
    },
    campaign_code: "Campaign code",
    campaign_code_hint: "It is on the leaflet or poster, for example K7M2QX. You may leave it blank.",
    campaign_title: "What the campaign brought",
    campaign_code_is: |c| format!("Code for the application form: {c}"),
    campaign_lines: |t| {
        [
            format!(
                "{} candidate buddies applied with this code",
                t.applications
            ),
            format!("{} approved", t.approved),
            format!("{} got a duo", t.matched),
            format!(
                "{} of {} still a buddy after 6 months",
                t.after_6.0, t.after_6.1
            ),
            format!(
                "{} of {} still a buddy after 12 months",
                t.after_12.0, t.after_12.1
            ),
        ]
    },
    letters: "Letters and call list",
    letters_intro: "Waiting participants have no account: call them or give them a letter. Record their answer on the event's page.",
    print: "Print",
    call_list: "Call list",
    phone: "Phone",
    no_participants: "No participants are invited.",
    letter_greeting: |name| format!("Dear {name},"),
    letter_body: |programme, title| {
        format!(
            "{programme} would like to invite you to: {title}. You are very welcome, also while you wait for a buddy."
        )
    },
    letter_when: "When and where",
    letter_reply: |phone| {
        format!(
            "Will you let us know whether you come? Call us on {phone}. You may bring someone you trust."
        )
    },
    letter_reply_no_phone: "Will you let us know whether you come? You may bring someone you trust.",
    letter_closing: |programme| format!("Kind regards,\n{programme}"),
    link_title: "Are you coming?",
    link_intro: "Tap your answer. This link works once; after that, sign in to change your answer.",
    link_current: "Your answer so far",
    answered_title: "Thank you!",
    answered_text: "Your answer is saved. Want to change it later? Sign in: the invitation is on your home page.",
    place_mail_subject: |title| format!("A place is free: {title}"),
    place_mail_body: |title, when, until, link| {
        let confirm = match until {
            Some(until) => format!(
                "Confirm your place before {until}: sign in at {link} and tap \"Confirm my place\" at the invitation. If you do not confirm in time, the place goes to the next person on the waiting list."
            ),
            None => format!(
                "Can you not come after all? Sign in at {link} and tap no, and your place goes to the next person."
            ),
        };
        format!(
            "Hello,\n\nA place has come free for {title} ({when}). You were on the waiting list.\n\n{confirm}\n\nSee you then!"
        )
    },
    offer_hours: "Hours to confirm a place that came free (0: no confirmation needed)",
    confirm: "Confirm my place",
    invite_one_title: "Invite someone by hand",
    invite_one_who: "Whom do you invite?",
    walk_in_title: "Someone came without an invitation",
    walk_in_intro: "Add who is here but not on the list; they count as present at once.",
    walk_in_who: "Who came?",
    walk_in_add: "Add as present",
    walk_in_none: "Everyone you can add is on the list already.",
    reminders_label: "Send me a reminder the day before an event",
    reminders_hint: "Only for events you said yes to and have a place at.",
    reminder_subject: |title| format!("Tomorrow: {title}"),
    reminder_body: |programme, title, when, place| {
        format!(
            "Hello,\n\nA reminder from {programme}: tomorrow is {title}.\n\nWhen: {when}\nWhere: {place}\n\nCan you not come after all? Say so in Klik, and your place goes to someone else.\n\nNo more of these reminders? Turn them off under \"My account\" in Klik."
        )
    },
    add_to_calendar: "Add to my calendar",
    mail_subject: |title| format!("Invitation: {title}"),
    mail_body: |programme, title, when, place, sessions, link| {
        let more = if sessions > 1 {
            format!(" (and {} more times after that)", sessions - 1)
        } else {
            String::new()
        };
        format!(
            "Hello,\n\n{programme} invites you to: {title}.\n\nWhen: {when}{more}\nWhere: {place}\n\nLet us know whether you come, in one click: {link}\nYou can change your answer later: sign in to Klik, the invitation is on your home page.\n\nSee you then!"
        )
    },
};

//! (server only) A fictional programme for trying Klik out: `klik demo` fills an empty
//! database with waiting participants, buddies in every state and one account per role.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::db;
use crate::domain::account::Role;
use crate::domain::people::{Application, BuddyStatus, Consent, Intake, ScreeningOutcome};
use crate::domain::profile::{
    AgeRange, Availability, ContactMethod, Gender, Profile, Slot, Smoking, Travel, TravelMode,
    Wishes,
};
use crate::error::AppError;

pub mod history;
pub use history::HistorySize;

/// Plainly made-up surnames: flowers and trees, nobody's real name by accident.
const SURNAMES: &[&str] = &[
    "Zonnebloem",
    "Klaproos",
    "Madeliefje",
    "Eikenblad",
    "Wilgenroos",
    "Berkenhout",
    "Lindeboom",
    "Hazelaar",
    "Vlierbes",
    "Lavendel",
    "Tijmblad",
    "Muntje",
    "Korenbloem",
    "Sleutelbloem",
    "Boterbloem",
    "Kastanje",
    "Esdoorn",
    "Varenblad",
    "Heidebloem",
    "Appelbloesem",
];
const WOMEN: &[&str] = &[
    "Mira", "Lotte", "Fien", "Noor", "Ilse", "Hanne", "Sofie", "Leen", "Anke", "Greet", "Marie",
    "Elif", "Yasmina", "Roos",
];
const MEN: &[&str] = &[
    "Jef", "Koen", "Bram", "Wout", "Pieter", "Stijn", "Dirk", "Youssef", "Luc", "Tom", "Arne",
    "Matthias", "Rik", "Samir",
];

/// Mechelen speaks many languages: a few participants speak only Arabic, French, Turkish or
/// Berber (so the engine blocks them from buddies without that language), some speak English
/// as well. Chosen by position, not by the random generator, so the rest of the demo stays
/// as it was.
fn participant_languages(i: usize) -> Vec<String> {
    let only = |name: &str| vec![name.to_owned()];
    match i % 30 {
        5 => only("Arabisch"),
        12 => only("Frans"),
        19 => only("Turks"),
        26 => only("Berbers"),
        3 | 17 => vec!["Nederlands".into(), "Engels".into()],
        _ => only("Nederlands"),
    }
}

/// Buddies all speak Dutch; some speak one of the participants' other languages too.
fn buddy_languages(i: usize) -> Vec<String> {
    let also = |name: &str| vec!["Nederlands".to_owned(), name.to_owned()];
    match i % 12 {
        1 => also("Frans"),
        4 => also("Arabisch"),
        6 => also("Engels"),
        8 => also("Turks"),
        10 => vec!["Nederlands".into(), "Frans".into(), "Tamazight".into()],
        _ => vec!["Nederlands".into()],
    }
}

/// The demo accounts and their passwords, to print once.
pub struct DemoAccounts(pub Vec<(Role, String, String)>);

fn profile(
    rng: &mut StdRng,
    today: NaiveDate,
    places: &[i64],
    interests: &[i64],
    scales: &[i64],
) -> Profile {
    let gender = *[
        Gender::Woman,
        Gender::Man,
        Gender::Woman,
        Gender::Man,
        Gender::X,
    ]
    .choose(rng)
    .unwrap_or(&Gender::X);
    let first = match gender {
        Gender::Woman => WOMEN.choose(rng),
        Gender::Man => MEN.choose(rng),
        Gender::X => ["Sam", "Robin", "Charlie", "Kim"].choose(rng),
    }
    .copied()
    .unwrap_or("Sam");
    let age = rng.gen_range(19..75);
    let birth_date = NaiveDate::from_ymd_opt(
        today.year() - age,
        rng.gen_range(1..=12),
        rng.gen_range(1..=28),
    )
    .unwrap_or(today);
    let how_many = rng.gen_range(1..=5);
    let mut chosen: Vec<i64> = interests.choose_multiple(rng, how_many).copied().collect();
    chosen.sort_unstable();
    let mut availability = Availability::NONE;
    for _ in 0..rng.gen_range(2..=6) {
        if let Some(slot) = Slot::from_index(rng.gen_range(0..Availability::SLOTS)) {
            availability.set(slot, true);
        }
    }
    let smokes = rng.gen_bool(0.25);
    let wish_genders = if rng.gen_bool(0.3) {
        [gender].into_iter().collect()
    } else {
        Default::default()
    };
    Profile {
        first_name: first.into(),
        last_name: SURNAMES.choose(rng).copied().unwrap_or("Zonnebloem").into(),
        birth_date,
        gender,
        municipality_id: *places.choose(rng).unwrap_or(&1),
        phone: Some(format!(
            "0470 {:02} {:02} {:02}",
            rng.gen_range(0..100),
            rng.gen_range(0..100),
            rng.gen_range(0..100)
        )),
        email: None,
        preferred_contact: ContactMethod::Phone,
        languages: vec!["Nederlands".into()],
        interests: chosen,
        personality: scales
            .iter()
            .map(|s| (*s, rng.gen_range(1..=5u8)))
            .collect(),
        smoking: Smoking {
            smokes,
            accepts_smoker: smokes || rng.gen_bool(0.5),
        },
        availability,
        travel: Travel {
            max_km: *[5u32, 10, 10, 15, 20, 30].choose(rng).unwrap_or(&10),
            modes: [TravelMode::Bike, TravelMode::PublicTransport]
                .into_iter()
                .collect(),
        },
        wishes: Wishes {
            genders: wish_genders,
            age: if rng.gen_bool(0.2) {
                AgeRange {
                    min: Some(age.max(20) as u32 - 10),
                    max: Some(age as u32 + 15),
                }
            } else {
                AgeRange::default()
            },
            note: String::new(),
        },
    }
}

/// Whether the database holds nothing a demo would mix with.
pub async fn is_empty(db: &impl ConnectionTrait) -> Result<bool, AppError> {
    use sea_orm::{EntityTrait, PaginatorTrait};
    Ok(db::users::count(db).await? == 0
        && db::entities::participant::Entity::find().count(db).await? == 0
        && db::entities::buddy::Entity::find().count(db).await? == 0)
}

/// How many buddies of the demo programme are in each state (times `DemoSize::buddy_scale`).
const BUDDY_STATES: [(BuddyStatus, usize); 7] = [
    (BuddyStatus::Applied, 4),
    (BuddyStatus::Screening, 3),
    (BuddyStatus::NotApproved, 2),
    (BuddyStatus::Available, 8),
    (BuddyStatus::InDuo, 6),
    (BuddyStatus::Paused, 1),
    (BuddyStatus::Stopped, 2),
];

/// How big a demo programme is.
#[derive(Clone, Copy, Debug)]
pub struct DemoSize {
    pub participants: usize,
    /// Each buddy state's count is multiplied by this.
    pub buddy_scale: usize,
    /// The programme's past, for the reports.
    pub history: HistorySize,
}

impl DemoSize {
    /// How many buddies the programme gets.
    pub fn buddies(&self) -> usize {
        BUDDY_STATES.iter().map(|(_, n)| n).sum::<usize>() * self.buddy_scale
    }
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize {
            participants: 72,
            buddy_scale: 1,
            history: HistorySize::DEMO,
        }
    }
}

/// Fills an empty database; refuses (Conflict) when anything is there already.
pub async fn fill(
    db: &sea_orm::DatabaseConnection,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<DemoAccounts, AppError> {
    fill_sized(db, now, today, DemoSize::default()).await
}

/// Fills an empty database with a programme of the given size (benchmarks use big ones).
pub async fn fill_sized(
    db: &sea_orm::DatabaseConnection,
    now: DateTime<Utc>,
    today: NaiveDate,
    size: DemoSize,
) -> Result<DemoAccounts, AppError> {
    if !is_empty(db).await? {
        return Err(AppError::Conflict);
    }
    let lists = db::lists::load(db, false).await?;
    let places: Vec<i64> = lists.municipalities.iter().map(|m| m.id).collect();
    let interests: Vec<i64> = lists.interests.iter().map(|m| m.id).collect();
    let scales: Vec<i64> = lists.scales.iter().map(|m| m.id).collect();
    let mut rng = StdRng::seed_from_u64(2026);
    let txn = db.begin().await?;

    let mut accounts = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for (role, email, name) in [
        (Role::Admin, "beheer@demo.klik", "Bea Beheer (demo)"),
        (
            Role::Coordinator,
            "coordinator@demo.klik",
            "Cas Coördinator (demo)",
        ),
        (Role::Screener, "screener@demo.klik", "Sara Screener (demo)"),
        (Role::Buddy, "buddy@demo.klik", "Bo Buddy (demo)"),
    ] {
        // Random, printed once: never a fixed demo password.
        let password = crate::auth::token::new_token()[..20].to_owned();
        let user =
            crate::auth::accounts::create_with_password(&txn, email, name, &password, role, now)
                .await?;
        ids.insert(role, user.id);
        accounts.push((role, email.to_owned(), password));
    }
    let coordinator = ids[&Role::Coordinator];
    let screener = ids[&Role::Screener];

    for i in 0..size.participants {
        let mut p = profile(&mut rng, today, &places, &interests, &scales);
        p.languages = participant_languages(i);
        let intake_date = today - Duration::days(rng.gen_range(3..900));
        let intake = Intake {
            profile: p,
            intake_date,
            referral_organisation_id: lists.referral_organisations.choose(&mut rng).map(|o| o.id),
            referral_contact: String::new(),
            support_contact: String::new(),
            consent: Consent {
                matching: true,
                share_first_name: true,
                share_phone: rng.gen_bool(0.7),
                share_interests: true,
                text_version: crate::domain::people::CONSENT_TEXT_VERSION.into(),
                given_on: intake_date,
                recorded_by: coordinator,
            },
            coordinator_notes: String::new(),
        };
        let id = db::participants::create(&txn, &intake, coordinator, now).await?;
        // On the waiting list since their intake: the reports' weekly list shows them so.
        history::backdate_participant(&txn, id, intake_date).await?;
        // A few are paused; the rest wait.
        if i % 12 == 11 {
            let version = 1;
            db::participants::change_status(
                &txn,
                id,
                version,
                &crate::domain::people::StatusMove {
                    to: crate::domain::people::ParticipantStatus::Paused,
                    reason: None,
                    note: "Even geen tijd".into(),
                },
                coordinator,
                now,
            )
            .await?;
        }
    }

    // Buddies in every state; the approved ones joined over the last two years, which
    // gives the wait estimate a history to go on.
    let mut in_duo = Vec::new();
    let mut nth_buddy = 0;
    for (status, count) in BUDDY_STATES {
        for _ in 0..count * size.buddy_scale {
            let mut buddy_profile = profile(&mut rng, today, &places, &interests, &scales);
            buddy_profile.languages = buddy_languages(nth_buddy);
            nth_buddy += 1;
            let application = Application {
                profile: buddy_profile,
                motivation: "Ik wil graag iemand helpen om er weer op uit te trekken.".into(),
                capacity: if rng.gen_bool(0.2) { 2 } else { 1 },
            };
            let applied_on = today - Duration::days(rng.gen_range(20..730));
            let id =
                db::buddies::create(&txn, &application, Some(coordinator), applied_on, now).await?;
            if status == BuddyStatus::Applied {
                continue;
            }
            db::buddies::hand_to_screener(&txn, id, 1, screener, coordinator, now).await?;
            let outcome = match status {
                BuddyStatus::Screening => continue,
                BuddyStatus::NotApproved => ScreeningOutcome::NotApproved,
                _ => ScreeningOutcome::Approved,
            };
            let held_on = (applied_on + Duration::days(14)).min(today);
            db::buddies::record_screening(&txn, id, 2, held_on, outcome, "", screener, now).await?;
            if matches!(status, BuddyStatus::Paused | BuddyStatus::Stopped) {
                db::buddies::set_status(&txn, id, status, Some(coordinator), now).await?;
            }
            if status == BuddyStatus::InDuo {
                in_duo.push(id);
            }
        }
    }
    duos(&txn, &in_duo, coordinator, ids[&Role::Buddy], today, now).await?;
    stepping_stones(&txn, &lists, today).await?;
    let kinds: Vec<i32> = lists.activity_kinds.iter().map(|k| k.id as i32).collect();
    history::fill(
        &txn,
        today,
        now,
        size.history,
        &places,
        &interests,
        &scales,
        &kinds,
        coordinator,
    )
    .await?;
    txn.commit().await?;
    Ok(DemoAccounts(accounts))
}

/// Real duos for the buddies shown "in a duo": each with the best waiting participant still
/// free, in every open stage (a third proposed, a third introduced, a third active).
async fn duos(
    txn: &impl ConnectionTrait,
    buddies: &[i32],
    coordinator: i32,
    buddy_user: i32,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::domain::duo::{Agreement, AgreementItem, DuoMove, EvaluationPlan, Rhythm};

    let ctx = db::matching::context(txn, today).await?;
    let mut waiting: Vec<_> = db::matching::waiting(txn)
        .await?
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    for (i, &id) in buddies.iter().enumerate() {
        let Some((buddy, _)) = db::matching::buddy(txn, id).await? else {
            continue;
        };
        let ranking = crate::matching::rank_participants_for_buddy(&buddy, &waiting, &ctx);
        let Some(best) = ranking.allowed.first() else {
            continue;
        };
        let participant = best.participant_id;
        let duo =
            db::duos::propose(txn, participant as i32, id, best, coordinator, today, now).await?;
        waiting.retain(|c| c.id != participant);
        let mut moves = Vec::new();
        // Active duos signed some weeks ago (at most ten: their first evaluation is not
        // due yet), so that the cadence watch has something to watch.
        let active = (i % 3 == 2).then_some(i / 3);
        let signed_on = today - Duration::days(active.map_or(0, |k| 14 + 5 * k.min(10) as i64));
        if i % 3 >= 1 {
            moves.push(DuoMove::Introduce {
                introduction_on: if active.is_some() { signed_on } else { today },
            });
        }
        if i % 3 == 2 {
            moves.push(DuoMove::Sign(Agreement {
                signed_on,
                rhythm: Rhythm::default(),
                items: AgreementItem::ALL.into_iter().collect(),
                note: String::new(),
                participant_yes_on: Some(today),
                buddy_yes_on: Some(today),
            }));
        }
        for (version, mv) in moves.iter().enumerate() {
            let current = db::duos::find(txn, duo)
                .await?
                .ok_or_else(|| AppError::internal("demo duo missing"))?;
            let plan = EvaluationPlan::default();
            db::duos::apply_move(txn, &current, version as i32, mv, plan, coordinator, now).await?;
        }
        if let Some(k) = active {
            // The demo buddy account is this buddy.
            let user = (k == 0).then_some(buddy_user);
            if let Some(user) = user {
                db::buddies::link_user(txn, id, user).await?;
            }
            activities(txn, duo, k, user, today, now).await?;
        }
    }
    Ok(())
}

/// A few activities per active duo: most went well and recently; the second has been quiet
/// for too long (flagged), the third had a difficult check-in. The first duo's buddy is the
/// demo buddy account, with a planned activity next week.
async fn activities(
    txn: &impl ConnectionTrait,
    duo: i32,
    k: usize,
    buddy_user: Option<i32>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::db::activities::{self, Change};
    use crate::domain::activity::{CheckIn, Mood, Plan};

    let tz = crate::domain::time::DEFAULT_TIME_ZONE;
    let kinds = db::lists::load(txn, false).await?.activity_kinds;
    let kind = |n: usize| kinds.get(n % kinds.len().max(1)).map_or(1, |k| k.id as i32);
    let at = |days: i64, hour: u32| {
        let day = today + Duration::days(days);
        crate::domain::time::to_utc(day.and_hms_opt(hour, 0, 0).unwrap_or_default(), tz)
    };
    let (ago, mood) = match k {
        1 => (40, Mood::Good),
        2 => (5, Mood::Meh),
        _ => (10, Mood::Good),
    };
    let by = buddy_user.unwrap_or_default();
    let plan = |n: usize, place: &str| Plan {
        kind_id: kind(n),
        starts_at: chrono::NaiveDateTime::default(),
        place: place.into(),
        note: String::new(),
    };
    let done = activities::plan(txn, duo, &plan(k, "Vrijbroekpark"), at(-ago, 14), by, now).await?;
    activities::change(txn, done, 0, Change::Confirm, now).await?;
    let check_in = CheckIn {
        mood,
        note: String::new(),
    };
    activities::change(txn, done, 1, Change::CheckIn(&check_in), now).await?;
    if let Some(user) = buddy_user {
        let next = plan(k + 1, "Grote Markt, Mechelen");
        activities::plan(txn, duo, &next, at(6, 15), user, now).await?;
    }
    Ok(())
}

/// The demo catalogue: the regional leisure offer around Mechelen as a coordinator would
/// enter it. Providers are of the kind found there; contact people are made up.
/// (provider, title, kind, description, municipality ("" online), address, moments (slot
/// numbers), price, UiTPAS price, interests, facilities, contact, link, months since checked)
type DemoStone = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [u32],
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    &'static str,
    u32,
);

const DEMO_STONES: &[DemoStone] = &[
    (
        "Herstelacademie",
        "Omgaan met angst",
        "recovery_academy",
        "Zes namiddagen over angst, samen met ervaringsdeskundigen. Je mag gewoon luisteren.",
        "Mechelen",
        "Kanunnik De Deckerstraat 20",
        &[4],
        "",
        "",
        &["Lezen"],
        &["quiet", "alone_ok"],
        "Lotte (onthaal), 015 00 11 22",
        "https://www.herstelacademie.be",
        1,
    ),
    (
        "Herstelacademie",
        "Herstelverhalen schrijven",
        "recovery_academy",
        "Schrijf in een kleine groep over wat je meemaakte. Niemand hoeft voor te lezen.",
        "Mechelen",
        "Kanunnik De Deckerstraat 20",
        &[10],
        "",
        "",
        &["Lezen", "Creatief bezig zijn"],
        &["quiet", "accompanied_ok"],
        "Lotte (onthaal), 015 00 11 22",
        "https://www.herstelacademie.be",
        2,
    ),
    (
        "Vormingplus regio Mechelen",
        "Koken met seizoensgroenten",
        "course",
        "Vier avonden samen koken en eten. Ingrediënten inbegrepen.",
        "Mechelen",
        "Lange Ridderstraat 8",
        &[5],
        "48",
        "9,60",
        &["Koken"],
        &["alone_ok"],
        "Ahmed Demo, 015 00 22 33",
        "https://www.vormingplus.be",
        3,
    ),
    (
        "Vormingplus regio Mechelen",
        "Fotograferen met je gsm",
        "course",
        "Drie voormiddagen op stap in de stad met je eigen gsm.",
        "Mechelen",
        "Lange Ridderstraat 8",
        &[9],
        "30",
        "6",
        &["Fotografie", "Wandelen"],
        &["alone_ok"],
        "Ahmed Demo, 015 00 22 33",
        "https://www.vormingplus.be",
        4,
    ),
    (
        "Wandelclub De Stap (demo)",
        "Rustige wandeling langs de Dijle",
        "walk",
        "Elke maandagvoormiddag 5 km in een rustig tempo. Vertrek aan de Vismarkt.",
        "Mechelen",
        "Vismarkt",
        &[0],
        "",
        "",
        &["Wandelen", "Natuur"],
        &["alone_ok", "accompanied_ok"],
        "Marleen Demo, 0470 00 00 01",
        "",
        1,
    ),
    (
        "Natuurpunt Mechelen",
        "Natuurwerkdag in de Mechelse Broek",
        "volunteering",
        "Een zaterdag per maand samen werken in de natuur. Laarzen en koffie zijn er.",
        "Mechelen",
        "Mechelse Broek, bezoekerscentrum",
        &[15],
        "",
        "",
        &["Natuur", "Tuinieren"],
        &["alone_ok"],
        "Jens Demo, 0470 00 00 02",
        "https://www.natuurpunt.be",
        5,
    ),
    (
        "Buurtcentrum De Vlieg (demo)",
        "Ontmoetingscafé",
        "cafe",
        "Binnenlopen voor een koffie en een babbel. Geen inschrijving nodig.",
        "Mechelen",
        "Vliegstraat 1",
        &[7, 13],
        "",
        "",
        &["Koffie of iets drinken", "Gezelschapsspelen"],
        &["wheelchair", "alone_ok"],
        "onthaal, 015 00 33 44",
        "",
        2,
    ),
    (
        "Bibliotheek Mechelen",
        "Leesclub Makkelijk Lezen",
        "group",
        "Eén keer per maand samen een makkelijk boek bespreken, met koffie.",
        "Mechelen",
        "Blauwhondstraat 9",
        &[10],
        "",
        "",
        &["Lezen"],
        &["wheelchair", "quiet"],
        "Greet Demo, 015 00 44 55",
        "https://mechelen.bibliotheek.be",
        7,
    ),
    (
        "Sportdienst Bonheiden",
        "Zwemmen voor volwassenen, in een rustig uur",
        "sports_club",
        "Baantjes zwemmen in het rustige uur, met een redder die je uitleg geeft.",
        "Bonheiden",
        "Sporthal, Vennekenstraat",
        &[6],
        "3",
        "0,60",
        &["Zwemmen", "Sport"],
        &["wheelchair", "quiet"],
        "balie sporthal, 015 00 55 66",
        "",
        1,
    ),
    (
        "Samana Sint-Katelijne-Waver",
        "Gezelschapsspelen op woensdag",
        "group",
        "Samen kaarten en gezelschapsspelen spelen. Nieuwe mensen zijn welkom.",
        "Sint-Katelijne-Waver",
        "Parochiezaal",
        &[7],
        "2",
        "",
        &["Gezelschapsspelen"],
        &["wheelchair", "alone_ok"],
        "Rita Demo, 0470 00 00 03",
        "https://www.samana.be",
        3,
    ),
    (
        "Kringloopwinkel Duffel (demo)",
        "Vrijwilligerswerk in de winkel",
        "volunteering",
        "Helpen sorteren of aan de kassa, een halve dag per week, op jouw tempo.",
        "Duffel",
        "Stationsstraat 12",
        &[3, 9],
        "",
        "",
        &["Winkelen"],
        &["alone_ok"],
        "Tom Demo, 015 00 66 77",
        "",
        8,
    ),
    (
        "Fietsgroep Willebroek (demo)",
        "Zondagse fietstocht",
        "sports_club",
        "Elke zondagvoormiddag 25 km langs het kanaal, niemand blijft achter.",
        "Willebroek",
        "Kerkplein",
        &[18],
        "15",
        "3",
        &["Fietsen", "Natuur"],
        &["alone_ok"],
        "Dirk Demo, 0470 00 00 04",
        "",
        2,
    ),
    (
        "Cultuurcentrum Mechelen",
        "Filmnamiddag",
        "group",
        "Een film op dinsdagnamiddag, daarna napraten bij een koffie voor wie wil.",
        "Mechelen",
        "Minderbroedersgang 5",
        &[4],
        "6",
        "1,20",
        &["Film", "Koffie of iets drinken"],
        &["wheelchair", "alone_ok"],
        "zaalbalie, 015 00 77 88",
        "https://www.cultuurcentrummechelen.be",
        1,
    ),
    (
        "Academie Muziek-Woord-Dans (demo)",
        "Samen zingen",
        "group",
        "Een koor zonder auditie: je hoeft geen noten te lezen.",
        "Lier",
        "Kanunnik Davidlaan 15",
        &[11],
        "25",
        "5",
        &["Muziek"],
        &["accompanied_ok"],
        "Nele Demo, 03 000 11 22",
        "",
        4,
    ),
    (
        "Volkstuinen Heist (demo)",
        "Een eigen moestuintje",
        "other",
        "Een klein perceel in een gedeelde tuin, met hulp van ervaren tuiniers.",
        "Heist-op-den-Berg",
        "Tuinpad 1",
        &[],
        "20",
        "4",
        &["Tuinieren", "Natuur"],
        &["alone_ok"],
        "Jos Demo, 015 00 88 99",
        "",
        9,
    ),
    (
        "Herstelacademie",
        "Online: slapen en piekeren",
        "recovery_academy",
        "Vier online avonden over slaap. Camera mag uit.",
        "",
        "",
        &[2],
        "",
        "",
        &["Lezen"],
        &["quiet"],
        "Lotte (onthaal), 015 00 11 22",
        "https://www.herstelacademie.be",
        1,
    ),
    (
        "Dierenasiel Zemst (demo)",
        "Wandelen met asielhonden",
        "volunteering",
        "Een asielhond uitlaten op zaterdagnamiddag, na een korte uitleg.",
        "Zemst",
        "Asielweg 3",
        &[16],
        "",
        "",
        &["Dieren", "Wandelen"],
        &["alone_ok"],
        "Sofie Demo, 0470 00 00 05",
        "",
        6,
    ),
    (
        "Museum Hof van Busleyden",
        "Rondleiding op je eigen tempo",
        "other",
        "Een rustige rondleiding in een kleine groep, met pauzes.",
        "Mechelen",
        "Frederik de Merodestraat 65",
        &[13],
        "12",
        "2,40",
        &["Musea"],
        &["wheelchair", "quiet"],
        "onthaal museum, 015 00 99 00",
        "https://www.hofvanbusleyden.be",
        2,
    ),
];

/// Puts the demo catalogue in, through the catalogue form's own check.
async fn stepping_stones(
    db: &impl ConnectionTrait,
    lists: &crate::domain::lists::Lists,
    today: NaiveDate,
) -> Result<(), AppError> {
    use crate::domain::stepping_stone::OfferForm;

    let town = |name: &str| {
        lists
            .municipalities
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.id.to_string())
            .unwrap_or_default()
    };
    let interest = |name: &&str| {
        lists
            .interests
            .iter()
            .find(|i| i.name == *name)
            .map(|i| i.id.to_string())
    };
    for (
        provider,
        title,
        kind,
        description,
        place,
        address,
        slots,
        price,
        uitpas,
        likes,
        access,
        contact,
        link,
        months,
    ) in DEMO_STONES
    {
        let checked = today
            .checked_sub_months(chrono::Months::new(*months))
            .unwrap_or(today);
        let form = OfferForm {
            provider: (*provider).into(),
            title: (*title).into(),
            kind: (*kind).into(),
            description: (*description).into(),
            municipality_id: town(place),
            address: (*address).into(),
            slots: slots.iter().map(|s| s.to_string()).collect(),
            cost: if price.is_empty() { "free" } else { "amount" }.into(),
            price: (*price).into(),
            uitpas_price: (*uitpas).into(),
            accessibility: access.iter().map(|a| (*a).to_owned()).collect(),
            interests: likes.iter().filter_map(interest).collect(),
            contact: (*contact).into(),
            link: (*link).into(),
            last_checked: checked
                .format(crate::domain::validation::DATE_FORMAT)
                .to_string(),
            ..Default::default()
        };
        let offer = form
            .check(today, lists)
            .map_err(|p| AppError::internal(format!("demo stepping stone {title}: {p:?}")))?;
        db::stepping_stones::create(db, &offer, today).await?;
    }
    Ok(())
}

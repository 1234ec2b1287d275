//! Wording of the matching engine's explanations, in Dutch and English.
//!
//! The engine returns structured reasons (`Blocker`, `Detail`, `Limit`, ...); these functions
//! turn them into short phrases for cards and lists, lower case and without a final full stop.

use chrono::Weekday;

use crate::domain::language;
use crate::domain::profile::{AgeRange, DayPart, Gender, Slot};
use crate::i18n::Lang;
use crate::matching::{
    Blocker, Component, ComponentKind, DAYS_PER_MONTH, Detail, HistoryBasis, Limit, LimitShare,
    ParticipantEstimate, UnpairedReason, UnusedBuddy, Wait,
};

/// Name of a gender, as a noun after "is": "vrouw" / "a woman".
pub fn gender(lang: Lang, g: Gender) -> &'static str {
    match (lang, g) {
        (Lang::Nl, Gender::Woman) => "vrouw",
        (Lang::Nl, Gender::Man) => "man",
        (Lang::Nl, Gender::X) => "x",
        (Lang::En, Gender::Woman) => "a woman",
        (Lang::En, Gender::Man) => "a man",
        (Lang::En, Gender::X) => "gender x",
    }
}

/// Name of a weekday: "zaterdag" / "Saturday".
pub fn weekday(lang: Lang, day: Weekday) -> &'static str {
    lang.texts().weekdays[day.num_days_from_monday() as usize]
}

/// Name of a part of the day: "namiddag" / "afternoon".
pub fn day_part(lang: Lang, part: DayPart) -> &'static str {
    match (lang, part) {
        (Lang::Nl, DayPart::Morning) => "voormiddag",
        (Lang::Nl, DayPart::Afternoon) => "namiddag",
        (Lang::Nl, DayPart::Evening) => "avond",
        (Lang::En, DayPart::Morning) => "morning",
        (Lang::En, DayPart::Afternoon) => "afternoon",
        (Lang::En, DayPart::Evening) => "evening",
    }
}

/// A slot of the week grid: "zaterdagnamiddag" / "Saturday afternoon".
pub fn slot(lang: Lang, s: Slot) -> String {
    match lang {
        Lang::Nl => format!("{}{}", weekday(lang, s.day), day_part(lang, s.part)),
        Lang::En => format!("{} {}", weekday(lang, s.day), day_part(lang, s.part)),
    }
}

/// A decimal number with the language's separator: "0,5" / "0.5".
fn decimal(lang: Lang, value: f64, digits: usize) -> String {
    let s = format!("{value:.digits$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    };
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A distance: whole km from 10 km, one decimal below; never shown equal to `limit` when it
/// exceeds it ("5,3 km", not "5 km", against a limit of 5 km).
fn km(lang: Lang, km: f64, limit: Option<u32>) -> String {
    let mut digits = if km >= 10.0 { 0 } else { 1 };
    while let Some(limit) = limit
        && km > f64::from(limit)
        && digits < 3
        && format!("{km:.digits$}")
            .parse::<f64>()
            .is_ok_and(|v| v <= f64::from(limit))
    {
        digits += 1;
    }
    format!("{} km", decimal(lang, km, digits))
}

/// Joins items with commas and a final "en" / "and".
pub(crate) fn list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let and = match lang {
                Lang::Nl => "en",
                Lang::En => "and",
            };
            format!("{} {and} {last}", init.join(", "))
        }
    }
}

/// Genders joined with "of" / "or".
fn genders(lang: Lang, wanted: &[Gender]) -> String {
    let or = match lang {
        Lang::Nl => " of ",
        Lang::En => " or ",
    };
    wanted
        .iter()
        .map(|g| gender(lang, *g))
        .collect::<Vec<_>>()
        .join(or)
}

/// An age wish: "van 25 tot 40 jaar" / "aged 25 to 40".
fn age_wish(lang: Lang, wish: AgeRange) -> String {
    match (lang, wish.min, wish.max) {
        (Lang::Nl, Some(a), Some(b)) => format!("van {a} tot {b} jaar"),
        (Lang::Nl, Some(a), None) => format!("van minstens {a} jaar"),
        (Lang::Nl, None, Some(b)) => format!("van hoogstens {b} jaar"),
        (Lang::En, Some(a), Some(b)) => format!("aged {a} to {b}"),
        (Lang::En, Some(a), None) => format!("aged at least {a}"),
        (Lang::En, None, Some(b)) => format!("aged at most {b}"),
        (Lang::Nl, None, None) => "van elke leeftijd".into(),
        (Lang::En, None, None) => "of any age".into(),
    }
}

/// Count with singular or plural noun: "1 maand" / "3 maanden".
fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

fn buddies(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Nl => count(n, "buddy", "buddy's"),
        Lang::En => count(n, "buddy", "buddies"),
    }
}

fn months_count(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Nl => count(n, "maand", "maanden"),
        Lang::En => count(n, "month", "months"),
    }
}

/// A duration in months: "minder dan 1 maand", "8 maanden" / "less than 1 month", "8 months".
pub fn months(lang: Lang, m: f64) -> String {
    if m < 0.5 {
        match lang {
            Lang::Nl => "minder dan 1 maand".into(),
            Lang::En => "less than 1 month".into(),
        }
    } else {
        months_count(lang, m.round() as u32)
    }
}

/// A percentage of a share 0..=1, never "0%" for a share above zero.
fn percent(share: f64) -> String {
    let p = (share * 100.0).round();
    if p == 0.0 && share > 0.0 {
        "<1%".into()
    } else {
        format!("{p:.0}%")
    }
}

/// Name of a score component, also for the weights form: "interesses" / "interests".
pub fn component_kind(lang: Lang, kind: ComponentKind) -> &'static str {
    match (lang, kind) {
        (Lang::Nl, ComponentKind::Interests) => "interesses",
        (Lang::Nl, ComponentKind::Personality) => "persoonlijkheid",
        (Lang::Nl, ComponentKind::Availability) => "beschikbaarheid",
        (Lang::Nl, ComponentKind::Distance) => "afstand",
        (Lang::Nl, ComponentKind::Age) => "leeftijd",
        (Lang::Nl, ComponentKind::Waiting) => "wachttijd",
        (Lang::En, ComponentKind::Interests) => "interests",
        (Lang::En, ComponentKind::Personality) => "personality",
        (Lang::En, ComponentKind::Availability) => "availability",
        (Lang::En, ComponentKind::Distance) => "distance",
        (Lang::En, ComponentKind::Age) => "age",
        (Lang::En, ComponentKind::Waiting) => "waiting time",
        (Lang::Nl, ComponentKind::Language) => "gemeenschappelijke taal",
        (Lang::En, ComponentKind::Language) => "common language",
    }
}

/// Why a component has its value: "3 gedeelde interesses: wandelen, film, koken".
pub fn component(lang: Lang, c: &Component) -> String {
    detail(lang, &c.detail)
}

/// The wording of a component's detail.
pub fn detail(lang: Lang, d: &Detail) -> String {
    match (lang, d) {
        (Lang::Nl, Detail::SharedInterests { names }) if names.is_empty() => {
            "geen gedeelde interesses".into()
        }
        (Lang::En, Detail::SharedInterests { names }) if names.is_empty() => {
            "no shared interests".into()
        }
        (Lang::Nl, Detail::SharedInterests { names }) => format!(
            "{}: {}",
            count(
                names.len() as u64,
                "gedeelde interesse",
                "gedeelde interesses"
            ),
            names.join(", ")
        ),
        (Lang::En, Detail::SharedInterests { names }) => format!(
            "{}: {}",
            count(names.len() as u64, "shared interest", "shared interests"),
            names.join(", ")
        ),
        (Lang::Nl, Detail::InterestsMissing) => "interesses niet ingevuld".into(),
        (Lang::En, Detail::InterestsMissing) => "interests not filled in".into(),

        (
            _,
            Detail::Personality {
                scales,
                mean_difference,
                far_apart,
            },
        ) => {
            let mut s = match lang {
                Lang::Nl if *mean_difference == 0.0 => {
                    format!(
                        "persoonlijkheid: gelijk op {}",
                        count(*scales, "schaal", "schalen")
                    )
                }
                Lang::En if *mean_difference == 0.0 => {
                    format!(
                        "personality: the same on {}",
                        count(*scales, "scale", "scales")
                    )
                }
                Lang::Nl => format!(
                    "persoonlijkheid: gemiddeld {} punt verschil op {}",
                    decimal(lang, *mean_difference, 1),
                    count(*scales, "schaal", "schalen")
                ),
                Lang::En => format!(
                    "personality: on average {} {} apart on {}",
                    decimal(lang, *mean_difference, 1),
                    if *mean_difference == 1.0 {
                        "point"
                    } else {
                        "points"
                    },
                    count(*scales, "scale", "scales")
                ),
            };
            if !far_apart.is_empty() {
                let label = match lang {
                    Lang::Nl => "; ver uit elkaar op",
                    Lang::En => "; far apart on",
                };
                s.push_str(&format!("{label} {}", far_apart.join(", ")));
            }
            s
        }
        (Lang::Nl, Detail::PersonalityMissing) => {
            "persoonlijkheid niet te vergelijken (niet ingevuld)".into()
        }
        (Lang::En, Detail::PersonalityMissing) => {
            "personality cannot be compared (not filled in)".into()
        }

        (Lang::Nl, Detail::AgeGap { years: 0 }) => "even oud".into(),
        (Lang::En, Detail::AgeGap { years: 0 }) => "the same age".into(),
        (Lang::Nl, Detail::AgeGap { years }) => format!("{years} jaar leeftijdsverschil"),
        (Lang::En, Detail::AgeGap { years }) => {
            format!("{} apart in age", count(*years, "year", "years"))
        }

        (Lang::Nl, Detail::Distance { km: d }) if *d < 0.05 => "wonen in dezelfde gemeente".into(),
        (Lang::En, Detail::Distance { km: d }) if *d < 0.05 => {
            "live in the same municipality".into()
        }
        (Lang::Nl, Detail::Distance { km: d }) => format!("{} uit elkaar", km(lang, *d, None)),
        (Lang::En, Detail::Distance { km: d }) => format!("{} apart", km(lang, *d, None)),
        (Lang::Nl, Detail::DistanceUnknown) => "afstand onbekend".into(),
        (Lang::En, Detail::DistanceUnknown) => "distance unknown".into(),

        (_, Detail::SharedSlots { slots }) => shared_slots(lang, slots),

        (
            _,
            Detail::Waiting {
                days,
                priority_after,
            },
        ) => waiting(lang, *days, *priority_after),
        (Lang::Nl, Detail::SharedLanguages { keys }) if keys.is_empty() => {
            "geen gemeenschappelijke taal".into()
        }
        (Lang::En, Detail::SharedLanguages { keys }) if keys.is_empty() => {
            "no language in common".into()
        }
        (Lang::Nl, Detail::SharedLanguages { keys }) => {
            format!("spreken allebei {}", languages(lang, keys))
        }
        (Lang::En, Detail::SharedLanguages { keys }) => {
            format!("both speak {}", languages(lang, keys))
        }
        (Lang::Nl, Detail::LanguagesMissing) => "talen niet ingevuld".into(),
        (Lang::En, Detail::LanguagesMissing) => "languages not filled in".into(),
    }
}

/// How long someone waited, and whether that gives them priority (`matching::priority`).
fn waiting(lang: Lang, days: u32, priority_after: Option<u32>) -> String {
    let how_long = match (lang, days) {
        (Lang::Nl, 0) => "wacht sinds vandaag".into(),
        (Lang::En, 0) => "started waiting today".into(),
        (Lang::Nl, d) if d < 31 => format!("wacht al {}", count(d, "dag", "dagen")),
        (Lang::En, d) if d < 31 => format!("has been waiting {}", count(d, "day", "days")),
        (_, d) => {
            let m = months_count(lang, (f64::from(d) / DAYS_PER_MONTH).floor() as u32);
            match lang {
                Lang::Nl => format!("wacht al {m}"),
                Lang::En => format!("has been waiting {m}"),
            }
        }
    };
    match (lang, priority_after) {
        (_, None) => how_long,
        (Lang::Nl, Some(after)) => format!(
            "{how_long}, langer dan gewoonlijk (meer dan {}): gaat voor wie later op de wachtlijst kwam",
            count(after, "dag", "dagen")
        ),
        (Lang::En, Some(after)) => format!(
            "{how_long}, longer than usual (over {}): goes before those who joined the list later",
            count(after, "day", "days")
        ),
    }
}

/// Language keys as names joined with "en" / "and": "Nederlands en Frans".
fn languages(lang: Lang, keys: &[String]) -> String {
    let names: Vec<String> = keys
        .iter()
        .map(|k| language::name_of(k, lang == Lang::Nl))
        .collect();
    list(lang, &names)
}

/// "allebei vrij op zaterdagnamiddag" / "both free on Saturday afternoon".
fn shared_slots(lang: Lang, slots: &[Slot]) -> String {
    const SHOWN: usize = 3;
    let names: Vec<String> = slots.iter().take(SHOWN).map(|s| slot(lang, *s)).collect();
    match (lang, slots.len()) {
        (Lang::Nl, 0) => "geen gemeenschappelijk vrij moment".into(),
        (Lang::En, 0) => "no free moment in common".into(),
        (Lang::Nl, n) if n <= SHOWN => format!("allebei vrij op {}", list(lang, &names)),
        (Lang::En, n) if n <= SHOWN => format!("both free on {}", list(lang, &names)),
        (Lang::Nl, n) => format!("allebei vrij op {n} momenten, o.a. {}", list(lang, &names)),
        (Lang::En, n) => format!("both free at {n} times, including {}", list(lang, &names)),
    }
}

/// Why a pair cannot be proposed: "de deelnemer rookt; de buddy wil liever een niet-roker".
pub fn blocker(lang: Lang, b: &Blocker) -> String {
    match (lang, b) {
        (Lang::Nl, Blocker::ParticipantGenderWish { wanted, buddy }) => format!(
            "de deelnemer zoekt een buddy die {} is; deze buddy is {}",
            genders(lang, wanted),
            gender(lang, *buddy)
        ),
        (Lang::En, Blocker::ParticipantGenderWish { wanted, buddy }) => format!(
            "the participant is looking for a buddy who is {}; this buddy is {}",
            genders(lang, wanted),
            gender(lang, *buddy)
        ),
        (
            Lang::Nl,
            Blocker::BuddyGenderWish {
                wanted,
                participant,
            },
        ) => format!(
            "de buddy zoekt een deelnemer die {} is; deze deelnemer is {}",
            genders(lang, wanted),
            gender(lang, *participant)
        ),
        (
            Lang::En,
            Blocker::BuddyGenderWish {
                wanted,
                participant,
            },
        ) => format!(
            "the buddy is looking for a participant who is {}; this participant is {}",
            genders(lang, wanted),
            gender(lang, *participant)
        ),
        (Lang::Nl, Blocker::ParticipantAgeWish { wish, buddy_age }) => format!(
            "de deelnemer zoekt een buddy {}; de buddy is {buddy_age}",
            age_wish(lang, *wish)
        ),
        (Lang::En, Blocker::ParticipantAgeWish { wish, buddy_age }) => format!(
            "the participant wants a buddy {}; the buddy is {buddy_age}",
            age_wish(lang, *wish)
        ),
        (
            Lang::Nl,
            Blocker::BuddyAgeWish {
                wish,
                participant_age,
            },
        ) => format!(
            "de buddy zoekt een deelnemer {}; de deelnemer is {participant_age}",
            age_wish(lang, *wish)
        ),
        (
            Lang::En,
            Blocker::BuddyAgeWish {
                wish,
                participant_age,
            },
        ) => format!(
            "the buddy wants a participant {}; the participant is {participant_age}",
            age_wish(lang, *wish)
        ),
        (Lang::Nl, Blocker::ParticipantSmokesBuddyRefuses) => {
            "de deelnemer rookt; de buddy wil liever een niet-roker".into()
        }
        (Lang::En, Blocker::ParticipantSmokesBuddyRefuses) => {
            "the participant smokes; the buddy prefers a non-smoker".into()
        }
        (Lang::Nl, Blocker::BuddySmokesParticipantRefuses) => {
            "de buddy rookt; de deelnemer wil liever een niet-roker".into()
        }
        (Lang::En, Blocker::BuddySmokesParticipantRefuses) => {
            "the buddy smokes; the participant prefers a non-smoker".into()
        }
        (Lang::Nl, Blocker::TooFarForParticipant { km: d, max_km }) => format!(
            "{} uit elkaar, meer dan de {max_km} km die de deelnemer kan afleggen",
            km(lang, *d, Some(*max_km))
        ),
        (Lang::En, Blocker::TooFarForParticipant { km: d, max_km }) => format!(
            "{} apart, more than the {max_km} km the participant can travel",
            km(lang, *d, Some(*max_km))
        ),
        (Lang::Nl, Blocker::TooFarForBuddy { km: d, max_km }) => format!(
            "{} uit elkaar, meer dan de {max_km} km die de buddy wil afleggen",
            km(lang, *d, Some(*max_km))
        ),
        (Lang::En, Blocker::TooFarForBuddy { km: d, max_km }) => format!(
            "{} apart, more than the {max_km} km the buddy wants to travel",
            km(lang, *d, Some(*max_km))
        ),
        (Lang::Nl, Blocker::NoSharedAvailability) => "geen gemeenschappelijk vrij moment".into(),
        (Lang::En, Blocker::NoSharedAvailability) => "no free moment in common".into(),
        (
            Lang::Nl,
            Blocker::BuddyAtCapacity {
                max_duos,
                open_duos,
            },
        ) => format!(
            "de buddy heeft geen plaats meer ({open_duos} van {})",
            count(*max_duos, "duo", "duo's")
        ),
        (
            Lang::En,
            Blocker::BuddyAtCapacity {
                max_duos,
                open_duos,
            },
        ) => format!(
            "the buddy has no room left ({open_duos} of {})",
            count(*max_duos, "duo", "duos")
        ),
        (Lang::Nl, Blocker::BuddyNotApproved) => {
            "de screening van de buddy is nog niet goedgekeurd".into()
        }
        (Lang::En, Blocker::BuddyNotApproved) => "the buddy's screening is not approved yet".into(),
        (Lang::Nl, Blocker::EndedWithoutClick) => {
            "waren al eens een duo; dat stopte zonder klik".into()
        }
        (Lang::En, Blocker::EndedWithoutClick) => {
            "were a duo before; it ended without a click".into()
        }
        (Lang::Nl, Blocker::NoSharedLanguage { participant, buddy }) => format!(
            "geen gemeenschappelijke taal: de deelnemer spreekt {}, de buddy {}",
            languages(lang, participant),
            languages(lang, buddy)
        ),
        (Lang::En, Blocker::NoSharedLanguage { participant, buddy }) => format!(
            "no language in common: the participant speaks {}, the buddy {}",
            languages(lang, participant),
            languages(lang, buddy)
        ),
    }
}

/// Why a participant has no buddy in the proposal.
pub fn unpaired_participant(lang: Lang, reason: &UnpairedReason) -> String {
    match (lang, reason) {
        (Lang::Nl, UnpairedReason::NoAllowedPartner) => "geen enkele buddy past".into(),
        (Lang::En, UnpairedReason::NoAllowedPartner) => "no buddy fits".into(),
        (Lang::Nl, UnpairedReason::PartnersTaken { allowed: 1 }) => {
            "de enige passende buddy gaat naar een koppeling die samen beter scoort".into()
        }
        (Lang::En, UnpairedReason::PartnersTaken { allowed: 1 }) => {
            "the only suitable buddy goes to a match with a higher total".into()
        }
        (Lang::Nl, UnpairedReason::PartnersTaken { allowed }) => {
            format!("alle {allowed} passende buddy's gaan naar koppelingen die samen beter scoren")
        }
        (Lang::En, UnpairedReason::PartnersTaken { allowed }) => {
            format!("all {allowed} suitable buddies go to matches with a higher total")
        }
    }
}

/// Why a buddy keeps free places after the proposal.
pub fn unused_buddy(lang: Lang, unused: &UnusedBuddy) -> String {
    let places = match lang {
        Lang::Nl => count(unused.free_places, "plaats", "plaatsen"),
        Lang::En => count(unused.free_places, "place", "places"),
    };
    match (lang, &unused.reason) {
        (Lang::Nl, UnpairedReason::NoAllowedPartner) => {
            format!("nog {places} vrij: geen enkele deelnemer past")
        }
        (Lang::En, UnpairedReason::NoAllowedPartner) => {
            format!("{places} still free: no participant fits")
        }
        (Lang::Nl, UnpairedReason::PartnersTaken { allowed }) => format!(
            "nog {places} vrij: {} gaan naar koppelingen die samen beter scoren",
            count(*allowed, "passende deelnemer", "passende deelnemers")
        ),
        (Lang::En, UnpairedReason::PartnersTaken { allowed }) => format!(
            "{places} still free: {} go to matches with a higher total",
            count(*allowed, "suitable participant", "suitable participants")
        ),
    }
}

/// One of the participant's limits and how much it lowers the chances.
pub fn limit(lang: Lang, l: &LimitShare) -> String {
    let what = match (lang, l.limit) {
        (Lang::Nl, Limit::GenderWish) => "de wens voor het geslacht van de buddy".to_owned(),
        (Lang::En, Limit::GenderWish) => "the wish for the buddy's gender".to_owned(),
        (Lang::Nl, Limit::AgeWish) => "de wens voor de leeftijd van de buddy".to_owned(),
        (Lang::En, Limit::AgeWish) => "the wish for the buddy's age".to_owned(),
        (Lang::Nl, Limit::MaxDistance { km }) => format!("de maximale afstand van {km} km"),
        (Lang::En, Limit::MaxDistance { km }) => format!("the maximum distance of {km} km"),
        (Lang::Nl, Limit::NonSmoker) => "de wens voor een niet-roker".to_owned(),
        (Lang::En, Limit::NonSmoker) => "the wish for a non-smoker".to_owned(),
        (Lang::Nl, Limit::Availability) => "de vrije momenten".to_owned(),
        (Lang::En, Limit::Availability) => "the free moments".to_owned(),
        (Lang::Nl, Limit::Languages) => "de talen die de deelnemer spreekt".to_owned(),
        (Lang::En, Limit::Languages) => "the languages the participant speaks".to_owned(),
    };
    match lang {
        Lang::Nl => format!(
            "{what} sluit {} van de vroegere buddy's uit",
            percent(l.share)
        ),
        Lang::En => format!("{what} rules out {} of past buddies", percent(l.share)),
    }
}

/// The likely wait: "ongeveer 8 maanden; met 80% kans tussen 3 en 15 maanden".
pub fn wait(lang: Lang, w: &Wait) -> String {
    match *w {
        Wait::Likely {
            median_months,
            low_months,
            high_months,
            horizon_months,
        } => {
            let range = match (lang, high_months) {
                (_, Some(high)) if low_months >= 0.5 => {
                    let (lo, hi) = (low_months.round() as u32, high.round() as u32);
                    let and = if lang == Lang::Nl { "en" } else { "and" };
                    format!("{lo} {and} {}", months_count(lang, hi))
                }
                (Lang::Nl, Some(high)) => {
                    format!("{} en {}", months(lang, low_months), months(lang, high))
                }
                (Lang::En, Some(high)) => {
                    format!("{} and {}", months(lang, low_months), months(lang, high))
                }
                (Lang::Nl, None) => format!(
                    "{} en meer dan {}",
                    months(lang, low_months),
                    months_count(lang, horizon_months)
                ),
                (Lang::En, None) => format!(
                    "{} and more than {}",
                    months(lang, low_months),
                    months_count(lang, horizon_months)
                ),
            };
            let median = match lang {
                Lang::Nl if median_months < 0.5 => "waarschijnlijk binnen de maand".to_owned(),
                Lang::En if median_months < 0.5 => "probably within a month".to_owned(),
                Lang::Nl => format!("ongeveer {}", months(lang, median_months)),
                Lang::En => format!("about {}", months(lang, median_months)),
            };
            match lang {
                Lang::Nl => format!("{median}; met 80% kans tussen {range}"),
                Lang::En => format!("{median}; 80% chance between {range}"),
            }
        }
        Wait::BeyondHorizon {
            horizon_months,
            matched_share,
        } => {
            let h = months_count(lang, horizon_months);
            match (lang, matched_share > 0.0) {
                (Lang::Nl, false) => format!("waarschijnlijk langer dan {h}"),
                (Lang::En, false) => format!("probably longer than {h}"),
                (Lang::Nl, true) => format!(
                    "waarschijnlijk langer dan {h} (binnen die tijd: {} kans)",
                    percent(matched_share)
                ),
                (Lang::En, true) => format!(
                    "probably longer than {h} (within that time: {} chance)",
                    percent(matched_share)
                ),
            }
        }
    }
}

/// What an estimate rests on: "op basis van 24 buddy's in 11 maanden".
pub fn basis(lang: Lang, b: HistoryBasis) -> String {
    match lang {
        Lang::Nl => format!(
            "op basis van {} in {}",
            buddies(lang, b.buddies),
            months_count(lang, b.months)
        ),
        Lang::En => format!(
            "based on {} over {}",
            buddies(lang, b.buddies),
            months_count(lang, b.months)
        ),
    }
}

/// The whole estimate for one participant, wait and basis in one line.
pub fn estimate(lang: Lang, e: &ParticipantEstimate) -> String {
    format!("{} ({})", wait(lang, &e.wait), basis(lang, e.basis))
}

/// Why there is no estimate yet.
pub fn not_enough_history(lang: Lang, buddies_seen: u32, months_seen: u32) -> String {
    match lang {
        Lang::Nl => format!(
            "nog te weinig gegevens voor een schatting: {} in {}",
            buddies(lang, buddies_seen),
            months_count(lang, months_seen)
        ),
        Lang::En => format!(
            "not enough history for an estimate yet: {} in {}",
            buddies(lang, buddies_seen),
            months_count(lang, months_seen)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(f: impl Fn(Lang) -> String) -> (String, String) {
        (f(Lang::Nl), f(Lang::En))
    }

    fn comp(detail: Detail) -> Component {
        Component {
            kind: ComponentKind::Interests,
            value: 1.0,
            contribution_points: 30.0,
            detail,
        }
    }

    #[test]
    fn shared_interests_are_counted_and_named() {
        let c = comp(Detail::SharedInterests {
            names: vec!["wandelen".into(), "film".into(), "koken".into()],
        });
        assert_eq!(
            both(|l| component(l, &c)),
            (
                "3 gedeelde interesses: wandelen, film, koken".into(),
                "3 shared interests: wandelen, film, koken".into()
            )
        );
        let one = comp(Detail::SharedInterests {
            names: vec!["film".into()],
        });
        assert_eq!(
            both(|l| component(l, &one)),
            (
                "1 gedeelde interesse: film".into(),
                "1 shared interest: film".into()
            )
        );
        let none = comp(Detail::SharedInterests { names: vec![] });
        assert_eq!(
            both(|l| component(l, &none)),
            (
                "geen gedeelde interesses".into(),
                "no shared interests".into()
            )
        );
    }

    #[test]
    fn shared_slots_name_the_day_and_part() {
        let sat = Slot::new(Weekday::Sat, DayPart::Afternoon);
        let mon = Slot::new(Weekday::Mon, DayPart::Evening);
        let one = Detail::SharedSlots { slots: vec![sat] };
        assert_eq!(
            both(|l| detail(l, &one)),
            (
                "allebei vrij op zaterdagnamiddag".into(),
                "both free on Saturday afternoon".into()
            )
        );
        let two = Detail::SharedSlots {
            slots: vec![mon, sat],
        };
        assert_eq!(
            both(|l| detail(l, &two)),
            (
                "allebei vrij op maandagavond en zaterdagnamiddag".into(),
                "both free on Monday evening and Saturday afternoon".into()
            )
        );
        let many = Detail::SharedSlots {
            slots: crate::domain::profile::Availability::ALL
                .slots()
                .take(5)
                .collect(),
        };
        assert_eq!(
            detail(Lang::Nl, &many),
            "allebei vrij op 5 momenten, o.a. maandagvoormiddag, maandagnamiddag en maandagavond"
        );
    }

    #[test]
    fn blockers_say_who_wants_what() {
        assert_eq!(
            both(|l| blocker(l, &Blocker::ParticipantSmokesBuddyRefuses)),
            (
                "de deelnemer rookt; de buddy wil liever een niet-roker".into(),
                "the participant smokes; the buddy prefers a non-smoker".into()
            )
        );
        let far = Blocker::TooFarForParticipant {
            km: 12.2,
            max_km: 5,
        };
        assert_eq!(
            both(|l| blocker(l, &far)),
            (
                "12 km uit elkaar, meer dan de 5 km die de deelnemer kan afleggen".into(),
                "12 km apart, more than the 5 km the participant can travel".into()
            )
        );
        // Just over the limit is never shown as the limit itself.
        let near = Blocker::TooFarForBuddy {
            km: 5.04,
            max_km: 5,
        };
        assert_eq!(
            blocker(Lang::Nl, &near),
            "5,04 km uit elkaar, meer dan de 5 km die de buddy wil afleggen"
        );
        let gender_wish = Blocker::ParticipantGenderWish {
            wanted: vec![Gender::Woman, Gender::X],
            buddy: Gender::Man,
        };
        assert_eq!(
            both(|l| blocker(l, &gender_wish)),
            (
                "de deelnemer zoekt een buddy die vrouw of x is; deze buddy is man".into(),
                "the participant is looking for a buddy who is a woman or gender x; this buddy is a man".into()
            )
        );
        let age = Blocker::BuddyAgeWish {
            wish: AgeRange {
                min: None,
                max: Some(30),
            },
            participant_age: 36,
        };
        assert_eq!(
            both(|l| blocker(l, &age)),
            (
                "de buddy zoekt een deelnemer van hoogstens 30 jaar; de deelnemer is 36".into(),
                "the buddy wants a participant aged at most 30; the participant is 36".into()
            )
        );
        let full = Blocker::BuddyAtCapacity {
            max_duos: 2,
            open_duos: 2,
        };
        assert_eq!(
            blocker(Lang::Nl, &full),
            "de buddy heeft geen plaats meer (2 van 2 duo's)"
        );
    }

    #[test]
    fn other_details_read_naturally() {
        let d = |d| both(|l| detail(l, &d));
        assert_eq!(
            d(Detail::Distance { km: 3.46 }),
            ("3,5 km uit elkaar".into(), "3.5 km apart".into())
        );
        assert_eq!(
            d(Detail::Distance { km: 0.0 }).1,
            "live in the same municipality"
        );
        assert_eq!(
            d(Detail::Waiting {
                days: 400,
                priority_after: Some(270)
            }),
            (
                "wacht al 13 maanden, langer dan gewoonlijk (meer dan 270 dagen): gaat voor wie later op de wachtlijst kwam".into(),
                "has been waiting 13 months, longer than usual (over 270 days): goes before those who joined the list later".into()
            )
        );
        assert_eq!(
            d(Detail::AgeGap { years: 7 }),
            (
                "7 jaar leeftijdsverschil".into(),
                "7 years apart in age".into()
            )
        );
        assert_eq!(
            d(Detail::Waiting {
                days: 250,
                priority_after: None
            }),
            (
                "wacht al 8 maanden".into(),
                "has been waiting 8 months".into()
            )
        );
        assert_eq!(
            d(Detail::Waiting {
                days: 1,
                priority_after: None
            })
            .0,
            "wacht al 1 dag"
        );
        assert_eq!(
            d(Detail::Personality { scales: 2, mean_difference: 1.5, far_apart: vec!["rustig – actief".into()] }),
            (
                "persoonlijkheid: gemiddeld 1,5 punt verschil op 2 schalen; ver uit elkaar op rustig – actief".into(),
                "personality: on average 1.5 points apart on 2 scales; far apart on rustig – actief".into()
            )
        );
    }

    #[test]
    fn languages_are_named_in_the_reader_s_language() {
        let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            both(|l| detail(
                l,
                &Detail::SharedLanguages {
                    keys: keys(&["fr", "nl"])
                }
            )),
            (
                "spreken allebei Frans en Nederlands".into(),
                "both speak French and Dutch".into()
            )
        );
        assert_eq!(
            both(|l| blocker(
                l,
                &Blocker::NoSharedLanguage {
                    participant: keys(&["ar", "ber"]),
                    buddy: keys(&["nl"]),
                }
            )),
            (
                "geen gemeenschappelijke taal: de deelnemer spreekt Arabisch en Berbers, de buddy Nederlands".into(),
                "no language in common: the participant speaks Arabic and Berber, the buddy Dutch".into()
            )
        );
        assert_eq!(
            both(|l| detail(l, &Detail::LanguagesMissing)),
            (
                "talen niet ingevuld".into(),
                "languages not filled in".into()
            )
        );
        let share = LimitShare {
            limit: Limit::Languages,
            blocked: 3,
            share: 0.75,
        };
        assert_eq!(
            both(|l| limit(l, &share)),
            (
                "de talen die de deelnemer spreekt sluit 75% van de vroegere buddy's uit".into(),
                "the languages the participant speaks rules out 75% of past buddies".into()
            )
        );
    }

    #[test]
    fn estimates_are_worded_with_their_basis() {
        let e = ParticipantEstimate {
            participant_id: 1,
            wait: Wait::Likely {
                median_months: 7.6,
                low_months: 2.8,
                high_months: Some(15.2),
                horizon_months: 36,
            },
            basis: HistoryBasis {
                buddies: 24,
                months: 30,
            },
            compatible_buddies: 10,
            limits: vec![],
        };
        assert_eq!(
            both(|l| estimate(l, &e)),
            (
                "ongeveer 8 maanden; met 80% kans tussen 3 en 15 maanden (op basis van 24 buddy's in 30 maanden)".into(),
                "about 8 months; 80% chance between 3 and 15 months (based on 24 buddies over 30 months)".into()
            )
        );
        let open = Wait::Likely {
            median_months: 20.0,
            low_months: 0.2,
            high_months: None,
            horizon_months: 36,
        };
        assert_eq!(
            wait(Lang::En, &open),
            "about 20 months; 80% chance between less than 1 month and more than 36 months"
        );
        let soon = Wait::Likely {
            median_months: 0.3,
            low_months: 0.1,
            high_months: Some(1.2),
            horizon_months: 36,
        };
        assert_eq!(
            wait(Lang::Nl, &soon),
            "waarschijnlijk binnen de maand; met 80% kans tussen minder dan 1 maand en 1 maand"
        );
        assert_eq!(
            component_kind(Lang::En, ComponentKind::Waiting),
            "waiting time"
        );
        let beyond = Wait::BeyondHorizon {
            horizon_months: 36,
            matched_share: 0.2,
        };
        assert_eq!(
            both(|l| wait(l, &beyond)),
            (
                "waarschijnlijk langer dan 36 maanden (binnen die tijd: 20% kans)".into(),
                "probably longer than 36 months (within that time: 20% chance)".into()
            )
        );
        assert_eq!(
            not_enough_history(Lang::Nl, 3, 4),
            "nog te weinig gegevens voor een schatting: 3 buddy's in 4 maanden"
        );
        let share = LimitShare {
            limit: Limit::MaxDistance { km: 5 },
            blocked: 6,
            share: 0.5,
        };
        assert_eq!(
            both(|l| limit(l, &share)),
            (
                "de maximale afstand van 5 km sluit 50% van de vroegere buddy's uit".into(),
                "the maximum distance of 5 km rules out 50% of past buddies".into()
            )
        );
    }
}

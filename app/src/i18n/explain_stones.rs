//! Wording of stepping-stone suggestions (`crate::matching::stones`), in plain Dutch (B1) and
//! English: short phrases for a card, lower case and without a final full stop, spoken to the
//! participant ("als je vrij bent"), so the coordinator can read them out or pass them on.

use chrono::{Datelike, NaiveDate};

use crate::domain::profile::Slot;
use crate::domain::stepping_stone::{Access, OfferKind};
use crate::i18n::Lang;
use crate::i18n::explain::{detail, list, slot};
use crate::matching::Detail;
use crate::matching::stones::Reason;

/// Moments named one by one; more are counted.
const SHOWN: usize = 3;

/// "dinsdagnamiddag", "maandagavond en dinsdagnamiddag" or "5 momenten, o.a. ...".
fn moments(lang: Lang, slots: &[Slot]) -> String {
    let names: Vec<String> = slots.iter().take(SHOWN).map(|s| slot(lang, *s)).collect();
    match (lang, slots.len()) {
        (_, n) if n <= SHOWN => list(lang, &names),
        (Lang::Nl, n) => format!("{n} momenten, o.a. {}", list(lang, &names)),
        (Lang::En, n) => format!("{n} times, including {}", list(lang, &names)),
    }
}

/// A distance: whole km from 10 km, one decimal below ("3,5 km" / "3.5 km").
fn km(lang: Lang, km: f64) -> String {
    let text = if km >= 10.0 {
        format!("{km:.0}")
    } else {
        let s = format!("{km:.1}");
        s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
    };
    match lang {
        Lang::Nl => format!("{} km", text.replace('.', ",")),
        Lang::En => format!("{text} km"),
    }
}

/// An amount: "€ 6", "€ 1,50" / "€6", "€1.50".
pub fn euros(lang: Lang, cents: u32) -> String {
    let (whole, rest) = (cents / 100, cents % 100);
    match (lang, rest) {
        (Lang::Nl, 0) => format!("€ {whole}"),
        (Lang::Nl, _) => format!("€ {whole},{rest:02}"),
        (Lang::En, 0) => format!("€{whole}"),
        (Lang::En, _) => format!("€{whole}.{rest:02}"),
    }
}

/// A date with the month written out: "3 maart 2026" / "3 March 2026".
fn day(lang: Lang, on: NaiveDate) -> String {
    let month = lang.texts().months[on.month0() as usize];
    format!("{} {month} {}", on.day(), on.year())
}

/// Name of a kind of offer: "cursus" / "course".
pub fn offer_kind(lang: Lang, kind: OfferKind) -> &'static str {
    match (lang, kind) {
        (Lang::Nl, OfferKind::Course) => "cursus",
        (Lang::Nl, OfferKind::Group) => "groep",
        (Lang::Nl, OfferKind::RecoveryAcademy) => "Herstelacademie",
        (Lang::Nl, OfferKind::SportsClub) => "sportclub",
        (Lang::Nl, OfferKind::Walk) => "wandeling",
        (Lang::Nl, OfferKind::Volunteering) => "vrijwilligerswerk",
        (Lang::Nl, OfferKind::Cafe) => "café",
        (Lang::Nl, OfferKind::Other) => "ander aanbod",
        (Lang::En, OfferKind::Course) => "course",
        (Lang::En, OfferKind::Group) => "group",
        (Lang::En, OfferKind::RecoveryAcademy) => "recovery academy",
        (Lang::En, OfferKind::SportsClub) => "sports club",
        (Lang::En, OfferKind::Walk) => "walk",
        (Lang::En, OfferKind::Volunteering) => "volunteering",
        (Lang::En, OfferKind::Cafe) => "café",
        (Lang::En, OfferKind::Other) => "other offer",
    }
}

/// A facility, as a phrase: "je mag alleen komen" / "fine to come alone".
pub fn access(lang: Lang, a: Access) -> &'static str {
    match (lang, a) {
        (Lang::Nl, Access::Wheelchair) => "toegankelijk met een rolstoel",
        (Lang::Nl, Access::Quiet) => "rustige plek",
        (Lang::Nl, Access::AloneOk) => "je mag alleen komen",
        (Lang::Nl, Access::AccompaniedOk) => "je mag iemand meebrengen",
        (Lang::En, Access::Wheelchair) => "wheelchair accessible",
        (Lang::En, Access::Quiet) => "a quiet place",
        (Lang::En, Access::AloneOk) => "fine to come alone",
        (Lang::En, Access::AccompaniedOk) => "you may bring someone along",
    }
}

/// The words a catalogue file may use for kinds, facilities and moments (Dutch and
/// English, lower case), for the import.
pub fn words() -> crate::domain::import::StoneWords {
    use crate::domain::profile::{Availability, Slot};
    let langs = [Lang::Nl, Lang::En];
    crate::domain::import::StoneWords {
        kinds: langs
            .iter()
            .flat_map(|l| OfferKind::ALL.map(|k| (offer_kind(*l, k).to_lowercase(), k)))
            .collect(),
        access: langs
            .iter()
            .flat_map(|l| Access::ALL.map(|a| (access(*l, a).to_lowercase(), a)))
            .collect(),
        slots: langs
            .iter()
            .flat_map(|l| {
                (0..Availability::SLOTS)
                    .filter_map(Slot::from_index)
                    .map(|s| (slot(*l, s).to_lowercase(), s))
            })
            .collect(),
    }
}

/// Why an offer is suggested: "2 gedeelde interesses: koken, wandelen", "3 km ver".
pub fn reason(lang: Lang, r: &Reason) -> String {
    match (lang, r) {
        (_, Reason::SharedInterests { names }) => detail(
            lang,
            &Detail::SharedInterests {
                names: names.clone(),
            },
        ),
        (Lang::Nl, Reason::SharedSlots { slots }) => {
            format!("op {}, als je vrij bent", moments(lang, slots))
        }
        (Lang::En, Reason::SharedSlots { slots }) => {
            format!("on {}, when you are free", moments(lang, slots))
        }
        (Lang::Nl, Reason::Moments { slots }) => format!("op {}", moments(lang, slots)),
        (Lang::En, Reason::Moments { slots }) => format!("on {}", moments(lang, slots)),
        (Lang::Nl, Reason::AnyTime) => "wanneer het je past of op afspraak".into(),
        (Lang::En, Reason::AnyTime) => "any time or by appointment".into(),
        (Lang::Nl, Reason::Starts { on }) => format!("begint op {}", day(lang, *on)),
        (Lang::En, Reason::Starts { on }) => format!("starts on {}", day(lang, *on)),
        (Lang::Nl, Reason::Distance { km: d }) if *d < 0.05 => "in je eigen gemeente".into(),
        (Lang::En, Reason::Distance { km: d }) if *d < 0.05 => "in your own municipality".into(),
        (Lang::Nl, Reason::Distance { km: d }) => format!("{} ver", km(lang, *d)),
        (Lang::En, Reason::Distance { km: d }) => format!("{} away", km(lang, *d)),
        (Lang::Nl, Reason::DistanceUnknown) => "afstand onbekend".into(),
        (Lang::En, Reason::DistanceUnknown) => "distance unknown".into(),
        (_, Reason::Online) => "online".into(),
        (Lang::Nl, Reason::Free) => "gratis".into(),
        (Lang::En, Reason::Free) => "free".into(),
        (Lang::Nl, Reason::Cost { cents }) => format!("kost {}", euros(lang, *cents)),
        (Lang::En, Reason::Cost { cents }) => format!("costs {}", euros(lang, *cents)),
        (Lang::Nl, Reason::Uitpas { cents: 0 }) => "gratis met UiTPAS".into(),
        (Lang::En, Reason::Uitpas { cents: 0 }) => "free with UiTPAS".into(),
        (Lang::Nl, Reason::Uitpas { cents }) => format!("{} met UiTPAS", euros(lang, *cents)),
        (Lang::En, Reason::Uitpas { cents }) => format!("{} with UiTPAS", euros(lang, *cents)),
        (_, Reason::Accessible { access: a }) => access(lang, *a).into(),
    }
}

/// All reasons of a suggestion in one line, separated by semicolons.
pub fn reasons(lang: Lang, rs: &[Reason]) -> String {
    rs.iter()
        .map(|r| reason(lang, r))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::{Availability, DayPart};
    use chrono::Weekday;

    fn both(r: &Reason) -> (String, String) {
        (reason(Lang::Nl, r), reason(Lang::En, r))
    }

    fn tue_pm() -> Slot {
        Slot::new(Weekday::Tue, DayPart::Afternoon)
    }

    /// One of every reason; the match below fails to compile when a variant is added and
    /// not listed here.
    fn every_reason() -> Vec<Reason> {
        let all = vec![
            Reason::SharedInterests {
                names: vec!["koken".into(), "wandelen".into()],
            },
            Reason::SharedSlots {
                slots: vec![tue_pm()],
            },
            Reason::Moments {
                slots: vec![tue_pm()],
            },
            Reason::AnyTime,
            Reason::Starts {
                on: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            },
            Reason::Distance { km: 3.0 },
            Reason::DistanceUnknown,
            Reason::Online,
            Reason::Free,
            Reason::Cost { cents: 600 },
            Reason::Uitpas { cents: 150 },
            Reason::Accessible {
                access: Access::AloneOk,
            },
        ];
        for r in &all {
            match r {
                Reason::SharedInterests { .. }
                | Reason::SharedSlots { .. }
                | Reason::Moments { .. }
                | Reason::AnyTime
                | Reason::Starts { .. }
                | Reason::Distance { .. }
                | Reason::DistanceUnknown
                | Reason::Online
                | Reason::Free
                | Reason::Cost { .. }
                | Reason::Uitpas { .. }
                | Reason::Accessible { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_reason_has_dutch_and_english_words() {
        for r in every_reason() {
            let (nl, en) = both(&r);
            assert!(!nl.trim().is_empty() && !en.trim().is_empty(), "{r:?}");
            assert!(!nl.ends_with('.') && !en.ends_with('.'), "{r:?}");
            if r != Reason::Online {
                assert_ne!(nl, en, "{r:?} is not translated");
            }
        }
        for k in OfferKind::ALL {
            assert!(!offer_kind(Lang::Nl, k).is_empty() && !offer_kind(Lang::En, k).is_empty());
        }
        for a in Access::ALL {
            let r = Reason::Accessible { access: a };
            let (nl, en) = both(&r);
            assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{a:?}");
        }
    }

    #[test]
    fn the_examples_of_the_issue_read_as_written() {
        assert_eq!(
            both(&every_reason()[0]),
            (
                "2 gedeelde interesses: koken, wandelen".into(),
                "2 shared interests: koken, wandelen".into()
            )
        );
        assert_eq!(
            both(&Reason::SharedSlots {
                slots: vec![tue_pm()]
            }),
            (
                "op dinsdagnamiddag, als je vrij bent".into(),
                "on Tuesday afternoon, when you are free".into()
            )
        );
        assert_eq!(
            both(&Reason::Distance { km: 3.0 }),
            ("3 km ver".into(), "3 km away".into())
        );
        assert_eq!(both(&Reason::Online), ("online".into(), "online".into()));
        assert_eq!(both(&Reason::Free), ("gratis".into(), "free".into()));
        assert_eq!(
            both(&Reason::Uitpas { cents: 150 }),
            ("€ 1,50 met UiTPAS".into(), "€1.50 with UiTPAS".into())
        );
        assert_eq!(
            both(&Reason::Uitpas { cents: 0 }),
            ("gratis met UiTPAS".into(), "free with UiTPAS".into())
        );
    }

    #[test]
    fn numbers_dates_and_moments_are_worded() {
        assert_eq!(
            reason(Lang::Nl, &Reason::Distance { km: 3.46 }),
            "3,5 km ver"
        );
        assert_eq!(
            reason(Lang::En, &Reason::Distance { km: 12.6 }),
            "13 km away"
        );
        assert_eq!(
            both(&Reason::Distance { km: 0.0 }),
            (
                "in je eigen gemeente".into(),
                "in your own municipality".into()
            )
        );
        assert_eq!(
            both(&Reason::Cost { cents: 600 }),
            ("kost € 6".into(), "costs €6".into())
        );
        assert_eq!(
            reason(Lang::Nl, &Reason::Cost { cents: 1205 }),
            "kost € 12,05"
        );
        assert_eq!(
            both(&Reason::Starts {
                on: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
            }),
            (
                "begint op 3 maart 2026".into(),
                "starts on 3 March 2026".into()
            )
        );
        let two = Reason::Moments {
            slots: vec![Slot::new(Weekday::Mon, DayPart::Evening), tue_pm()],
        };
        assert_eq!(
            both(&two),
            (
                "op maandagavond en dinsdagnamiddag".into(),
                "on Monday evening and Tuesday afternoon".into()
            )
        );
        let many = Reason::SharedSlots {
            slots: Availability::ALL.slots().take(5).collect(),
        };
        assert_eq!(
            reason(Lang::Nl, &many),
            "op 5 momenten, o.a. maandagvoormiddag, maandagnamiddag en maandagavond, als je vrij bent"
        );
        assert_eq!(
            reasons(Lang::Nl, &[Reason::Online, Reason::Free]),
            "online; gratis"
        );
    }
}

//! The lists admins keep: what forms offer and what the matching engine names.

use serde::{Deserialize, Serialize};

use super::profile::Municipality;
use super::validation::{Problem, text};

/// One entry of a simple named list (interests, activity kinds, referral organisations).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
    pub active: bool,
}

/// A bipolar personality scale, 1 (`low`) to 5 (`high`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub id: i64,
    pub low: String,
    pub high: String,
    pub active: bool,
}

/// A regional leisure offer a waiting participant can be referred to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SteppingStone {
    pub id: i64,
    pub provider: String,
    pub title: String,
    pub place: String,
    pub link: String,
    pub interests: Vec<i64>,
    pub active: bool,
}

/// Every list, as forms and pages need them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Lists {
    pub municipalities: Vec<Municipality>,
    pub interests: Vec<Named>,
    pub scales: Vec<Scale>,
    pub activity_kinds: Vec<Named>,
    pub referral_organisations: Vec<Named>,
    pub stepping_stones: Vec<SteppingStone>,
    /// The six kinds Klik knows first, then the admins' own.
    pub event_kinds: Vec<super::event::EventKindEntry>,
}

impl Lists {
    pub fn municipality(&self, id: i64) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| m.id == id)
    }

    pub fn interest(&self, id: i64) -> Option<&Named> {
        self.interests.iter().find(|i| i.id == id)
    }
}

crate::coded! {
    /// The lists an admin keeps.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ListKind {
        Interests = "interests",
        Scales = "scales",
        Municipalities = "municipalities",
        ActivityKinds = "activity_kinds",
        ReferralOrganisations = "referral_organisations",
        SteppingStones = "stepping_stones",
        EventKinds = "event_kinds",
    }
}

/// A new entry as the admin form sends it; which fields count depends on the list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewEntry {
    /// Name; for a scale its low end, for a stepping stone its title.
    pub name: String,
    /// A scale's high end; a stepping stone's provider; a municipality's postcode.
    pub second: String,
    /// Latitude, or a stepping stone's place.
    pub third: String,
    /// Longitude, or a stepping stone's link.
    pub fourth: String,
}

/// A checked new entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    Named(String),
    Municipality {
        name: String,
        postcode: String,
        lat: f64,
        lon: f64,
    },
    Scale {
        low: String,
        high: String,
    },
}

impl NewEntry {
    pub fn check(&self, kind: ListKind) -> Result<Entry, Vec<(String, Problem)>> {
        let mut problems = Vec::new();
        let mut take = |field: &str, value: &str, min: usize, max: usize| {
            text(value, min, max)
                .map_err(|p| problems.push((field.to_owned(), p)))
                .unwrap_or_default()
        };
        let entry = match kind {
            ListKind::Interests
            | ListKind::ActivityKinds
            | ListKind::ReferralOrganisations
            | ListKind::EventKinds => Entry::Named(take("name", &self.name, 1, 120)),
            ListKind::Scales => Entry::Scale {
                low: take("name", &self.name, 1, 60),
                high: take("second", &self.second, 1, 60),
            },
            // The catalogue has its own pages and form (`domain::stepping_stone::OfferForm`).
            ListKind::SteppingStones => {
                problems.push(("list".to_owned(), Problem::Invalid));
                Entry::Named(String::new())
            }
            ListKind::Municipalities => {
                let name = take("name", &self.name, 1, 120);
                let postcode = take("second", &self.second, 4, 10);
                let coordinate = |v: &str, max: f64| {
                    v.trim()
                        .replace(',', ".")
                        .parse::<f64>()
                        .ok()
                        .filter(|x| x.is_finite() && x.abs() <= max)
                };
                let lat = coordinate(&self.third, 90.0);
                let lon = coordinate(&self.fourth, 180.0);
                if lat.is_none() {
                    problems.push(("third".to_owned(), Problem::Invalid));
                }
                if lon.is_none() {
                    problems.push(("fourth".to_owned(), Problem::Invalid));
                }
                Entry::Municipality {
                    name,
                    postcode,
                    lat: lat.unwrap_or_default(),
                    lon: lon.unwrap_or_default(),
                }
            }
        };
        if problems.is_empty() {
            Ok(entry)
        } else {
            Err(problems)
        }
    }
}

/// What a new installation starts with (in Dutch, the programme's language); admins change
/// the lists afterwards.
pub mod defaults {
    pub const INTERESTS: &[&str] = &[
        "Wandelen",
        "Fietsen",
        "Film",
        "Theater",
        "Muziek",
        "Koken",
        "Koffie of iets drinken",
        "Sport",
        "Zwemmen",
        "Lezen",
        "Musea",
        "Natuur",
        "Gezelschapsspelen",
        "Tuinieren",
        "Fotografie",
        "Creatief bezig zijn",
        "Dieren",
        "Winkelen",
    ];
    pub const SCALES: &[(&str, &str)] = &[
        ("Rustig", "Actief"),
        ("Stil", "Praterig"),
        ("Huiselijk", "Graag op stap"),
        ("Houdt van vaste gewoontes", "Houdt van iets nieuws"),
    ];
    pub const ACTIVITY_KINDS: &[&str] = &[
        "Sport",
        "Cultuur",
        "Cinema",
        "Iets drinken",
        "Wandeling",
        "Samen iets nieuws ontdekken",
        "Ander",
    ];
    pub const REFERRAL_ORGANISATIONS: &[&str] = &[
        "Centrum Geestelijke Gezondheidszorg",
        "Psychiatrisch ziekenhuis",
        "Beschut wonen",
        "OCMW / sociale dienst",
        "Huisarts",
        "Zelf aangemeld",
    ];
    /// (provider, title, place, link)
    pub const STEPPING_STONES: &[(&str, &str, &str, &str)] = &[
        (
            "Herstelacademie",
            "Cursussen over herstel, samen met ervaringsdeskundigen",
            "Mechelen",
            "https://www.herstelacademie.be",
        ),
        (
            "Vormingplus regio Mechelen",
            "Vormingen en workshops in de buurt",
            "Mechelen",
            "https://www.vormingplus.be",
        ),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_entries_are_checked_per_list() {
        let entry = |name: &str, second: &str, third: &str, fourth: &str| NewEntry {
            name: name.into(),
            second: second.into(),
            third: third.into(),
            fourth: fourth.into(),
        };
        assert_eq!(
            entry(" Yoga ", "", "", "").check(ListKind::Interests),
            Ok(Entry::Named("Yoga".into()))
        );
        assert!(entry("", "", "", "").check(ListKind::Interests).is_err());
        assert_eq!(
            entry("Lier", "2500", "51,13", "4.57").check(ListKind::Municipalities),
            Ok(Entry::Municipality {
                name: "Lier".into(),
                postcode: "2500".into(),
                lat: 51.13,
                lon: 4.57
            })
        );
        let bad = entry("Lier", "2500", "noord", "400")
            .check(ListKind::Municipalities)
            .unwrap_err();
        assert_eq!(bad.len(), 2);
        assert!(
            entry("Cursus", "Academie", "", "https://example.org")
                .check(ListKind::SteppingStones)
                .is_err(),
            "the catalogue is edited on its own pages"
        );
        for kind in ListKind::ALL {
            assert_eq!(ListKind::from_code(kind.code()), Some(kind));
        }
    }
}

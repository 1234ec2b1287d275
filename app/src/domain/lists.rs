//! The lists admins keep: what forms offer and what the matching engine names.

use serde::{Deserialize, Serialize};

use super::profile::Municipality;

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
}

impl Lists {
    pub fn municipality(&self, id: i64) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| m.id == id)
    }

    pub fn interest(&self, id: i64) -> Option<&Named> {
        self.interests.iter().find(|i| i.id == id)
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

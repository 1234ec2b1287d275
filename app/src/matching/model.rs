//! The engine's inputs: candidates, the context they are matched in, and the weights.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::language;
use crate::domain::profile::{AgeRange, Availability, Gender, Municipality, Profile, Smoking};
use crate::domain::validation::Problem;

/// The part of a profile that matching reads (no names, contact details or notes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MatchProfile {
    pub birth_date: NaiveDate,
    pub gender: Gender,
    pub municipality_id: i64,
    /// Interest ids, sorted and without duplicates.
    pub interests: Vec<i64>,
    /// Scale id → value 1..=5.
    pub personality: BTreeMap<i64, u8>,
    pub smoking: Smoking,
    pub availability: Availability,
    pub max_travel_km: u32,
    /// Genders the person accepts in a partner; empty means any.
    pub wish_genders: BTreeSet<Gender>,
    pub wish_age: AgeRange,
    /// Keys of the languages spoken (`domain::language`), sorted; empty when not filled in.
    #[serde(default)]
    pub languages: Vec<String>,
}

impl From<&Profile> for MatchProfile {
    fn from(p: &Profile) -> Self {
        let mut interests = p.interests.clone();
        interests.sort_unstable();
        interests.dedup();
        MatchProfile {
            birth_date: p.birth_date,
            gender: p.gender,
            municipality_id: p.municipality_id,
            interests,
            personality: p.personality.clone(),
            smoking: p.smoking,
            availability: p.availability,
            max_travel_km: p.travel.max_km,
            wish_genders: p.wishes.genders.clone(),
            wish_age: p.wishes.age,
            languages: language::keys_of(&p.languages),
        }
    }
}

/// A participant on the waiting list, as the engine sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantCandidate {
    pub id: i64,
    pub first_name: String,
    pub profile: MatchProfile,
    /// Waiting counts from the intake.
    pub waiting_since: NaiveDate,
}

impl ParticipantCandidate {
    /// Whole days waited on `today` (0 if the date lies ahead).
    pub fn days_waited(&self, today: NaiveDate) -> u32 {
        (today - self.waiting_since)
            .num_days()
            .clamp(0, i64::from(u32::MAX)) as u32
    }

    /// The days waited when they give priority over later arrivals (`matching::priority`).
    pub fn priority_days(&self, ctx: &Context) -> Option<u32> {
        let days = self.days_waited(ctx.today);
        ctx.priority_after_days()
            .filter(|&after| days > after)
            .map(|_| days)
    }
}

/// A buddy, as the engine sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuddyCandidate {
    pub id: i64,
    pub first_name: String,
    pub profile: MatchProfile,
    /// How many duos the buddy is willing to have at once.
    pub max_duos: u32,
    /// Duos not yet ended (proposed, introduced or active).
    pub open_duos: u32,
    pub screening_approved: bool,
}

impl BuddyCandidate {
    /// Places still free for new duos.
    pub fn free_places(&self) -> u32 {
        self.max_duos.saturating_sub(self.open_duos)
    }
}

/// Everything around the candidates: the date, the lookup lists and the weights.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Context {
    pub today: NaiveDate,
    /// Municipality id → municipality with coordinates.
    pub municipalities: BTreeMap<i64, Municipality>,
    /// Interest id → name, for explanations.
    pub interest_names: BTreeMap<i64, String>,
    /// Personality scale id → name (e.g. "rustig – actief"), for explanations.
    pub scale_names: BTreeMap<i64, String>,
    /// (participant id, buddy id) of duos that ended with "no click": never proposed again.
    pub ended_without_click: BTreeSet<(i64, i64)>,
    pub weights: Weights,
    /// The programme's usual wait in days (`matching::priority::usual_wait`), from its history,
    /// set by whoever builds the context; `None` while too little is known.
    #[serde(default)]
    pub usual_wait_days: Option<u32>,
}

impl Context {
    /// An empty context on a date with the default weights.
    pub fn new(today: NaiveDate) -> Self {
        Context {
            today,
            municipalities: BTreeMap::new(),
            interest_names: BTreeMap::new(),
            scale_names: BTreeMap::new(),
            ended_without_click: BTreeSet::new(),
            weights: Weights::default(),
            usual_wait_days: None,
        }
    }

    /// Days of waiting after which a participant goes first (`matching::priority`); `None`
    /// when the rule is off or the usual wait is not known.
    pub fn priority_after_days(&self) -> Option<u32> {
        crate::matching::priority::priority_after(self.usual_wait_days, &self.weights)
    }

    /// Adds municipalities to the lookup list.
    pub fn with_municipalities(mut self, list: impl IntoIterator<Item = Municipality>) -> Self {
        self.municipalities
            .extend(list.into_iter().map(|m| (m.id, m)));
        self
    }
}

/// Relative weights of the score's components; admins can change and store them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub interests: f64,
    pub personality: f64,
    pub availability: f64,
    pub distance: f64,
    pub age: f64,
    pub waiting: f64,
    /// Days of waiting after which the waiting term is full.
    pub waiting_full_days: u32,
    /// A shared language: counted only when `language_required` is off.
    pub language: f64,
    /// No shared language blocks a pair (the default: the two could not talk); off, it only
    /// lowers the score by the `language` weight.
    pub language_required: bool,
    /// Fairness over time: a participant who has waited longer than this many times the
    /// programme's usual wait goes before everyone who joined the list after them (0: off).
    /// See `matching::priority`.
    pub priority_factor: f64,
}

impl Default for Weights {
    /// The click matters most (interests, personality), then being able to meet; a year of
    /// waiting adds as much as a good distance and age fit together.
    fn default() -> Self {
        Weights {
            interests: 3.0,
            personality: 2.0,
            availability: 1.5,
            distance: 1.0,
            age: 1.0,
            waiting: 1.5,
            waiting_full_days: 365,
            language: 2.0,
            language_required: true,
            priority_factor: 1.5,
        }
    }
}

/// Largest weight an admin may set.
pub const MAX_WEIGHT: f64 = 10.0;

impl Weights {
    /// Sum of all weights: the denominator of the weighted mean. The language weight counts
    /// only when a shared language is a score component rather than a requirement.
    pub fn total(&self) -> f64 {
        self.interests
            + self.personality
            + self.availability
            + self.distance
            + self.age
            + self.waiting
            + self.language_weight()
    }

    /// The weight of the language component as it counts now.
    pub fn language_weight(&self) -> f64 {
        if self.language_required {
            0.0
        } else {
            self.language
        }
    }

    /// Checks an admin's change: each weight 0..=10, not all zero, a waiting period of 1..=3650 days.
    pub fn validate(&self) -> Result<(), Vec<(&'static str, Problem)>> {
        let mut problems = Vec::new();
        let fields = [
            ("interests", self.interests),
            ("personality", self.personality),
            ("availability", self.availability),
            ("distance", self.distance),
            ("age", self.age),
            ("waiting", self.waiting),
            ("language", self.language),
            ("priority_factor", self.priority_factor),
        ];
        for (field, w) in fields {
            if !(w.is_finite() && (0.0..=MAX_WEIGHT).contains(&w)) {
                problems.push((field, Problem::OutOfRange { min: 0, max: 10 }));
            }
        }
        if problems.is_empty() && self.total() <= 0.0 {
            problems.push(("interests", Problem::Invalid));
        }
        if !(1..=3650).contains(&self.waiting_full_days) {
            problems.push((
                "waiting_full_days",
                Problem::OutOfRange { min: 1, max: 3650 },
            ));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// The weights as typed on the settings page (text, so that nonsense becomes a message at
/// its field instead of a refused request).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WeightsForm {
    pub interests: String,
    pub personality: String,
    pub availability: String,
    pub distance: String,
    pub age: String,
    pub waiting: String,
    pub waiting_full_days: String,
    pub language: String,
    /// "required" or "scored"; anything else (or nothing, as from an older form) is required.
    pub language_rule: String,
    pub priority_factor: String,
}

/// `WeightsForm::language_rule` when no shared language blocks a pair.
pub const LANGUAGE_SCORED: &str = "scored";
/// `WeightsForm::language_rule` when a shared language is required.
pub const LANGUAGE_REQUIRED: &str = "required";

impl From<&Weights> for WeightsForm {
    fn from(w: &Weights) -> Self {
        WeightsForm {
            interests: w.interests.to_string(),
            personality: w.personality.to_string(),
            availability: w.availability.to_string(),
            distance: w.distance.to_string(),
            age: w.age.to_string(),
            waiting: w.waiting.to_string(),
            waiting_full_days: w.waiting_full_days.to_string(),
            language: w.language.to_string(),
            language_rule: if w.language_required {
                LANGUAGE_REQUIRED
            } else {
                LANGUAGE_SCORED
            }
            .to_owned(),
            priority_factor: w.priority_factor.to_string(),
        }
    }
}

impl WeightsForm {
    /// The weights, or every field's problem. A decimal comma is fine (Dutch keyboards).
    pub fn check(&self) -> Result<Weights, Vec<(String, Problem)>> {
        let mut problems = Vec::new();
        let mut number = |field: &str, text: &str| -> f64 {
            let text = text.trim().replace(',', ".");
            match text.parse::<f64>() {
                Ok(v) if v.is_finite() => v,
                _ => {
                    problems.push((field.to_owned(), Problem::Invalid));
                    0.0
                }
            }
        };
        let weights = Weights {
            interests: number("interests", &self.interests),
            personality: number("personality", &self.personality),
            availability: number("availability", &self.availability),
            distance: number("distance", &self.distance),
            age: number("age", &self.age),
            waiting: number("waiting", &self.waiting),
            language: if self.language.trim().is_empty() {
                // Forms from before the language weight existed leave it out.
                Weights::default().language
            } else {
                number("language", &self.language)
            },
            language_required: self.language_rule.trim() != LANGUAGE_SCORED,
            priority_factor: if self.priority_factor.trim().is_empty() {
                // Forms from before the priority rule existed leave it out.
                Weights::default().priority_factor
            } else {
                number("priority_factor", &self.priority_factor)
            },
            waiting_full_days: match self.waiting_full_days.trim().parse::<u32>() {
                Ok(days) => days,
                Err(_) => {
                    problems.push(("waiting_full_days".to_owned(), Problem::Invalid));
                    1
                }
            },
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        weights.validate().map_err(|found| {
            found
                .into_iter()
                .map(|(field, p)| (field.to_owned(), p))
                .collect::<Vec<_>>()
        })?;
        Ok(weights)
    }
}

#[cfg(test)]
mod weights_form_tests {
    use super::*;

    #[test]
    fn the_defaults_survive_the_form() {
        let w = Weights::default();
        assert_eq!(WeightsForm::from(&w).check(), Ok(w));
    }

    #[test]
    fn a_decimal_comma_is_read() {
        let mut form = WeightsForm::from(&Weights::default());
        form.interests = " 2,5 ".into();
        assert_eq!(form.check().map(|w| w.interests), Ok(2.5));
    }

    #[test]
    fn nonsense_is_a_problem_at_its_field() {
        let mut form = WeightsForm::from(&Weights::default());
        form.age = "veel".into();
        form.distance = "NaN".into();
        form.waiting_full_days = "-3".into();
        let problems = form.check().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["distance", "age", "waiting_full_days"]);
    }

    #[test]
    fn the_priority_factor_is_checked_and_older_forms_keep_the_default() {
        let mut form = WeightsForm::from(&Weights::default());
        form.priority_factor = "0".into();
        assert_eq!(form.check().map(|w| w.priority_factor), Ok(0.0));
        form.priority_factor = " ".into();
        assert_eq!(form.check().map(|w| w.priority_factor), Ok(1.5));
        form.priority_factor = "veel".into();
        assert_eq!(
            form.check(),
            Err(vec![("priority_factor".into(), Problem::Invalid)])
        );
        form.priority_factor = "-1".into();
        assert_eq!(
            form.check(),
            Err(vec![(
                "priority_factor".into(),
                Problem::OutOfRange { min: 0, max: 10 }
            )])
        );
        // Weights stored before the rule existed read as the default.
        let stored: Weights = serde_json::from_str(r#"{"interests": 3.0}"#).unwrap();
        assert_eq!(stored.priority_factor, 1.5);
    }

    #[test]
    fn weights_out_of_range_are_refused() {
        let mut form = WeightsForm::from(&Weights::default());
        form.waiting = "11".into();
        assert_eq!(
            form.check(),
            Err(vec![(
                "waiting".into(),
                Problem::OutOfRange { min: 0, max: 10 }
            )])
        );
    }
}

//! One pair: the hard constraints (blockers) and the 0–100 score with its components.

use serde::{Deserialize, Serialize};

use crate::domain::language;
use crate::domain::profile::{AgeRange, Availability, Gender, Slot, age_on};
use crate::matching::geo::distance_km;
use crate::matching::model::{
    BuddyCandidate, Context, MatchProfile, ParticipantCandidate, Weights,
};

/// A reason why a pair cannot be proposed; every one that applies is listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Blocker {
    /// The participant wishes a buddy of another gender.
    ParticipantGenderWish {
        wanted: Vec<Gender>,
        buddy: Gender,
    },
    /// The buddy wishes a participant of another gender.
    BuddyGenderWish {
        wanted: Vec<Gender>,
        participant: Gender,
    },
    /// The buddy's age lies outside the participant's age wish.
    ParticipantAgeWish {
        wish: AgeRange,
        buddy_age: u32,
    },
    /// The participant's age lies outside the buddy's age wish.
    BuddyAgeWish {
        wish: AgeRange,
        participant_age: u32,
    },
    ParticipantSmokesBuddyRefuses,
    BuddySmokesParticipantRefuses,
    /// Further apart than the participant can travel.
    TooFarForParticipant {
        km: f64,
        max_km: u32,
    },
    /// Further apart than the buddy wants to travel.
    TooFarForBuddy {
        km: f64,
        max_km: u32,
    },
    NoSharedAvailability,
    BuddyAtCapacity {
        max_duos: u32,
        open_duos: u32,
    },
    BuddyNotApproved,
    /// The two were a duo before and it ended with "no click".
    EndedWithoutClick,
    /// The two have no language in common (keys of `domain::language`, each side's own).
    NoSharedLanguage {
        participant: Vec<String>,
        buddy: Vec<String>,
    },
}

/// The parts of the score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Interests,
    Personality,
    Availability,
    Distance,
    Age,
    Waiting,
    /// A shared language; weighs only when it is not required (see `Weights`).
    Language,
}

impl ComponentKind {
    /// Every component, in the order of `PairAssessment::components`.
    pub const ALL: [ComponentKind; 7] = [
        ComponentKind::Interests,
        ComponentKind::Personality,
        ComponentKind::Availability,
        ComponentKind::Distance,
        ComponentKind::Age,
        ComponentKind::Waiting,
        ComponentKind::Language,
    ];

    /// This component's weight.
    pub fn weight(self, w: &Weights) -> f64 {
        match self {
            ComponentKind::Interests => w.interests,
            ComponentKind::Personality => w.personality,
            ComponentKind::Availability => w.availability,
            ComponentKind::Distance => w.distance,
            ComponentKind::Age => w.age,
            ComponentKind::Waiting => w.waiting,
            ComponentKind::Language => w.language_weight(),
        }
    }
}

/// What a component's value rests on, for the explanation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detail {
    /// Names of the shared interests (empty: none shared).
    SharedInterests {
        names: Vec<String>,
    },
    /// One of the two filled in no interests: neutral value.
    InterestsMissing,
    /// Mean absolute difference over the scales both filled in; names of scales 2+ apart.
    Personality {
        scales: u32,
        mean_difference: f64,
        far_apart: Vec<String>,
    },
    /// No scale filled in by both: neutral value.
    PersonalityMissing,
    AgeGap {
        years: u32,
    },
    Distance {
        km: f64,
    },
    /// A municipality is missing from the list: neutral value.
    DistanceUnknown,
    SharedSlots {
        slots: Vec<Slot>,
    },
    Waiting {
        days: u32,
        /// The priority threshold (days) when the wait is beyond it (`matching::priority`).
        #[serde(default)]
        priority_after: Option<u32>,
    },
    /// Keys of the languages both speak (empty: none).
    SharedLanguages {
        keys: Vec<String>,
    },
    /// One of the two filled in no language: neutral value, never a blocker.
    LanguagesMissing,
}

/// One part of the score: its value 0..=1 and the points it adds to the 0–100 score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Component {
    pub kind: ComponentKind,
    pub value: f64,
    pub contribution_points: f64,
    pub detail: Detail,
}

/// The full judgement of one participant–buddy pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairAssessment {
    pub participant_id: i64,
    pub buddy_id: i64,
    /// True when there is no blocker.
    pub allowed: bool,
    /// 0..=100, unrounded; also computed for blocked pairs, for information.
    pub score: f64,
    pub components: Vec<Component>,
    pub blockers: Vec<Blocker>,
}

impl PairAssessment {
    /// The score as shown: a whole number 0..=100.
    pub fn points(&self) -> u8 {
        to_points(self.score)
    }
}

/// Rounds a 0–100 score to whole points.
pub(crate) fn to_points(score: f64) -> u8 {
    score.round().clamp(0.0, 100.0) as u8
}

/// Value used when a component cannot be computed for lack of data: neither helps nor hurts.
const NEUTRAL: f64 = 0.5;
/// Shared interests (or slots) from which the component is full.
const ENOUGH_SHARED: f64 = 3.0;
/// Age gap in years at which the age component reaches zero.
const AGE_GAP_ZERO: f64 = 40.0;
/// Largest difference on a 1..=5 scale.
const SCALE_SPAN: f64 = 4.0;

/// Facts about a pair that do not depend on time or capacity. Counts and masks only, so that
/// scoring allocates nothing (ranking 10,000 people, the estimate's simulation); the lists an
/// explanation names are made from the profiles in `detail`.
pub(crate) struct Facts {
    participant_age: u32,
    buddy_age: u32,
    km: Option<f64>,
    /// Interests both have; None when one of the two has no interests.
    shared_interests: Option<usize>,
    min_interests: usize,
    /// (scales compared, mean absolute difference).
    personality: Option<(u32, f64)>,
    shared_slots: Availability,
    /// Languages both speak; None when one of the two filled in no language.
    shared_languages: Option<usize>,
}

impl Facts {
    pub(crate) fn of(p: &MatchProfile, b: &MatchProfile, ctx: &Context) -> Facts {
        let km = match (
            ctx.municipalities.get(&p.municipality_id),
            ctx.municipalities.get(&b.municipality_id),
        ) {
            _ if p.municipality_id == b.municipality_id => Some(0.0),
            (Some(a), Some(c)) => Some(distance_km(a.lat, a.lon, c.lat, c.lon)),
            _ => None,
        };
        let shared_interests = (!p.interests.is_empty() && !b.interests.is_empty())
            .then(|| shared_interests(p, b).count());
        let (scales, total) = scale_differences(p, b)
            .fold((0u32, 0u32), |(n, sum), (_, d)| (n + 1, sum + u32::from(d)));
        let personality = (scales > 0).then(|| (scales, f64::from(total) / f64::from(scales)));
        Facts {
            participant_age: age_on(p.birth_date, ctx.today),
            buddy_age: age_on(b.birth_date, ctx.today),
            km,
            shared_interests,
            min_interests: p.interests.len().min(b.interests.len()),
            personality,
            shared_slots: p.availability.overlap(b.availability),
            shared_languages: (!p.languages.is_empty() && !b.languages.is_empty()).then(|| {
                p.languages
                    .iter()
                    .filter(|k| b.languages.contains(k))
                    .count()
            }),
        }
    }

    /// The blockers that follow from the two profiles alone, participant's wishes first; no
    /// shared language blocks only when `language_required`.
    pub(crate) fn blockers(
        &self,
        p: &MatchProfile,
        b: &MatchProfile,
        language_required: bool,
    ) -> Vec<Blocker> {
        let mut out = Vec::new();
        let wanted = |w: &std::collections::BTreeSet<Gender>| w.iter().copied().collect();
        if !p.wish_genders.is_empty() && !p.wish_genders.contains(&b.gender) {
            out.push(Blocker::ParticipantGenderWish {
                wanted: wanted(&p.wish_genders),
                buddy: b.gender,
            });
        }
        if !p.wish_age.contains(self.buddy_age) {
            out.push(Blocker::ParticipantAgeWish {
                wish: p.wish_age,
                buddy_age: self.buddy_age,
            });
        }
        if !b.wish_genders.is_empty() && !b.wish_genders.contains(&p.gender) {
            out.push(Blocker::BuddyGenderWish {
                wanted: wanted(&b.wish_genders),
                participant: p.gender,
            });
        }
        if !b.wish_age.contains(self.participant_age) {
            out.push(Blocker::BuddyAgeWish {
                wish: b.wish_age,
                participant_age: self.participant_age,
            });
        }
        if p.smoking.smokes && !b.smoking.accepts_smoker {
            out.push(Blocker::ParticipantSmokesBuddyRefuses);
        }
        if b.smoking.smokes && !p.smoking.accepts_smoker {
            out.push(Blocker::BuddySmokesParticipantRefuses);
        }
        if let Some(km) = self.km {
            if km > f64::from(p.max_travel_km) {
                out.push(Blocker::TooFarForParticipant {
                    km,
                    max_km: p.max_travel_km,
                });
            }
            if km > f64::from(b.max_travel_km) {
                out.push(Blocker::TooFarForBuddy {
                    km,
                    max_km: b.max_travel_km,
                });
            }
        }
        if self.shared_slots.0 == 0 {
            out.push(Blocker::NoSharedAvailability);
        }
        if language_required && self.shared_languages == Some(0) {
            out.push(Blocker::NoSharedLanguage {
                participant: p.languages.clone(),
                buddy: b.languages.clone(),
            });
        }
        out
    }

    /// Component values 0..=1 except waiting, in `ComponentKind::ALL` order (waiting left 0).
    pub(crate) fn values(&self, p: &MatchProfile, b: &MatchProfile) -> [f64; 7] {
        let interests = match self.shared_interests {
            None => NEUTRAL,
            Some(shared) => {
                // Sharing three, or all the interests the other could share, is full marks.
                let enough = ENOUGH_SHARED.min(self.min_interests as f64);
                (shared as f64 / enough).min(1.0)
            }
        };
        let personality = match self.personality {
            None => NEUTRAL,
            Some((_, mean)) => 1.0 - mean / SCALE_SPAN,
        };
        let availability = (f64::from(self.shared_slots.0.count_ones()) / ENOUGH_SHARED).min(1.0);
        let distance = match self.km {
            None => NEUTRAL,
            Some(km) => {
                // Relative to the shorter of the two limits: 0 km is best, the limit worst.
                let limit = f64::from(p.max_travel_km.min(b.max_travel_km));
                if limit <= 0.0 {
                    if km < 0.5 { 1.0 } else { 0.0 }
                } else {
                    (1.0 - km / limit).clamp(0.0, 1.0)
                }
            }
        };
        let gap = f64::from(self.participant_age.abs_diff(self.buddy_age));
        let age = (1.0 - gap / AGE_GAP_ZERO).max(0.0);
        let language = match self.shared_languages {
            None => NEUTRAL,
            Some(0) => 0.0,
            Some(_) => 1.0,
        };
        [
            interests,
            personality,
            availability,
            distance,
            age,
            0.0,
            language,
        ]
    }

    fn detail(
        &self,
        kind: ComponentKind,
        days: u32,
        (p, b): (&MatchProfile, &MatchProfile),
        ctx: &Context,
    ) -> Detail {
        let name = |names: &std::collections::BTreeMap<i64, String>, id: &i64| {
            names.get(id).cloned().unwrap_or_else(|| format!("#{id}"))
        };
        match kind {
            ComponentKind::Interests => match self.shared_interests {
                None => Detail::InterestsMissing,
                Some(_) => Detail::SharedInterests {
                    names: shared_interests(p, b)
                        .map(|id| name(&ctx.interest_names, id))
                        .collect(),
                },
            },
            ComponentKind::Personality => match self.personality {
                None => Detail::PersonalityMissing,
                Some((scales, mean)) => {
                    // Scales 2+ apart, by distance.
                    let mut far: Vec<(i64, u8)> =
                        scale_differences(p, b).filter(|d| d.1 >= 2).collect();
                    far.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
                    Detail::Personality {
                        scales,
                        mean_difference: mean,
                        far_apart: far.iter().map(|d| name(&ctx.scale_names, &d.0)).collect(),
                    }
                }
            },
            ComponentKind::Availability => Detail::SharedSlots {
                slots: self.shared_slots.slots().collect(),
            },
            ComponentKind::Distance => match self.km {
                None => Detail::DistanceUnknown,
                Some(km) => Detail::Distance { km },
            },
            ComponentKind::Age => Detail::AgeGap {
                years: self.participant_age.abs_diff(self.buddy_age),
            },
            ComponentKind::Waiting => Detail::Waiting {
                days,
                priority_after: ctx.priority_after_days().filter(|&after| days > after),
            },
            ComponentKind::Language => match self.shared_languages {
                None => Detail::LanguagesMissing,
                Some(_) => Detail::SharedLanguages {
                    keys: language::shared(&p.languages, &b.languages),
                },
            },
        }
    }
}

/// The participant's interests that the buddy shares too, in the participant's order.
fn shared_interests<'a>(p: &'a MatchProfile, b: &'a MatchProfile) -> impl Iterator<Item = &'a i64> {
    // Short lists: a scan is fine and does not rely on them being sorted.
    p.interests.iter().filter(|i| b.interests.contains(i))
}

/// (scale id, absolute difference) for every scale both filled in.
fn scale_differences<'a>(
    p: &'a MatchProfile,
    b: &'a MatchProfile,
) -> impl Iterator<Item = (i64, u8)> + 'a {
    p.personality
        .iter()
        .filter_map(|(id, v)| b.personality.get(id).map(|w| (*id, v.abs_diff(*w))))
}

/// The waiting term 0..=1: grows linearly and is full after `waiting_full_days`.
pub(crate) fn waiting_value(days: f64, w: &Weights) -> f64 {
    (days / f64::from(w.waiting_full_days.max(1))).clamp(0.0, 1.0)
}

/// Weighted mean of component values as a 0–100 score.
pub(crate) fn score_of(values: &[f64; 7], w: &Weights) -> f64 {
    let total = w.total();
    if total <= 0.0 {
        return 0.0;
    }
    let sum: f64 = ComponentKind::ALL
        .iter()
        .zip(values)
        .map(|(k, v)| k.weight(w) * v)
        .sum();
    // Divide first: sum <= total holds in floating point too, so the score never exceeds 100
    // (`100.0 * sum / total` can, by a rounding error, e.g. with one weight of 3.3647...).
    100.0 * (sum / total)
}

/// Judges one participant–buddy pair: every blocker, the score and its components.
pub fn assess_pair(
    participant: &ParticipantCandidate,
    buddy: &BuddyCandidate,
    ctx: &Context,
) -> PairAssessment {
    assess(participant, buddy, ctx, true)
}

/// As [`assess_pair`], but a blocked pair gets no components (its score is still there):
/// what a ranking lists for the excluded, where only the blockers are shown. On a long
/// waiting list most pairs are blocked, and their explanations are most of the work.
pub(crate) fn assess_for_ranking(
    participant: &ParticipantCandidate,
    buddy: &BuddyCandidate,
    ctx: &Context,
) -> PairAssessment {
    assess(participant, buddy, ctx, false)
}

fn assess(
    participant: &ParticipantCandidate,
    buddy: &BuddyCandidate,
    ctx: &Context,
    explain_blocked: bool,
) -> PairAssessment {
    let (p, b) = (&participant.profile, &buddy.profile);
    let facts = Facts::of(p, b, ctx);
    let mut blockers = facts.blockers(p, b, ctx.weights.language_required);
    if buddy.free_places() == 0 {
        blockers.push(Blocker::BuddyAtCapacity {
            max_duos: buddy.max_duos,
            open_duos: buddy.open_duos,
        });
    }
    if !buddy.screening_approved {
        blockers.push(Blocker::BuddyNotApproved);
    }
    if ctx
        .ended_without_click
        .contains(&(participant.id, buddy.id))
    {
        blockers.push(Blocker::EndedWithoutClick);
    }

    let days = participant.days_waited(ctx.today);
    let mut values = facts.values(p, b);
    values[5] = waiting_value(f64::from(days), &ctx.weights);
    let total = ctx.weights.total();
    let explain = explain_blocked || blockers.is_empty();
    let components = ComponentKind::ALL
        .iter()
        .filter(|_| explain)
        .zip(values)
        .map(|(&kind, value)| Component {
            kind,
            value,
            contribution_points: if total > 0.0 {
                100.0 * kind.weight(&ctx.weights) * value / total
            } else {
                0.0
            },
            detail: facts.detail(kind, days, (p, b), ctx),
        })
        .collect();
    PairAssessment {
        participant_id: participant.id,
        buddy_id: buddy.id,
        allowed: blockers.is_empty(),
        score: score_of(&values, &ctx.weights),
        components,
        blockers,
    }
}

/// A pair's points and its first blocker (the order [`assess_pair`] lists them in), without
/// building explanations: what the board sorts a whole waiting list by while a card is held.
pub fn points_and_first_blocker(
    participant: &ParticipantCandidate,
    buddy: &BuddyCandidate,
    ctx: &Context,
) -> (u8, Option<Blocker>) {
    let (p, b) = (&participant.profile, &buddy.profile);
    let facts = Facts::of(p, b, ctx);
    let first = facts
        .blockers(p, b, ctx.weights.language_required)
        .into_iter()
        .next()
        .or_else(|| {
            if buddy.free_places() == 0 {
                Some(Blocker::BuddyAtCapacity {
                    max_duos: buddy.max_duos,
                    open_duos: buddy.open_duos,
                })
            } else if !buddy.screening_approved {
                Some(Blocker::BuddyNotApproved)
            } else if ctx
                .ended_without_click
                .contains(&(participant.id, buddy.id))
            {
                Some(Blocker::EndedWithoutClick)
            } else {
                None
            }
        });
    let mut values = facts.values(p, b);
    values[5] = waiting_value(f64::from(participant.days_waited(ctx.today)), &ctx.weights);
    (to_points(score_of(&values, &ctx.weights)), first)
}

/// The score of a pair when nothing blocks it, else `None`; skips building explanations.
pub(crate) fn allowed_score(
    participant: &ParticipantCandidate,
    buddy: &BuddyCandidate,
    ctx: &Context,
) -> Option<f64> {
    if buddy.free_places() == 0
        || !buddy.screening_approved
        || ctx
            .ended_without_click
            .contains(&(participant.id, buddy.id))
    {
        return None;
    }
    let (p, b) = (&participant.profile, &buddy.profile);
    let facts = Facts::of(p, b, ctx);
    if !facts
        .blockers(p, b, ctx.weights.language_required)
        .is_empty()
    {
        return None;
    }
    let mut values = facts.values(p, b);
    values[5] = waiting_value(f64::from(participant.days_waited(ctx.today)), &ctx.weights);
    Some(score_of(&values, &ctx.weights))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::profile::{
        Availability, DayPart, Municipality, Smoking, default_municipalities,
    };
    use chrono::{NaiveDate, Weekday};
    use std::collections::BTreeMap;

    pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    pub(crate) const MECHELEN: i64 = 1;
    pub(crate) const LIER: i64 = 10;

    /// A context on 1 March 2026 with the seed municipalities (ids in list order from 1).
    pub(crate) fn ctx() -> Context {
        let mut c = Context::new(date(2026, 3, 1)).with_municipalities(
            default_municipalities().into_iter().enumerate().map(
                |(i, (name, postcode, lat, lon))| Municipality {
                    id: i as i64 + 1,
                    name: name.into(),
                    postcode: postcode.into(),
                    lat,
                    lon,
                },
            ),
        );
        c.interest_names = BTreeMap::from([
            (1, "wandelen".into()),
            (2, "film".into()),
            (3, "koken".into()),
            (4, "voetbal".into()),
        ]);
        c.scale_names = BTreeMap::from([
            (1, "rustig – actief".into()),
            (2, "introvert – extravert".into()),
        ]);
        c
    }

    pub(crate) fn sat_pm() -> Slot {
        Slot::new(Weekday::Sat, DayPart::Afternoon)
    }

    /// A 36-year-old in Mechelen, free on Saturday afternoon, no wishes, travels 10 km.
    pub(crate) fn profile() -> MatchProfile {
        MatchProfile {
            birth_date: date(1990, 1, 1),
            gender: crate::domain::profile::Gender::Woman,
            municipality_id: MECHELEN,
            interests: vec![1, 2, 3],
            personality: BTreeMap::from([(1, 3), (2, 3)]),
            smoking: Smoking {
                smokes: false,
                accepts_smoker: true,
            },
            availability: Availability::from_slots([sat_pm()]),
            max_travel_km: 10,
            wish_genders: Default::default(),
            wish_age: AgeRange::default(),
            languages: vec!["nl".into()],
        }
    }

    pub(crate) fn participant(id: i64, profile: MatchProfile) -> ParticipantCandidate {
        ParticipantCandidate {
            id,
            first_name: format!("P{id}"),
            profile,
            waiting_since: date(2025, 9, 1),
        }
    }

    pub(crate) fn buddy(id: i64, profile: MatchProfile) -> BuddyCandidate {
        BuddyCandidate {
            id,
            first_name: format!("B{id}"),
            profile,
            max_duos: 1,
            open_duos: 0,
            screening_approved: true,
        }
    }

    #[test]
    fn a_good_pair_is_allowed_and_explained() {
        let a = assess_pair(&participant(7, profile()), &buddy(9, profile()), &ctx());
        assert!(a.allowed, "{:?}", a.blockers);
        assert_eq!((a.participant_id, a.buddy_id), (7, 9));
        let detail = |k| {
            a.components
                .iter()
                .find(|c| c.kind == k)
                .unwrap()
                .detail
                .clone()
        };
        assert_eq!(
            detail(ComponentKind::Interests),
            Detail::SharedInterests {
                names: vec!["wandelen".into(), "film".into(), "koken".into()]
            }
        );
        assert_eq!(
            detail(ComponentKind::Availability),
            Detail::SharedSlots {
                slots: vec![sat_pm()]
            }
        );
        assert_eq!(
            detail(ComponentKind::Distance),
            Detail::Distance { km: 0.0 }
        );
        assert_eq!(
            detail(ComponentKind::Waiting),
            Detail::Waiting {
                days: 181,
                priority_after: None
            }
        );
        // All full except one of three slots and half a year of waiting.
        let w = Weights::default();
        let expected = 100.0
            * (w.total() - w.availability * 2.0 / 3.0 - w.waiting * (1.0 - 181.0 / 365.0))
            / w.total();
        assert!(
            (a.score - expected).abs() < 1e-9,
            "{} vs {expected}",
            a.score
        );
        let sum: f64 = a.components.iter().map(|c| c.contribution_points).sum();
        assert!((sum - a.score).abs() < 1e-9);
        assert_eq!(a.points(), expected.round() as u8);
    }

    #[test]
    fn no_language_in_common_blocks_a_pair_both_ways() {
        let c = ctx();
        let mut arabic = profile();
        arabic.languages = vec!["ar".into()];
        let mut dutch_french = profile();
        dutch_french.languages = vec!["fr".into(), "nl".into()];
        let blocked = Blocker::NoSharedLanguage {
            participant: vec!["ar".into()],
            buddy: vec!["fr".into(), "nl".into()],
        };
        let a = assess_pair(
            &participant(1, arabic.clone()),
            &buddy(2, dutch_french.clone()),
            &c,
        );
        assert!(!a.allowed);
        assert_eq!(a.blockers, vec![blocked]);
        assert_eq!(
            allowed_score(
                &participant(1, arabic.clone()),
                &buddy(2, dutch_french.clone()),
                &c
            ),
            None
        );
        // The other way round: a buddy who speaks only Arabic and a Dutch-speaking participant.
        let b = assess_pair(
            &participant(1, dutch_french.clone()),
            &buddy(2, arabic.clone()),
            &c,
        );
        assert_eq!(
            b.blockers,
            vec![Blocker::NoSharedLanguage {
                participant: vec!["fr".into(), "nl".into()],
                buddy: vec!["ar".into()],
            }]
        );
        assert_eq!(
            points_and_first_blocker(&participant(1, dutch_french), &buddy(2, arabic), &c).1,
            Some(b.blockers[0].clone())
        );
    }

    #[test]
    fn a_shared_language_is_named_and_a_missing_one_never_blocks() {
        let c = ctx();
        let mut arabic_french = profile();
        arabic_french.languages =
            crate::domain::language::keys_of(&["Arabisch".into(), "français".into()]);
        let mut french = profile();
        french.languages = vec!["fr".into()];
        let a = assess_pair(
            &participant(1, arabic_french.clone()),
            &buddy(2, french),
            &c,
        );
        assert!(a.allowed, "{:?}", a.blockers);
        let language = a
            .components
            .iter()
            .find(|x| x.kind == ComponentKind::Language)
            .unwrap();
        assert_eq!(
            language.detail,
            Detail::SharedLanguages {
                keys: vec!["fr".into()]
            }
        );
        // Required, the language adds no points: the score is that of the other components.
        assert_eq!(language.contribution_points, 0.0);
        let mut unknown = profile();
        unknown.languages = Vec::new();
        let b = assess_pair(&participant(1, arabic_french), &buddy(2, unknown), &c);
        assert!(b.allowed, "{:?}", b.blockers);
        assert!(
            b.components
                .iter()
                .any(|x| x.detail == Detail::LanguagesMissing)
        );
    }

    #[test]
    fn as_a_score_component_a_missing_language_lowers_the_score_instead() {
        let mut c = ctx();
        c.weights.language_required = false;
        let mut arabic = profile();
        arabic.languages = vec!["ar".into()];
        let apart = assess_pair(&participant(1, arabic), &buddy(2, profile()), &c);
        let together = assess_pair(&participant(1, profile()), &buddy(2, profile()), &c);
        assert!(apart.allowed && together.allowed);
        // The language weight (2 of 12) makes the whole difference.
        let w = &c.weights;
        assert!(
            (together.score - apart.score - 100.0 * w.language / w.total()).abs() < 1e-9,
            "{} vs {}",
            together.score,
            apart.score
        );
        let sum: f64 = apart.components.iter().map(|x| x.contribution_points).sum();
        assert!((sum - apart.score).abs() < 1e-9);
    }

    #[test]
    fn every_blocker_is_listed_both_ways() {
        use crate::domain::profile::Gender::*;
        let mut p = profile();
        p.gender = Man;
        p.smoking = Smoking {
            smokes: true,
            accepts_smoker: false,
        };
        p.wish_genders = [Woman].into();
        p.wish_age = AgeRange {
            min: Some(50),
            max: None,
        };
        p.max_travel_km = 5;
        let mut b = profile();
        b.gender = X;
        b.municipality_id = LIER;
        b.smoking = Smoking {
            smokes: true,
            accepts_smoker: false,
        };
        b.wish_genders = [Woman, X].into();
        b.wish_age = AgeRange {
            min: None,
            max: Some(30),
        };
        b.max_travel_km = 8;
        b.availability = Availability::from_slots([Slot::new(Weekday::Mon, DayPart::Evening)]);
        let mut bud = buddy(2, b);
        bud.open_duos = 1;
        bud.screening_approved = false;
        let mut c = ctx();
        c.ended_without_click.insert((1, 2));
        let a = assess_pair(&participant(1, p), &bud, &c);
        assert!(!a.allowed);
        let km = match a
            .blockers
            .iter()
            .find(|b| matches!(b, Blocker::TooFarForParticipant { .. }))
        {
            Some(Blocker::TooFarForParticipant { km, .. }) => *km,
            _ => panic!("distance blocker missing: {:?}", a.blockers),
        };
        assert!((12.0..14.5).contains(&km));
        assert_eq!(
            a.blockers,
            vec![
                Blocker::ParticipantGenderWish {
                    wanted: vec![Woman],
                    buddy: X
                },
                Blocker::ParticipantAgeWish {
                    wish: AgeRange {
                        min: Some(50),
                        max: None
                    },
                    buddy_age: 36
                },
                Blocker::BuddyGenderWish {
                    wanted: vec![Woman, X],
                    participant: Man
                },
                Blocker::BuddyAgeWish {
                    wish: AgeRange {
                        min: None,
                        max: Some(30)
                    },
                    participant_age: 36
                },
                Blocker::ParticipantSmokesBuddyRefuses,
                Blocker::BuddySmokesParticipantRefuses,
                Blocker::TooFarForParticipant { km, max_km: 5 },
                Blocker::TooFarForBuddy { km, max_km: 8 },
                Blocker::NoSharedAvailability,
                Blocker::BuddyAtCapacity {
                    max_duos: 1,
                    open_duos: 1
                },
                Blocker::BuddyNotApproved,
                Blocker::EndedWithoutClick,
            ]
        );
        // The score is still computed for information; distance beyond the limit counts zero.
        let dist = a
            .components
            .iter()
            .find(|c| c.kind == ComponentKind::Distance)
            .unwrap();
        assert_eq!(dist.value, 0.0);
    }

    #[test]
    fn a_limit_reached_exactly_still_allows() {
        let mut p = profile();
        p.wish_age = AgeRange {
            min: Some(36),
            max: Some(36),
        };
        let mut b = profile();
        b.municipality_id = LIER;
        let c = ctx();
        let km = Facts::of(&p, &b, &c).km.unwrap();
        b.max_travel_km = km.ceil() as u32;
        p.max_travel_km = km.ceil() as u32;
        assert!(assess_pair(&participant(1, p.clone()), &buddy(2, b.clone()), &c).allowed);
        p.max_travel_km = km.floor() as u32;
        let a = assess_pair(&participant(1, p), &buddy(2, b), &c);
        assert_eq!(a.blockers.len(), 1);
        assert!(matches!(
            a.blockers[0],
            Blocker::TooFarForParticipant { .. }
        ));
    }

    #[test]
    fn missing_data_is_neutral_and_closer_is_better() {
        let mut p = profile();
        p.interests.clear();
        p.personality.clear();
        p.municipality_id = 999; // not in the list
        let a = assess_pair(&participant(1, p), &buddy(2, profile()), &ctx());
        assert!(a.allowed, "unknown place does not block");
        let value = |k| a.components.iter().find(|c| c.kind == k).unwrap();
        assert_eq!(value(ComponentKind::Interests).value, NEUTRAL);
        assert_eq!(
            value(ComponentKind::Interests).detail,
            Detail::InterestsMissing
        );
        assert_eq!(
            value(ComponentKind::Personality).detail,
            Detail::PersonalityMissing
        );
        assert_eq!(
            value(ComponentKind::Distance).detail,
            Detail::DistanceUnknown
        );

        // Personality: further apart scores lower, and far-apart scales are named.
        let mut b = profile();
        b.personality = BTreeMap::from([(1, 5), (2, 4)]);
        let a = assess_pair(&participant(1, profile()), &buddy(2, b), &ctx());
        let pers = a
            .components
            .iter()
            .find(|c| c.kind == ComponentKind::Personality)
            .unwrap();
        assert_eq!(pers.value, 1.0 - 1.5 / 4.0);
        assert_eq!(
            pers.detail,
            Detail::Personality {
                scales: 2,
                mean_difference: 1.5,
                far_apart: vec!["rustig – actief".into()]
            }
        );
    }

    #[test]
    fn the_quick_score_agrees_with_the_full_assessment() {
        let c = ctx();
        let mut far = profile();
        far.municipality_id = LIER;
        far.max_travel_km = 20;
        let mut other = profile();
        other.interests = vec![2, 4];
        other.personality = BTreeMap::from([(1, 1)]);
        other.birth_date = date(1960, 5, 5);
        let mut full = buddy(3, profile());
        full.open_duos = 1;
        let buddies = [buddy(1, far.clone()), buddy(2, other.clone()), full];
        for p in [
            participant(1, profile()),
            participant(2, far),
            participant(3, other),
        ] {
            for b in &buddies {
                let a = assess_pair(&p, b, &c);
                assert_eq!(allowed_score(&p, b, &c), a.allowed.then_some(a.score));
            }
        }
    }

    #[test]
    fn weights_are_checked_before_they_are_stored() {
        assert_eq!(Weights::default().validate(), Ok(()));
        assert_eq!(Weights::default().total(), 10.0);
        let bad = Weights {
            interests: -1.0,
            age: f64::NAN,
            waiting_full_days: 0,
            ..Weights::default()
        };
        assert_eq!(
            bad.validate().unwrap_err(),
            vec![
                (
                    "interests",
                    crate::domain::validation::Problem::OutOfRange { min: 0, max: 10 }
                ),
                (
                    "age",
                    crate::domain::validation::Problem::OutOfRange { min: 0, max: 10 }
                ),
                (
                    "waiting_full_days",
                    crate::domain::validation::Problem::OutOfRange { min: 1, max: 3650 }
                ),
            ]
        );
        let zero = Weights {
            interests: 0.0,
            personality: 0.0,
            availability: 0.0,
            distance: 0.0,
            age: 0.0,
            waiting: 0.0,
            waiting_full_days: 365,
            language: 0.0,
            language_required: false,
            priority_factor: 0.0,
        };
        assert!(zero.validate().is_err());
        // Even unchecked zero weights never divide by zero.
        let mut c = ctx();
        c.weights = zero;
        assert_eq!(
            assess_pair(&participant(1, profile()), &buddy(2, profile()), &c).score,
            0.0
        );
    }

    #[test]
    fn a_full_score_is_exactly_100() {
        // Found by the property tests: 100 * w / w gave 100.00000000000001 for this weight.
        let w = Weights {
            interests: 0.0,
            personality: 0.0,
            availability: 3.364772305110048,
            distance: 0.0,
            age: 0.0,
            waiting: 0.0,
            waiting_full_days: 1,
            language: 0.0,
            language_required: true,
            priority_factor: 0.0,
        };
        assert_eq!(score_of(&[0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0], &w), 100.0);
        assert_eq!(score_of(&[1.0; 7], &Weights::default()), 100.0);
    }

    #[test]
    fn waiting_longer_raises_the_score_until_a_year() {
        let b = buddy(2, profile());
        let c = ctx();
        let score = |since| {
            let mut p = participant(1, profile());
            p.waiting_since = since;
            assess_pair(&p, &b, &c).score
        };
        let (new, half, year, two) = (
            score(date(2026, 3, 1)),
            score(date(2025, 9, 1)),
            score(date(2025, 3, 1)),
            score(date(2024, 3, 1)),
        );
        assert!(new < half && half < year);
        assert_eq!(year, two);
        // A date in the future counts as no waiting.
        assert_eq!(score(date(2026, 4, 1)), new);
    }
}

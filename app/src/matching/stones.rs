//! Stepping stones (*opstapjes*) for one waiting participant: the catalogue's offers that fit
//! them, best first, each with the reasons it was suggested. Pure, like the rest of the
//! engine; `crate::i18n::explain_stones` words the reasons.
//!
//! An offer is left out when (every rule is checked by a property test):
//! - it is hidden;
//! - it ended: `ends_on` before today;
//! - it starts more than [`START_HORIZON_DAYS`] ahead: a waiting person needs a step now, and
//!   the offer comes back into view in time;
//! - its place is further from the participant's municipality than their `max_travel_km`
//!   (municipality centres, as in matching; online offers are 0 km away; a place missing from
//!   the list, or a participant whose own place is missing, keeps the offer: unknown is
//!   neutral, not a reason to hide it);
//! - the participant's availability and the offer's moments are both known and never meet
//!   (an offer without moments takes place any time or by appointment);
//! - it lacks a facility the person needs (`SuggestFor::needs`, e.g. wheelchair access).
//!
//! The score 0..=100 is the weighted mean of four values 0..=1 (weights below; interests
//! count most, being able to go comes next):
//! - interests: shared interests out of [`ENOUGH_SHARED`] (or out of fewer, when the offer
//!   or the person lists fewer); neutral when either lists none;
//! - moments: the share of the offer's moments the person is free at (a course on Monday
//!   and Thursday needs both); 1 for any time or by appointment; neutral when the person's
//!   availability is unknown;
//! - distance: 1 at 0 km down to 0 at the person's limit; neutral when unknown, and for
//!   online offers (no travel, but meeting people in person is what a stepping stone is for);
//! - cost: 1 when free, down to 0 at [`COST_ZERO_CENTS`]; the UiTPAS price counts when the
//!   person has the pass.
//!
//! Ties are broken by offer id, so the same input always gives the same list.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::profile::{Availability, Slot};
use crate::domain::stepping_stone::{Access, Cost, Offer};
use crate::matching::assess::to_points;
use crate::matching::geo::distance_km;
use crate::matching::model::{Context, MatchProfile};

/// Weight of shared interests: what makes a person want to go.
pub const WEIGHT_INTERESTS: f64 = 5.0;
/// Weight of the offer's moments fitting the person's free moments.
pub const WEIGHT_MOMENTS: f64 = 1.5;
/// Weight of a short journey.
pub const WEIGHT_DISTANCE: f64 = 2.0;
/// Weight of a low price.
pub const WEIGHT_COST: f64 = 1.5;
/// Sum of the weights: the denominator of the weighted mean.
const WEIGHT_TOTAL: f64 = WEIGHT_INTERESTS + WEIGHT_MOMENTS + WEIGHT_DISTANCE + WEIGHT_COST;

/// Shared interests from which the interests value is full.
pub const ENOUGH_SHARED: usize = 2;
/// A price (what the person pays) from which the cost value is zero: € 50.
pub const COST_ZERO_CENTS: u32 = 5_000;
/// How far ahead an offer may start and still be suggested: about 6 months.
pub const START_HORIZON_DAYS: u64 = 183;
/// Value of a part that cannot be judged for lack of data: neither helps nor hurts.
const NEUTRAL: f64 = 0.5;

/// The person suggestions are made for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuggestFor {
    /// Interests, free moments, municipality and travel limit (the rest is not read).
    pub profile: MatchProfile,
    /// Has an UiTPAS with the reduction: the UiTPAS price is what they pay.
    pub uitpas: bool,
    /// Facilities the person cannot do without; offers lacking one are left out.
    pub needs: BTreeSet<Access>,
}

impl SuggestFor {
    /// A person without UiTPAS reduction and without special needs.
    pub fn new(profile: MatchProfile) -> Self {
        SuggestFor {
            profile,
            uitpas: false,
            needs: BTreeSet::new(),
        }
    }
}

impl From<MatchProfile> for SuggestFor {
    fn from(profile: MatchProfile) -> Self {
        SuggestFor::new(profile)
    }
}

/// Why an offer is suggested: data, worded by `crate::i18n::explain_stones`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Interests of the person the offer is about (names, at least one).
    SharedInterests {
        names: Vec<String>,
    },
    /// The offer's moments at which the person is free (at least one).
    SharedSlots {
        slots: Vec<Slot>,
    },
    /// The offer's moments, when the person's free moments are unknown.
    Moments {
        slots: Vec<Slot>,
    },
    /// No fixed moments: any time or by appointment.
    AnyTime,
    /// Starts later (within the horizon).
    Starts {
        on: NaiveDate,
    },
    /// Distance between the municipality centres (0: the person's own municipality).
    Distance {
        km: f64,
    },
    /// The place is missing from the municipality list (or the person's is).
    DistanceUnknown,
    Online,
    Free,
    /// The full price.
    Cost {
        cents: u32,
    },
    /// The price with UiTPAS reduction (0: free with UiTPAS).
    Uitpas {
        cents: u32,
    },
    /// A facility of the offer (needed ones are always among them).
    Accessible {
        access: Access,
    },
}

/// One suggested offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub offer_id: i64,
    /// 0..=100, unrounded.
    pub score: f64,
    /// In a fixed order: interests, moments, start, place, cost, facilities.
    pub reasons: Vec<Reason>,
}

impl Suggestion {
    /// The score as shown: a whole number 0..=100.
    pub fn points(&self) -> u8 {
        to_points(self.score)
    }
}

/// Where an offer is, seen from the person.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    Online,
    Km(f64),
    Unknown,
}

/// What is worked out once per person, not once per offer.
struct Prepared<'a> {
    person: &'a SuggestFor,
    today: NaiveDate,
    latest_start: NaiveDate,
    /// Km from the person's municipality to each listed one; empty when theirs is unlisted.
    km_to: BTreeMap<i64, f64>,
}

impl<'a> Prepared<'a> {
    fn new(person: &'a SuggestFor, ctx: &Context) -> Self {
        let home = person.profile.municipality_id;
        let km_to = match ctx.municipalities.get(&home) {
            None => BTreeMap::new(),
            Some(h) => ctx
                .municipalities
                .values()
                .map(|m| (m.id, distance_km(h.lat, h.lon, m.lat, m.lon)))
                .filter(|(_, km)| km.is_finite())
                .collect(),
        };
        Prepared {
            person,
            today: ctx.today,
            latest_start: ctx
                .today
                .checked_add_days(Days::new(START_HORIZON_DAYS))
                .unwrap_or(NaiveDate::MAX),
            km_to,
        }
    }

    fn place(&self, offer: &Offer) -> Place {
        match offer.municipality_id {
            None => Place::Online,
            Some(m) if m == self.person.profile.municipality_id => Place::Km(0.0),
            Some(m) => self
                .km_to
                .get(&m)
                .map_or(Place::Unknown, |&km| Place::Km(km)),
        }
    }

    /// The offer's place and the moments both are free at, if the offer passes every filter.
    fn fits(&self, offer: &Offer) -> Option<(Place, Availability)> {
        let p = &self.person.profile;
        if offer.hidden
            || offer.ends_on.is_some_and(|end| end < self.today)
            || offer.starts_on.is_some_and(|s| s > self.latest_start)
            || !self.person.needs.is_subset(&offer.accessibility)
        {
            return None;
        }
        let shared = p.availability.overlap(offer.slots);
        if shared.is_empty() && !p.availability.is_empty() && !offer.slots.is_empty() {
            return None;
        }
        let place = self.place(offer);
        if let Place::Km(km) = place
            && km > f64::from(p.max_travel_km)
        {
            return None;
        }
        Some((place, shared))
    }

    /// The four values 0..=1 (interests, moments, distance, cost) and the shared interest ids.
    fn values(&self, offer: &Offer, place: Place, shared: Availability) -> ([f64; 4], Vec<i64>) {
        let shared_interests: Vec<i64> = self
            .person
            .profile
            .interests
            .iter()
            .filter(|i| offer.interests.contains(i))
            .copied()
            .collect();
        let values = self.values_with(offer, place, shared, shared_interests.len());
        (values, shared_interests)
    }

    /// The four values, given how many interests are shared (no allocation: the waiting
    /// list asks this for every person and offer).
    fn values_with(
        &self,
        offer: &Offer,
        place: Place,
        shared: Availability,
        common: usize,
    ) -> [f64; 4] {
        let p = &self.person.profile;
        let interests = if p.interests.is_empty() || offer.interests.is_empty() {
            NEUTRAL
        } else {
            let enough = ENOUGH_SHARED
                .min(offer.interests.len())
                .min(p.interests.len());
            (common as f64 / enough as f64).min(1.0)
        };
        let moments = if offer.slots.is_empty() {
            1.0
        } else if p.availability.is_empty() {
            NEUTRAL
        } else {
            f64::from(shared.count()) / f64::from(offer.slots.count())
        };
        let distance = match place {
            Place::Online | Place::Unknown => NEUTRAL,
            Place::Km(km) => {
                let limit = f64::from(p.max_travel_km);
                if limit <= 0.0 {
                    if km < 0.5 { 1.0 } else { 0.0 }
                } else {
                    (1.0 - km / limit).clamp(0.0, 1.0)
                }
            }
        };
        let paid = offer.cost.cents_for(self.person.uitpas);
        let cost = 1.0 - f64::from(paid.min(COST_ZERO_CENTS)) / f64::from(COST_ZERO_CENTS);
        [interests, moments, distance, cost]
    }

    fn reasons(
        &self,
        offer: &Offer,
        place: Place,
        shared: Availability,
        shared_interests: &[i64],
        ctx: &Context,
    ) -> Vec<Reason> {
        let mut out = Vec::new();
        if !shared_interests.is_empty() {
            out.push(Reason::SharedInterests {
                names: shared_interests
                    .iter()
                    .map(|id| {
                        ctx.interest_names
                            .get(id)
                            .cloned()
                            .unwrap_or_else(|| format!("#{id}"))
                    })
                    .collect(),
            });
        }
        out.push(if offer.slots.is_empty() {
            Reason::AnyTime
        } else if self.person.profile.availability.is_empty() {
            Reason::Moments {
                slots: offer.slots.slots().collect(),
            }
        } else {
            Reason::SharedSlots {
                slots: shared.slots().collect(),
            }
        });
        if let Some(on) = offer.starts_on.filter(|on| *on > self.today) {
            out.push(Reason::Starts { on });
        }
        out.push(match place {
            Place::Online => Reason::Online,
            Place::Km(km) => Reason::Distance { km },
            Place::Unknown => Reason::DistanceUnknown,
        });
        match offer.cost {
            Cost::Free => out.push(Reason::Free),
            Cost::Amount {
                cents,
                uitpas_cents,
            } => {
                out.push(Reason::Cost { cents });
                if let Some(reduced) = uitpas_cents {
                    out.push(Reason::Uitpas {
                        cents: reduced.min(cents),
                    });
                }
            }
        }
        out.extend(
            offer
                .accessibility
                .iter()
                .map(|&access| Reason::Accessible { access }),
        );
        out
    }
}

/// The weighted mean of the four values as a 0–100 score.
fn score_of(values: &[f64; 4]) -> f64 {
    let weights = [
        WEIGHT_INTERESTS,
        WEIGHT_MOMENTS,
        WEIGHT_DISTANCE,
        WEIGHT_COST,
    ];
    let sum: f64 = weights.iter().zip(values).map(|(w, v)| w * v).sum();
    // Divide first, as in matching: the score never exceeds 100 by a rounding error.
    (100.0 * (sum / WEIGHT_TOTAL)).clamp(0.0, 100.0)
}

/// The offers that fit the person, best first (score, then offer id), with their reasons.
pub fn suggest(person: &SuggestFor, offers: &[Offer], ctx: &Context) -> Vec<Suggestion> {
    let prepared = Prepared::new(person, ctx);
    let mut out: Vec<Suggestion> = offers
        .iter()
        .filter_map(|offer| {
            let (place, shared) = prepared.fits(offer)?;
            let (values, shared_interests) = prepared.values(offer, place, shared);
            Some(Suggestion {
                offer_id: offer.id,
                score: score_of(&values),
                reasons: prepared.reasons(offer, place, shared, &shared_interests, ctx),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.offer_id.cmp(&b.offer_id))
    });
    out
}

/// For each person, the title of the offer that fits best and how many fit in all (people
/// whom nothing fits are left out): the waiting list's hint. The same filters, scores and
/// order as [`suggest`] (a test holds them equal), without wording the reasons: the list
/// asks this for every waiting person at once.
pub fn best_per_person(
    people: &[(i64, SuggestFor)],
    offers: &[Offer],
    ctx: &Context,
) -> BTreeMap<i64, (String, usize)> {
    people
        .iter()
        .filter_map(|(id, person)| {
            let prepared = Prepared::new(person, ctx);
            let mut best: Option<(f64, &Offer)> = None;
            let mut count = 0;
            for offer in offers {
                let Some((place, shared)) = prepared.fits(offer) else {
                    continue;
                };
                count += 1;
                let interests = &person.profile.interests;
                let common = interests
                    .iter()
                    .filter(|i| offer.interests.contains(i))
                    .count();
                let score = score_of(&prepared.values_with(offer, place, shared, common));
                let better =
                    best.is_none_or(|(s, o)| score.total_cmp(&s).then(o.id.cmp(&offer.id)).is_gt());
                if better {
                    best = Some((score, offer));
                }
            }
            best.map(|(_, o)| (*id, (o.title.clone(), count)))
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::profile::DayPart;
    use crate::domain::stepping_stone::OfferKind;
    use crate::matching::assess::tests::{LIER, MECHELEN, ctx, date, profile, sat_pm};
    use chrono::Weekday;

    pub(crate) fn tue_pm() -> Slot {
        Slot::new(Weekday::Tue, DayPart::Afternoon)
    }

    /// A free walk in Mechelen on Saturday afternoon about walking and cooking.
    pub(crate) fn offer(id: i64) -> Offer {
        Offer {
            id,
            provider: "Wandelclub".into(),
            title: format!("Wandeling {id}"),
            kind: OfferKind::Walk,
            description: String::new(),
            municipality_id: Some(MECHELEN),
            address: String::new(),
            slots: Availability::from_slots([sat_pm()]),
            starts_on: None,
            ends_on: None,
            cost: Cost::Free,
            accessibility: BTreeSet::new(),
            interests: vec![1, 3],
            contact: String::new(),
            link: String::new(),
            last_checked: date(2026, 1, 1),
            hidden: false,
        }
    }

    /// The person of `assess::tests::profile`: Mechelen, 10 km, Saturday afternoon, interests
    /// wandelen, film, koken.
    fn person() -> SuggestFor {
        SuggestFor::new(profile())
    }

    /// Equal up to floating-point rounding.
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn ids(list: &[Suggestion]) -> Vec<i64> {
        list.iter().map(|s| s.offer_id).collect()
    }

    #[test]
    fn the_waiting_list_hint_agrees_with_the_full_suggestions() {
        let c = ctx();
        let mut offers: Vec<Offer> = (1..=40).map(offer).collect();
        for (i, o) in offers.iter_mut().enumerate() {
            o.interests = vec![1 + (i as i64 % 5)];
            o.slots = Availability::from_slots([if i % 3 == 0 { tue_pm() } else { sat_pm() }]);
            o.cost = if i % 4 == 0 {
                Cost::Free
            } else {
                Cost::Amount {
                    cents: 100 * i as u32,
                    uitpas_cents: None,
                }
            };
            o.hidden = i % 7 == 0;
        }
        let mut busy = person();
        busy.profile.availability = Availability::from_slots([tue_pm()]);
        let people = [(1, person()), (2, busy)];
        let hints = best_per_person(&people, &offers, &c);
        for (id, p) in &people {
            let full = suggest(p, &offers, &c);
            let title = offers
                .iter()
                .find(|o| o.id == full[0].offer_id)
                .unwrap()
                .title
                .clone();
            assert_eq!(hints.get(id), Some(&(title, full.len())));
        }
    }

    #[test]
    fn the_waiting_list_hint_names_the_best_offer_and_counts_the_rest() {
        let mut worse = offer(2);
        worse.interests = vec![9];
        let mut busy = person();
        busy.profile.availability = Availability::from_slots([tue_pm()]);
        let people = [(7, person()), (8, busy)];
        let hints = best_per_person(&people, &[worse, offer(1)], &ctx());
        assert_eq!(hints.get(&7), Some(&("Wandeling 1".to_owned(), 2)));
        assert_eq!(hints.get(&8), None, "free only when nothing takes place");
    }

    #[test]
    fn a_perfect_offer_scores_100_and_says_why() {
        let s = suggest(&person(), &[offer(1)], &ctx());
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].score, 100.0);
        assert_eq!(s[0].points(), 100);
        assert_eq!(
            s[0].reasons,
            vec![
                Reason::SharedInterests {
                    names: vec!["wandelen".into(), "koken".into()]
                },
                Reason::SharedSlots {
                    slots: vec![sat_pm()]
                },
                Reason::Distance { km: 0.0 },
                Reason::Free,
            ]
        );
    }

    #[test]
    fn every_part_lowers_the_score_by_its_weight() {
        let c = ctx();
        let score = |o: Offer, p: &SuggestFor| suggest(p, &[o], &c)[0].score;
        // One of two shared interests: half the interests weight lost.
        let mut o = offer(1);
        o.interests = vec![1, 4];
        let mut p = person();
        p.profile.interests = vec![1, 2];
        assert!(close(score(o, &p), 100.0 - 10.0 * WEIGHT_INTERESTS / 2.0));
        // Free at one of two moments.
        let mut o = offer(1);
        o.slots = o.slots.with(tue_pm());
        assert!(close(
            score(o, &person()),
            100.0 - 10.0 * WEIGHT_MOMENTS / 2.0
        ));
        // € 25: half the cost weight; € 100: all of it; with UiTPAS only what one pays counts.
        let mut o = offer(1);
        o.cost = Cost::Amount {
            cents: 10_000,
            uitpas_cents: Some(2_500),
        };
        assert!(close(
            score(o.clone(), &person()),
            100.0 - 10.0 * WEIGHT_COST
        ));
        let mut with_pass = person();
        with_pass.uitpas = true;
        assert!(close(
            score(o, &with_pass),
            100.0 - 10.0 * WEIGHT_COST / 2.0
        ));
        // Online and unknown places are neutral.
        let mut o = offer(1);
        o.municipality_id = None;
        assert!(close(
            score(o, &person()),
            100.0 - 10.0 * WEIGHT_DISTANCE / 2.0
        ));
        let mut o = offer(1);
        o.municipality_id = Some(999);
        assert!(close(
            score(o, &person()),
            100.0 - 10.0 * WEIGHT_DISTANCE / 2.0
        ));
    }

    #[test]
    fn the_weights_add_up_to_ten() {
        assert_eq!(WEIGHT_TOTAL, 10.0);
    }

    #[test]
    fn hidden_ended_and_far_future_offers_are_left_out() {
        let c = ctx(); // 1 March 2026
        let mut hidden = offer(1);
        hidden.hidden = true;
        let mut ended = offer(2);
        ended.ends_on = Some(date(2026, 2, 28));
        let mut ends_today = offer(3);
        ends_today.ends_on = Some(date(2026, 3, 1));
        let mut later = offer(4);
        later.starts_on = Some(date(2026, 8, 31)); // 183 days ahead
        let mut too_late = offer(5);
        too_late.starts_on = Some(date(2026, 9, 1));
        let s = suggest(&person(), &[hidden, ended, ends_today, later, too_late], &c);
        assert_eq!(ids(&s), vec![3, 4]);
        assert!(s[1].reasons.contains(&Reason::Starts {
            on: date(2026, 8, 31)
        }));
    }

    #[test]
    fn the_travel_limit_counts_and_online_is_never_too_far() {
        let c = ctx();
        let mut lier = offer(1);
        lier.municipality_id = Some(LIER); // about 13 km from Mechelen
        let mut online = offer(2);
        online.municipality_id = None;
        let mut unknown = offer(3);
        unknown.municipality_id = Some(999);
        let offers = [lier, online, unknown];
        let mut p = person();
        assert_eq!(ids(&suggest(&p, &offers, &c)), vec![2, 3]);
        p.profile.max_travel_km = 14;
        let s = suggest(&p, &offers, &c);
        assert_eq!(ids(&s), vec![2, 3, 1]);
        assert!(s.iter().any(|s| s.reasons.contains(&Reason::Online)));
        assert!(
            s.iter()
                .any(|s| s.reasons.contains(&Reason::DistanceUnknown))
        );
        // A person whose own place is unlisted keeps every offer, neutral on distance.
        p.profile.municipality_id = 999;
        p.profile.max_travel_km = 0;
        assert_eq!(suggest(&p, &offers, &c).len(), 3);
        // A limit of 0 km still allows the own municipality.
        let mut p = person();
        p.profile.max_travel_km = 0;
        assert_eq!(ids(&suggest(&p, &[offer(7)], &c)), vec![7]);
    }

    #[test]
    fn moments_must_meet_when_both_are_known() {
        let c = ctx();
        let mut tuesday = offer(1);
        tuesday.slots = Availability::from_slots([tue_pm()]);
        let mut any_time = offer(2);
        any_time.slots = Availability::NONE;
        let offers = [tuesday, any_time];
        let s = suggest(&person(), &offers, &c);
        assert_eq!(ids(&s), vec![2]);
        assert!(s[0].reasons.contains(&Reason::AnyTime));
        // Free moments unknown: both stay, the fixed one neutral on moments.
        let mut p = person();
        p.profile.availability = Availability::NONE;
        let s = suggest(&p, &offers, &c);
        assert_eq!(ids(&s), vec![2, 1]);
        assert!(s[1].reasons.contains(&Reason::Moments {
            slots: vec![tue_pm()]
        }));
    }

    #[test]
    fn needs_are_hard_and_facilities_are_listed() {
        let c = ctx();
        let mut ramp = offer(1);
        ramp.accessibility = [Access::Wheelchair, Access::AloneOk].into();
        let stairs = offer(2);
        let mut p = person();
        assert_eq!(
            ids(&suggest(&p, &[ramp.clone(), stairs.clone()], &c)),
            vec![1, 2]
        );
        p.needs = [Access::Wheelchair].into();
        let s = suggest(&p, &[ramp, stairs], &c);
        assert_eq!(ids(&s), vec![1]);
        assert_eq!(
            s[0].reasons[s[0].reasons.len() - 2..],
            [
                Reason::Accessible {
                    access: Access::Wheelchair
                },
                Reason::Accessible {
                    access: Access::AloneOk
                }
            ]
        );
    }

    #[test]
    fn prices_are_listed_with_the_uitpas_price() {
        let mut o = offer(1);
        o.cost = Cost::Amount {
            cents: 600,
            uitpas_cents: Some(150),
        };
        let s = suggest(&person(), &[o], &ctx());
        assert_eq!(
            s[0].reasons[s[0].reasons.len() - 2..],
            [Reason::Cost { cents: 600 }, Reason::Uitpas { cents: 150 }]
        );
    }

    #[test]
    fn better_first_then_by_id() {
        let c = ctx();
        let mut dear = offer(1);
        dear.cost = Cost::Amount {
            cents: 2_000,
            uitpas_cents: None,
        };
        let s = suggest(&person(), &[offer(9), dear, offer(4)], &c);
        assert_eq!(ids(&s), vec![4, 9, 1]);
        assert!(s[0].score == s[1].score && s[1].score > s[2].score);
        assert!(suggest(&person(), &[], &c).is_empty());
    }

    #[test]
    fn no_interests_is_neutral() {
        let mut o = offer(1);
        o.interests.clear();
        let s = suggest(&person(), &[o], &ctx());
        assert!(close(s[0].score, 100.0 - 10.0 * WEIGHT_INTERESTS / 2.0));
        assert!(
            !s[0]
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::SharedInterests { .. }))
        );
        // No shared interest at all: still suggested, lower.
        let mut o = offer(2);
        o.interests = vec![4];
        let s = suggest(&person(), &[o], &ctx());
        assert!(close(s[0].score, 100.0 - 10.0 * WEIGHT_INTERESTS));
    }
}

/// Property tests of the suggestions: the promises of the module documentation on random
/// people and catalogues.
#[cfg(test)]
mod proptests {
    use super::tests::offer as base_offer;
    use super::*;
    use crate::domain::profile::Slot;
    use crate::domain::stepping_stone::OfferKind;
    use crate::matching::assess::tests::{ctx, date, profile as base_profile};
    use chrono::Duration;
    use proptest::collection::{btree_set, vec};
    use proptest::option;
    use proptest::prelude::*;
    use proptest::sample::select;

    fn today() -> NaiveDate {
        date(2026, 3, 1)
    }

    /// A week grid: empty now and then (unknown, or any time), else a few slots.
    fn grid() -> impl Strategy<Value = Availability> {
        prop_oneof![
            1 => Just(Availability::NONE),
            3 => btree_set(0..Availability::SLOTS, 1..6).prop_map(|s| {
                Availability::from_slots(s.into_iter().filter_map(Slot::from_index))
            }),
        ]
    }

    /// The 26 listed municipalities, and now and then one missing from the list.
    fn municipality() -> impl Strategy<Value = i64> {
        prop_oneof![9 => 1..=26i64, 1 => Just(999i64)]
    }

    fn access() -> impl Strategy<Value = Access> {
        select(Access::ALL.to_vec())
    }

    fn person() -> impl Strategy<Value = SuggestFor> {
        (
            municipality(),
            0..40u32,
            btree_set(1..=6i64, 0..4),
            grid(),
            any::<bool>(),
            prop_oneof![3 => Just(BTreeSet::new()), 1 => btree_set(access(), 1..=2)],
        )
            .prop_map(
                |(municipality_id, max_travel_km, interests, availability, uitpas, needs)| {
                    let mut profile = base_profile();
                    profile.municipality_id = municipality_id;
                    profile.max_travel_km = max_travel_km;
                    profile.interests = interests.into_iter().collect();
                    profile.availability = availability;
                    SuggestFor {
                        profile,
                        uitpas,
                        needs,
                    }
                },
            )
    }

    fn cost() -> impl Strategy<Value = Cost> {
        prop_oneof![
            1 => Just(Cost::Free),
            2 => (1..8_000u32, option::of(0..=1u32)).prop_map(|(cents, reduce)| Cost::Amount {
                cents,
                uitpas_cents: reduce.map(|r| r * cents / 4),
            }),
        ]
    }

    fn day() -> impl Strategy<Value = Option<NaiveDate>> {
        option::of((-100..300i64).prop_map(|d| today() + Duration::days(d)))
    }

    /// An offer's contents; its id is set by `offers`.
    fn offer() -> impl Strategy<Value = Offer> {
        (
            (
                prop_oneof![1 => Just(None), 5 => municipality().prop_map(Some)],
                grid(),
                day(),
                day(),
            ),
            (
                cost(),
                btree_set(access(), 0..=4),
                btree_set(1..=6i64, 0..4),
                prop::bool::weighted(0.1),
                select(OfferKind::ALL.to_vec()),
            ),
        )
            .prop_map(
                |(
                    (municipality_id, slots, starts_on, ends_on),
                    (cost, accessibility, interests, hidden, kind),
                )| Offer {
                    municipality_id,
                    slots,
                    starts_on,
                    ends_on,
                    cost,
                    accessibility,
                    interests: interests.into_iter().collect(),
                    hidden,
                    kind,
                    ..base_offer(0)
                },
            )
    }

    /// Offers with distinct ids (not in order, with gaps), sharing a few contents so that equal
    /// scores come up and the tie-break is put to work.
    fn offers() -> impl Strategy<Value = Vec<Offer>> {
        (vec(offer(), 1..=8), 0..=60usize)
            .prop_flat_map(|(contents, n)| {
                (
                    vec(select(contents), n),
                    Just((1..=n as i64).map(|i| i * 3).collect::<Vec<_>>()).prop_shuffle(),
                )
            })
            .prop_map(|(list, ids)| {
                list.into_iter()
                    .zip(ids)
                    .map(|(o, id)| Offer { id, ..o })
                    .collect()
            })
    }

    /// The list, and the same list in a random order.
    fn with_shuffled() -> impl Strategy<Value = (Vec<Offer>, Vec<Offer>)> {
        offers().prop_flat_map(|l| (Just(l.clone()), Just(l).prop_shuffle()))
    }

    /// Km between the person's and the offer's municipality, worked out afresh; `None` when
    /// unknown; 0 when online or the same.
    fn km(person: &SuggestFor, offer: &Offer, c: &Context) -> Option<f64> {
        let Some(m) = offer.municipality_id else {
            return Some(0.0);
        };
        if m == person.profile.municipality_id {
            return Some(0.0);
        }
        let a = c.municipalities.get(&person.profile.municipality_id)?;
        let b = c.municipalities.get(&m)?;
        Some(distance_km(a.lat, a.lon, b.lat, b.lon))
    }

    /// The filters of the module documentation, written out again independently.
    fn should_be_suggested(person: &SuggestFor, o: &Offer, c: &Context) -> bool {
        let p = &person.profile;
        let both_known = !p.availability.is_empty() && !o.slots.is_empty();
        !o.hidden
            && o.ends_on.is_none_or(|e| e >= c.today)
            && o.starts_on
                .is_none_or(|s| (s - c.today).num_days() <= START_HORIZON_DAYS as i64)
            && km(person, o, c).is_none_or(|km| km <= f64::from(p.max_travel_km))
            && (!both_known || p.availability.overlap(o.slots).count() > 0)
            && person.needs.iter().all(|n| o.accessibility.contains(n))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Same input, same output; the catalogue's order does not matter either.
        #[test]
        fn suggestions_are_deterministic((offers, shuffled) in with_shuffled(), p in person()) {
            let c = ctx();
            let first = suggest(&p, &offers, &c);
            prop_assert_eq!(&first, &suggest(&p, &offers, &c));
            prop_assert_eq!(&first, &suggest(&p, &shuffled, &c));
        }

        /// Best score first; equal scores by ascending offer id.
        #[test]
        fn suggestions_are_sorted_by_score_then_id(offers in offers(), p in person()) {
            let s = suggest(&p, &offers, &ctx());
            for w in s.windows(2) {
                prop_assert!(
                    w[0].score > w[1].score
                        || (w[0].score == w[1].score && w[0].offer_id < w[1].offer_id),
                    "{:?} before {:?}", (w[0].offer_id, w[0].score), (w[1].offer_id, w[1].score)
                );
                prop_assert!(w[0].points() >= w[1].points());
            }
        }

        /// Exactly the offers that pass the filters: never a hidden one, one past its end date,
        /// one starting beyond the horizon, one outside the travel distance, one at moments the
        /// person is never free, one lacking a needed facility; and every other one.
        #[test]
        fn exactly_the_fitting_offers_are_suggested(offers in offers(), p in person()) {
            let c = ctx();
            let s = suggest(&p, &offers, &c);
            let by_id: BTreeMap<i64, &Offer> = offers.iter().map(|o| (o.id, o)).collect();
            for sug in &s {
                let o = by_id[&sug.offer_id];
                prop_assert!(!o.hidden);
                prop_assert!(o.ends_on.is_none_or(|e| e >= c.today), "ended {:?}", o.ends_on);
                if let Some(km) = km(&p, o, &c) {
                    prop_assert!(km <= f64::from(p.profile.max_travel_km), "{} km", km);
                }
                prop_assert!(should_be_suggested(&p, o, &c));
            }
            let got: BTreeSet<i64> = s.iter().map(|x| x.offer_id).collect();
            prop_assert_eq!(got.len(), s.len(), "an offer suggested twice");
            let expected: BTreeSet<i64> = offers
                .iter()
                .filter(|o| should_be_suggested(&p, o, &c))
                .map(|o| o.id)
                .collect();
            prop_assert_eq!(got, expected);
        }

        /// Scores are finite and within 0..=100, and the reasons come with them.
        #[test]
        fn scores_are_within_0_and_100(offers in offers(), p in person()) {
            for s in suggest(&p, &offers, &ctx()) {
                prop_assert!(s.score.is_finite() && (0.0..=100.0).contains(&s.score), "{}", s.score);
                prop_assert!(s.points() <= 100);
                // Moments and place are always said.
                prop_assert!(s.reasons.len() >= 3, "{:?}", s.reasons);
            }
        }

        /// Making an offer free, or about one more of the person's interests, never lowers it.
        #[test]
        fn free_and_more_shared_interests_never_score_lower(o in offer(), p in person()) {
            let c = ctx();
            let Some(before) = suggest(&p, std::slice::from_ref(&o), &c).pop() else {
                return Ok(());
            };
            let free = Offer { cost: Cost::Free, ..o.clone() };
            prop_assert!(suggest(&p, &[free], &c)[0].score >= before.score);
            if let Some(extra) = p.profile.interests.iter().find(|i| !o.interests.contains(i)) {
                let mut more = o.clone();
                more.interests.push(*extra);
                more.interests.sort_unstable();
                let after = suggest(&p, &[more], &c)[0].score;
                prop_assert!(after >= before.score - 1e-9, "{} < {}", after, before.score);
            }
        }
    }
}

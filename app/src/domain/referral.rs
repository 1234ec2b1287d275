//! A referral: a coordinator offered a waiting participant a stepping stone, and a few weeks
//! later asks how it went. `ReferralForm::check` accepts only an offer that can still be
//! joined; `FollowUpForm::check` the outcome (with a coded reason when the person did not go).
//! Pure code: the browser checks as the server does.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::people::FieldProblem;
use super::stepping_stone::Offer;
use super::validation::{Problem, date_until, text};

/// Weeks after a referral when the follow-up conversation falls due, unless the admins set
/// another number.
pub const DEFAULT_FOLLOW_UP_WEEKS: u32 = 3;
/// Longest follow-up note.
pub const NOTE_MAX: usize = 500;

crate::coded! {
    /// How the stepping stone was offered.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ReferralWay {
        /// Told about it in a conversation.
        Told = "told",
        /// Given a brochure or the take-home sheet.
        Brochure = "brochure",
        /// Someone goes along the first time.
        Accompanied = "accompanied",
    }
}

crate::coded! {
    /// What came of it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Outcome {
        /// Went and keeps going.
        Continues = "continues",
        WentOnce = "went_once",
        DidNotGo = "did_not_go",
    }
}

crate::coded! {
    /// Why someone did not go.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum NotGoing {
        TooFar = "too_far",
        TooExpensive = "too_expensive",
        Anxious = "anxious",
        NotInterested = "not_interested",
        Timing = "timing",
        Other = "other",
    }
}

/// The refer form: which offer, how, and when (blank: today).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferralForm {
    pub stone: String,
    pub way: String,
    pub on: String,
}

/// A checked referral.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReferral {
    pub stone_id: i64,
    pub way: ReferralWay,
    pub on: NaiveDate,
    /// When the follow-up conversation falls due.
    pub follow_up_on: NaiveDate,
}

/// When the follow-up of a referral made `on` falls due.
pub fn follow_up_due(on: NaiveDate, weeks: u32) -> NaiveDate {
    on.checked_add_days(Days::new(u64::from(weeks) * 7))
        .unwrap_or(NaiveDate::MAX)
}

impl ReferralForm {
    /// `offers`: the catalogue as stored (hidden entries too, so that referring to one is a
    /// message rather than an unknown id).
    pub fn check(
        &self,
        today: NaiveDate,
        weeks: u32,
        offers: &[Offer],
    ) -> Result<NewReferral, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let on = date_until(&self.on, today)
            .map_err(|p| problems.push(("on".into(), p)))
            .ok();
        let offer = self
            .stone
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|id| offers.iter().find(|o| o.id == id));
        let stone_id = match offer {
            None => {
                let p = match self.stone.trim() {
                    "" => Problem::Required,
                    _ => Problem::Invalid,
                };
                problems.push(("stone".into(), p));
                None
            }
            // Hidden, or over by the day of the referral: nobody can join it any more.
            Some(o) if o.hidden || on.is_some_and(|d| o.has_ended(d)) => {
                problems.push(("stone".into(), Problem::Invalid));
                None
            }
            Some(o) => Some(o.id),
        };
        let way = match self.way.trim() {
            "" => Some(ReferralWay::Told),
            w => ReferralWay::from_code(w).or_else(|| {
                problems.push(("way".into(), Problem::Invalid));
                None
            }),
        };
        match (stone_id, way, on) {
            (Some(stone_id), Some(way), Some(on)) if problems.is_empty() => Ok(NewReferral {
                stone_id,
                way,
                on,
                follow_up_on: follow_up_due(on, weeks),
            }),
            _ => Err(problems),
        }
    }
}

/// The follow-up form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUpForm {
    pub outcome: String,
    /// A `NotGoing` code; needed when the outcome is "did not go", ignored otherwise.
    pub reason: String,
    pub note: String,
    /// Blank: today.
    pub on: String,
}

/// A recorded follow-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub outcome: Outcome,
    pub reason: Option<NotGoing>,
    pub note: String,
    pub on: NaiveDate,
}

impl FollowUpForm {
    /// A follow-up lies between the referral and today.
    pub fn check(
        &self,
        referred_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<FollowUp, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let outcome = match self.outcome.trim() {
            "" => {
                problems.push(("outcome".into(), Problem::Required));
                None
            }
            o => Outcome::from_code(o).or_else(|| {
                problems.push(("outcome".into(), Problem::Invalid));
                None
            }),
        };
        let reason = match (outcome, self.reason.trim()) {
            (Some(Outcome::DidNotGo), "") => {
                problems.push(("reason".into(), Problem::Required));
                None
            }
            (Some(Outcome::DidNotGo), r) => NotGoing::from_code(r).or_else(|| {
                problems.push(("reason".into(), Problem::Invalid));
                None
            }),
            _ => None,
        };
        let note = text(&self.note, 0, NOTE_MAX)
            .map_err(|p| problems.push(("note".into(), p)))
            .unwrap_or_default();
        let on = match date_until(&self.on, today) {
            Ok(d) if d < referred_on => {
                problems.push(("on".into(), Problem::Invalid));
                None
            }
            Ok(d) => Some(d),
            Err(p) => {
                problems.push(("on".into(), p));
                None
            }
        };
        match (outcome, on) {
            (Some(outcome), Some(on)) if problems.is_empty() => Ok(FollowUp {
                outcome,
                reason,
                note,
                on,
            }),
            _ => Err(problems),
        }
    }
}

/// A referral as pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferralView {
    pub id: i32,
    pub participant_id: i32,
    /// The participant's full name (for the coordinator's home).
    pub participant_name: String,
    pub stone_id: i64,
    pub stone_title: String,
    pub provider: String,
    pub way: ReferralWay,
    pub on: NaiveDate,
    pub follow_up_on: NaiveDate,
    pub follow_up: Option<FollowUp>,
    pub version: i32,
}

impl ReferralView {
    /// Waiting for its follow-up conversation on `today`.
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.follow_up.is_none() && self.follow_up_on <= today
    }
}

/// The take-home sheet: the participant's chosen stepping stones and whom to call, and
/// nothing else about them but their first name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoneSheet {
    pub first_name: String,
    pub programme: String,
    /// The programme's phone number; blank when the admins gave none.
    pub phone: String,
    /// Each offer with the name of its municipality (`None`: online).
    pub stones: Vec<(Offer, Option<String>)>,
}

/// The offers a sheet lists: those referred to, once each, in the order of the referrals
/// (newest first), leaving out those the person did not go to.
pub fn chosen(referrals: &[ReferralView]) -> Vec<i64> {
    let mut ids: Vec<i64> = Vec::new();
    for r in referrals {
        let declined = r
            .follow_up
            .as_ref()
            .is_some_and(|f| f.outcome == Outcome::DidNotGo);
        if !declined && !ids.contains(&r.stone_id) {
            ids.push(r.stone_id);
        }
    }
    ids
}

/// One referral as the figures count it: no person in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralFact {
    pub stone_id: i64,
    pub on: NaiveDate,
    pub outcome: Option<Outcome>,
    pub reason: Option<NotGoing>,
}

/// What the programme learns from its referrals to one offer (or one kind of offer).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub referred: u32,
    /// Went once or more (`continues` included).
    pub went: u32,
    pub continues: u32,
    pub did_not_go: u32,
    /// Not followed up yet.
    pub open: u32,
    /// Why people did not go, by reason.
    pub reasons: std::collections::BTreeMap<NotGoing, u32>,
    pub last_referred: Option<NaiveDate>,
}

impl Tally {
    fn add(&mut self, f: &ReferralFact) {
        self.referred += 1;
        match f.outcome {
            None => self.open += 1,
            Some(Outcome::Continues) => {
                self.went += 1;
                self.continues += 1;
            }
            Some(Outcome::WentOnce) => self.went += 1,
            Some(Outcome::DidNotGo) => {
                self.did_not_go += 1;
                *self
                    .reasons
                    .entry(f.reason.unwrap_or(NotGoing::Other))
                    .or_default() += 1;
            }
        }
        self.last_referred = self.last_referred.max(Some(f.on));
    }

    /// Adds another tally to this one (offers of one kind).
    pub fn merge(&mut self, other: &Tally) {
        self.referred += other.referred;
        self.went += other.went;
        self.continues += other.continues;
        self.did_not_go += other.did_not_go;
        self.open += other.open;
        for (reason, n) in &other.reasons {
            *self.reasons.entry(*reason).or_default() += n;
        }
        self.last_referred = self.last_referred.max(other.last_referred);
    }

    /// No referral in the year before `today`, for an offer in the catalogue since `added_on`
    /// (a new offer is not quiet until it has been there a year).
    pub fn quiet_for_a_year(&self, added_on: NaiveDate, today: NaiveDate) -> bool {
        let year_ago = today
            .checked_sub_days(Days::new(365))
            .unwrap_or(NaiveDate::MIN);
        self.last_referred.unwrap_or(added_on).max(added_on) < year_ago
    }
}

/// The referrals counted per offer.
pub fn tally(facts: &[ReferralFact]) -> std::collections::BTreeMap<i64, Tally> {
    let mut per: std::collections::BTreeMap<i64, Tally> = Default::default();
    for f in facts {
        per.entry(f.stone_id).or_default().add(f);
    }
    per
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stepping_stone::{Cost, OfferKind};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn offer(id: i64) -> Offer {
        Offer {
            id,
            provider: "Herstelacademie".into(),
            title: "Omgaan met angst".into(),
            kind: OfferKind::RecoveryAcademy,
            description: String::new(),
            municipality_id: Some(1),
            address: String::new(),
            slots: Default::default(),
            starts_on: None,
            ends_on: None,
            cost: Cost::Free,
            accessibility: Default::default(),
            interests: vec![],
            contact: String::new(),
            link: String::new(),
            last_checked: day(1),
            hidden: false,
        }
    }

    fn refer(stone: &str, way: &str, on: &str) -> ReferralForm {
        ReferralForm {
            stone: stone.into(),
            way: way.into(),
            on: on.into(),
        }
    }

    fn fields(e: Vec<FieldProblem>) -> Vec<String> {
        e.into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn a_referral_names_an_offer_that_can_still_be_joined() {
        let mut ended = offer(2);
        ended.ends_on = Some(day(9));
        let mut hidden = offer(3);
        hidden.hidden = true;
        let offers = [offer(1), ended, hidden];
        let ok = refer("1", "", "").check(day(10), 3, &offers).unwrap();
        assert_eq!(
            (ok.stone_id, ok.way, ok.on, ok.follow_up_on),
            (1, ReferralWay::Told, day(10), day(31))
        );
        // Referred on the day before it ended: fine, it still ran then.
        assert!(
            refer("2", "brochure", "2026-03-09")
                .check(day(10), 3, &offers)
                .is_ok()
        );
        for (form, field) in [
            (refer("2", "", ""), "stone"),
            (refer("3", "", ""), "stone"),
            (refer("99", "", ""), "stone"),
            (refer("", "", ""), "stone"),
            (refer("1", "carried", ""), "way"),
            (refer("1", "", "2026-03-11"), "on"),
            (refer("1", "", "maandag"), "on"),
        ] {
            assert_eq!(
                fields(form.check(day(10), 3, &offers).unwrap_err()),
                [field],
                "{form:?}"
            );
        }
    }

    #[test]
    fn a_follow_up_lies_between_the_referral_and_today_and_says_why_not() {
        let form = |outcome: &str, reason: &str, on: &str| FollowUpForm {
            outcome: outcome.into(),
            reason: reason.into(),
            note: "Vond het fijn.".into(),
            on: on.into(),
        };
        let ok = form("continues", "anxious", "")
            .check(day(1), day(20))
            .unwrap();
        assert_eq!(
            (ok.outcome, ok.reason, ok.on),
            (Outcome::Continues, None, day(20))
        );
        let no = form("did_not_go", "too_far", "2026-03-05")
            .check(day(1), day(20))
            .unwrap();
        assert_eq!(no.reason, Some(NotGoing::TooFar));
        for (f, field) in [
            (form("did_not_go", "", ""), "reason"),
            (form("did_not_go", "lazy", ""), "reason"),
            (form("", "", ""), "outcome"),
            (form("maybe", "", ""), "outcome"),
            (form("went_once", "", "2026-02-28"), "on"),
            (form("went_once", "", "2026-03-21"), "on"),
        ] {
            assert_eq!(
                fields(f.check(day(1), day(20)).unwrap_err()),
                [field],
                "{f:?}"
            );
        }
        let long = FollowUpForm {
            note: "x".repeat(NOTE_MAX + 1),
            ..form("went_once", "", "")
        };
        assert_eq!(fields(long.check(day(1), day(20)).unwrap_err()), ["note"]);
    }

    #[test]
    fn a_referral_is_due_once_its_day_comes_until_it_is_followed_up() {
        let mut r = ReferralView {
            id: 1,
            participant_id: 1,
            participant_name: "Mira".into(),
            stone_id: 1,
            stone_title: "x".into(),
            provider: "y".into(),
            way: ReferralWay::Told,
            on: day(1),
            follow_up_on: day(22),
            follow_up: None,
            version: 1,
        };
        assert!(!r.is_due(day(21)));
        assert!(r.is_due(day(22)));
        r.follow_up = Some(FollowUp {
            outcome: Outcome::WentOnce,
            reason: None,
            note: String::new(),
            on: day(22),
        });
        assert!(!r.is_due(day(30)));
    }

    #[test]
    fn the_sheet_lists_each_chosen_offer_once_and_not_the_declined_ones() {
        let view = |id: i32, stone: i64, outcome: Option<Outcome>| ReferralView {
            id,
            participant_id: 1,
            participant_name: String::new(),
            stone_id: stone,
            stone_title: String::new(),
            provider: String::new(),
            way: ReferralWay::Told,
            on: day(1),
            follow_up_on: day(22),
            follow_up: outcome.map(|outcome| FollowUp {
                outcome,
                reason: None,
                note: String::new(),
                on: day(22),
            }),
            version: 1,
        };
        let list = [
            view(4, 7, None),
            view(3, 5, Some(Outcome::DidNotGo)),
            view(2, 7, Some(Outcome::WentOnce)),
            view(1, 9, Some(Outcome::Continues)),
        ];
        assert_eq!(chosen(&list), [7, 9]);
    }

    #[test]
    fn referrals_are_counted_per_offer_with_the_reasons_for_not_going() {
        let fact =
            |stone: i64, d: u32, outcome: Option<Outcome>, reason: Option<NotGoing>| ReferralFact {
                stone_id: stone,
                on: day(d),
                outcome,
                reason,
            };
        let per = tally(&[
            fact(1, 1, Some(Outcome::Continues), None),
            fact(1, 2, Some(Outcome::WentOnce), None),
            fact(1, 3, Some(Outcome::DidNotGo), Some(NotGoing::TooFar)),
            fact(1, 4, None, None),
            fact(2, 5, Some(Outcome::DidNotGo), Some(NotGoing::TooFar)),
        ]);
        let one = &per[&1];
        assert_eq!(
            (
                one.referred,
                one.went,
                one.continues,
                one.did_not_go,
                one.open
            ),
            (4, 2, 1, 1, 1)
        );
        assert_eq!(one.last_referred, Some(day(4)));
        let mut kind = one.clone();
        kind.merge(&per[&2]);
        assert_eq!((kind.referred, kind.did_not_go), (5, 2));
        assert_eq!(kind.reasons[&NotGoing::TooFar], 2);
        assert!(!kind.quiet_for_a_year(day(1), day(20)));
        let later = NaiveDate::from_ymd_opt(2027, 3, 6).unwrap();
        assert!(kind.quiet_for_a_year(day(1), later));
        let never = Tally::default();
        assert!(
            !never.quiet_for_a_year(day(1), day(20)),
            "new in the catalogue"
        );
        assert!(
            never.quiet_for_a_year(day(1), later),
            "a year without a referral"
        );
    }
}

//! A stepping stone (*opstapje*): a real offer of the regional leisure offer (a Herstelacademie
//! course, Vormingplus, a sports club, a walking group, a café, volunteering) that the
//! coordinator can refer a waiting participant to. `Offer` is the catalogue entry as the
//! suggestion engine (`crate::matching::stones`) and the pages see it; `OfferForm` is what the
//! catalogue's form sends, and `OfferForm::check` turns it into a `NewOffer` or lists every
//! problem per field. Pure code: the browser checks a form as the server does.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lists::Lists;
use super::people::FieldProblem;
use super::profile::{Availability, Slot};
use super::validation::{DATE_FORMAT, Problem, date_until, optional_date, text};

/// Longest title.
pub const TITLE_MAX: usize = 200;
/// Longest provider name.
pub const PROVIDER_MAX: usize = 120;
/// Longest description: a few sentences, not a whole brochure.
pub const DESCRIPTION_MAX: usize = 1000;
/// Longest address.
pub const ADDRESS_MAX: usize = 200;
/// Longest contact (a name, a phone number, an e-mail address).
pub const CONTACT_MAX: usize = 200;
/// Longest link.
pub const LINK_MAX: usize = 500;
/// Highest price in whole euros (with or without UiTPAS); anything above is a typing error.
pub const MAX_PRICE_EUROS: i64 = 10_000;

crate::coded! {
    /// What sort of offer it is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OfferKind {
        /// A course (e.g. Vormingplus regio Mechelen).
        Course = "course",
        /// A group that meets regularly.
        Group = "group",
        /// A course or group of the Herstelacademie (recovery academy).
        RecoveryAcademy = "recovery_academy",
        SportsClub = "sports_club",
        Walk = "walk",
        Volunteering = "volunteering",
        Cafe = "cafe",
        Other = "other",
    }
}

crate::coded! {
    /// What makes an offer easier to join.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Access {
        /// Reachable and usable in a wheelchair.
        Wheelchair = "wheelchair",
        /// A quiet place or a small group.
        Quiet = "quiet",
        /// Fine to come alone, someone welcomes newcomers.
        AloneOk = "alone_ok",
        /// Fine to come with a companion (a care worker, a relative).
        AccompaniedOk = "accompanied_ok",
    }
}

crate::coded! {
    /// Whether an offer costs something: how the form asks it and the database stores it.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CostKind {
        #[default]
        Free = "free",
        Amount = "amount",
    }
}

/// What taking part costs, in euro cents.
///
/// Simple on purpose: one price (per session, per course or per year, as the description
/// says), and optionally the price with the UiTPAS reduction (the Flemish leisure pass's
/// reduced rate for people with a low income). `uitpas_cents` is at most `cents`; 0 means
/// free with UiTPAS. A price of 0 is `Free` (the form makes it so).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cost {
    #[default]
    Free,
    Amount {
        cents: u32,
        uitpas_cents: Option<u32>,
    },
}

impl Cost {
    /// Free or not, as a code.
    pub fn kind(self) -> CostKind {
        match self {
            Cost::Free => CostKind::Free,
            Cost::Amount { .. } => CostKind::Amount,
        }
    }

    /// The full price (0 when free).
    pub fn cents(self) -> u32 {
        match self {
            Cost::Free => 0,
            Cost::Amount { cents, .. } => cents,
        }
    }

    /// What someone pays: the UiTPAS price when they have the pass and there is one.
    pub fn cents_for(self, uitpas: bool) -> u32 {
        match self {
            Cost::Free => 0,
            Cost::Amount {
                uitpas_cents: Some(reduced),
                cents,
            } if uitpas => reduced.min(cents),
            Cost::Amount { cents, .. } => cents,
        }
    }
}

/// A stepping stone in the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    pub id: i64,
    /// Who organises it: "Herstelacademie", "Vormingplus regio Mechelen", a club.
    pub provider: String,
    pub title: String,
    pub kind: OfferKind,
    pub description: String,
    /// Where it takes place; `None`: online.
    pub municipality_id: Option<i64>,
    /// Street and number, or a meeting point; may be blank.
    pub address: String,
    /// When it takes place in the week; empty: any time or by appointment.
    pub slots: Availability,
    /// First session; `None`: already running.
    pub starts_on: Option<NaiveDate>,
    /// Last session; `None`: ongoing.
    pub ends_on: Option<NaiveDate>,
    pub cost: Cost,
    pub accessibility: BTreeSet<Access>,
    /// Interest ids (the admin's list), sorted and without duplicates.
    pub interests: Vec<i64>,
    /// Whom to ask: a name, a phone number, an e-mail address.
    pub contact: String,
    /// An http(s) address, or blank.
    pub link: String,
    /// When the coordinator last checked that the offer still runs as described.
    pub last_checked: NaiveDate,
    /// Kept for history (earlier referrals) but no longer suggested.
    pub hidden: bool,
}

impl Offer {
    /// True for an online offer.
    pub fn is_online(&self) -> bool {
        self.municipality_id.is_none()
    }

    /// True when nobody checked the entry for `months` months: the catalogue flags it, so
    /// that it is checked before someone is sent to an offer that stopped.
    pub fn needs_check(&self, today: NaiveDate, months: u32) -> bool {
        today
            .checked_sub_months(chrono::Months::new(months))
            .is_some_and(|limit| self.last_checked < limit)
    }

    /// True when its last session lies before `today`.
    pub fn has_ended(&self, today: NaiveDate) -> bool {
        self.ends_on.is_some_and(|end| end < today)
    }
}

/// Months after which a catalogue entry counts as unchecked, unless the admins set another.
pub const DEFAULT_CHECK_MONTHS: u32 = 6;

/// A catalogue entry as stored: the offer and the version an edit must name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredOffer {
    pub offer: Offer,
    pub version: i32,
}

/// The catalogue as its page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Provider, then title; hidden entries too (marked).
    pub offers: Vec<Offer>,
    pub today: NaiveDate,
    /// Entries not checked for this many months are flagged.
    pub check_months: u32,
    /// What came of the referrals, per offer id (offers never referred to are missing).
    pub figures: std::collections::BTreeMap<i64, super::referral::Tally>,
    /// When each entry entered the catalogue.
    pub added_on: std::collections::BTreeMap<i64, NaiveDate>,
}

/// A checked offer that has no id yet: what `OfferForm::check` gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewOffer {
    pub provider: String,
    pub title: String,
    pub kind: OfferKind,
    pub description: String,
    pub municipality_id: Option<i64>,
    pub address: String,
    pub slots: Availability,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub cost: Cost,
    pub accessibility: BTreeSet<Access>,
    pub interests: Vec<i64>,
    pub contact: String,
    pub link: String,
    pub last_checked: NaiveDate,
    pub hidden: bool,
}

impl NewOffer {
    /// The offer once it has an id (stored, or the one being edited).
    pub fn with_id(self, id: i64) -> Offer {
        Offer {
            id,
            provider: self.provider,
            title: self.title,
            kind: self.kind,
            description: self.description,
            municipality_id: self.municipality_id,
            address: self.address,
            slots: self.slots,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            cost: self.cost,
            accessibility: self.accessibility,
            interests: self.interests,
            contact: self.contact,
            link: self.link,
            last_checked: self.last_checked,
            hidden: self.hidden,
        }
    }
}

/// The catalogue form's values, all as typed (text, so that nonsense becomes a message at its
/// field instead of a refused request).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    pub provider: String,
    pub title: String,
    /// An `OfferKind` code.
    pub kind: String,
    pub description: String,
    /// A municipality id; blank: online.
    pub municipality_id: String,
    pub address: String,
    /// Slot numbers (`Slot::index`); none: any time or by appointment.
    pub slots: Vec<String>,
    /// `YYYY-MM-DD` or blank.
    pub starts_on: String,
    /// `YYYY-MM-DD` or blank (ongoing).
    pub ends_on: String,
    /// A `CostKind` code; blank: free.
    pub cost: String,
    /// Euros, "6" or "1,50"; needed when the cost is an amount, ignored when free.
    pub price: String,
    /// Euros with UiTPAS reduction; blank: no reduction. Ignored when free.
    pub uitpas_price: String,
    /// `Access` codes.
    pub accessibility: Vec<String>,
    /// Interest ids.
    pub interests: Vec<String>,
    pub contact: String,
    pub link: String,
    /// `YYYY-MM-DD`; blank: today.
    pub last_checked: String,
    /// "true", "on" or "1" when ticked.
    pub hidden: String,
}

/// A price in euros as typed ("6", "1,50", "€ 2.5") → cents, within 0..=`MAX_PRICE_EUROS`.
fn euro_cents(value: &str) -> Result<u32, Problem> {
    let range = Problem::OutOfRange {
        min: 0,
        max: MAX_PRICE_EUROS,
    };
    let v = value.trim().trim_start_matches('€').trim();
    if v.is_empty() {
        return Err(Problem::Required);
    }
    if let Some(rest) = v.strip_prefix('-') {
        // A negative number is out of range; anything else after the sign is nonsense.
        return match euro_cents(rest) {
            Ok(_) | Err(Problem::OutOfRange { .. }) => Err(range),
            Err(_) => Err(Problem::Invalid),
        };
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match v.split_once([',', '.']) {
        // With a separator, one or two digits must follow it.
        Some((w, f)) if digits(f) && f.len() <= 2 => (w, f),
        Some(_) => return Err(Problem::Invalid),
        None => (v, ""),
    };
    if !digits(whole) {
        return Err(Problem::Invalid);
    }
    // Only digits are left: too many of them is a number too large, not a typing error.
    let euros = match whole.parse::<i64>() {
        Ok(e) if e <= MAX_PRICE_EUROS => e,
        _ => return Err(range),
    };
    let cents = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().unwrap_or(0) * 10,
        _ => fraction.parse::<i64>().unwrap_or(0),
    };
    let total = euros * 100 + cents;
    if total > MAX_PRICE_EUROS * 100 {
        return Err(range);
    }
    Ok(total as u32)
}

/// Cents as the form shows them: "6" or "1,50".
pub fn euros_text(cents: u32) -> String {
    if cents.is_multiple_of(100) {
        (cents / 100).to_string()
    } else {
        format!("{},{:02}", cents / 100, cents % 100)
    }
}

/// An http(s) address without spaces, with something after the scheme.
fn is_web_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !link.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

impl OfferForm {
    /// The form's values for an existing offer.
    pub fn from_offer(o: &Offer) -> Self {
        let date = |d: Option<NaiveDate>| {
            d.map(|d| d.format(DATE_FORMAT).to_string())
                .unwrap_or_default()
        };
        let (price, uitpas_price) = match o.cost {
            Cost::Free => (String::new(), String::new()),
            Cost::Amount {
                cents,
                uitpas_cents,
            } => (
                euros_text(cents),
                uitpas_cents.map(euros_text).unwrap_or_default(),
            ),
        };
        OfferForm {
            provider: o.provider.clone(),
            title: o.title.clone(),
            kind: o.kind.code().into(),
            description: o.description.clone(),
            municipality_id: o.municipality_id.map(|m| m.to_string()).unwrap_or_default(),
            address: o.address.clone(),
            slots: o.slots.slots().map(|s| s.index().to_string()).collect(),
            starts_on: date(o.starts_on),
            ends_on: date(o.ends_on),
            cost: o.cost.kind().code().into(),
            price,
            uitpas_price,
            accessibility: o.accessibility.iter().map(|a| a.code().into()).collect(),
            interests: o.interests.iter().map(|i| i.to_string()).collect(),
            contact: o.contact.clone(),
            link: o.link.clone(),
            last_checked: o.last_checked.format(DATE_FORMAT).to_string(),
            hidden: o.hidden.to_string(),
        }
    }

    /// Reads the typed values and checks them against the lists (municipalities, interests);
    /// every problem is listed with its field, in the form's order.
    pub fn check(&self, today: NaiveDate, lists: &Lists) -> Result<NewOffer, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut take_text = |field: &str, value: &str, min: usize, max: usize| {
            text(value, min, max).unwrap_or_else(|p| {
                problems.push((field.to_owned(), p));
                String::new()
            })
        };
        let provider = take_text("provider", &self.provider, 1, PROVIDER_MAX);
        let title = take_text("title", &self.title, 1, TITLE_MAX);
        let description = take_text("description", &self.description, 0, DESCRIPTION_MAX);
        let address = take_text("address", &self.address, 0, ADDRESS_MAX);
        let contact = take_text("contact", &self.contact, 0, CONTACT_MAX);
        let link = take_text("link", &self.link, 0, LINK_MAX);

        let mut bad = |field: &str, problem: Problem| problems.push((field.to_owned(), problem));
        let kind = match self.kind.trim() {
            "" => {
                bad("kind", Problem::Required);
                None
            }
            v => OfferKind::from_code(v).or_else(|| {
                bad("kind", Problem::Invalid);
                None
            }),
        };
        let municipality_id = match self.municipality_id.trim() {
            "" => None,
            v => match v.parse::<i64>() {
                Ok(id) if lists.municipality(id).is_some() => Some(id),
                _ => {
                    bad("municipality_id", Problem::Invalid);
                    None
                }
            },
        };
        let mut slots = Availability::NONE;
        for v in &self.slots {
            match v.trim().parse::<u32>().ok().and_then(Slot::from_index) {
                Some(slot) => slots.set(slot, true),
                None => {
                    bad("slots", Problem::Invalid);
                    break;
                }
            }
        }
        let starts_on = optional_date(&self.starts_on)
            .map_err(|p| bad("starts_on", p))
            .ok()
            .flatten();
        let ends_on = optional_date(&self.ends_on)
            .map_err(|p| bad("ends_on", p))
            .ok()
            .flatten();
        if let (Some(start), Some(end)) = (starts_on, ends_on)
            && end < start
        {
            bad("ends_on", Problem::Invalid);
        }
        let cost = match CostKind::from_code(self.cost.trim()) {
            _ if self.cost.trim().is_empty() => Cost::Free,
            Some(CostKind::Free) => Cost::Free,
            None => {
                bad("cost", Problem::Invalid);
                Cost::Free
            }
            Some(CostKind::Amount) => {
                let cents = euro_cents(&self.price).map_err(|p| bad("price", p)).ok();
                let uitpas_cents = match self.uitpas_price.trim() {
                    "" => None,
                    v => euro_cents(v).map_err(|p| bad("uitpas_price", p)).ok(),
                };
                match (cents, uitpas_cents) {
                    // A reduction never costs more than the full price.
                    (Some(full), Some(reduced)) if reduced > full => {
                        bad("uitpas_price", Problem::Invalid);
                        Cost::Free
                    }
                    (Some(0), _) => Cost::Free,
                    (Some(cents), uitpas_cents) => Cost::Amount {
                        cents,
                        uitpas_cents,
                    },
                    (None, _) => Cost::Free,
                }
            }
        };
        let mut accessibility = BTreeSet::new();
        for v in &self.accessibility {
            match Access::from_code(v.trim()) {
                Some(a) => {
                    accessibility.insert(a);
                }
                None => {
                    bad("accessibility", Problem::Invalid);
                    break;
                }
            }
        }
        let mut interests = Vec::new();
        for v in &self.interests {
            match v.trim().parse::<i64>() {
                Ok(id) if lists.interest(id).is_some() => interests.push(id),
                _ => {
                    bad("interests", Problem::Invalid);
                    break;
                }
            }
        }
        interests.sort_unstable();
        interests.dedup();
        if !link.is_empty() && !is_web_link(&link) {
            bad("link", Problem::Invalid);
        }
        let last_checked = date_until(&self.last_checked, today)
            .map_err(|p| bad("last_checked", p))
            .unwrap_or(today);
        let hidden = matches!(self.hidden.trim(), "true" | "on" | "1");

        match kind {
            Some(kind) if problems.is_empty() => Ok(NewOffer {
                provider,
                title,
                kind,
                description,
                municipality_id,
                address,
                slots,
                starts_on,
                ends_on,
                cost,
                accessibility,
                interests,
                contact,
                link,
                last_checked,
                hidden,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lists::Named;
    use crate::domain::profile::{DayPart, Municipality};
    use chrono::Weekday;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
    }

    fn lists() -> Lists {
        Lists {
            municipalities: vec![Municipality {
                id: 1,
                name: "Mechelen".into(),
                postcode: "2800".into(),
                lat: 51.0257,
                lon: 4.4776,
            }],
            interests: [(1, "Wandelen"), (6, "Koken")]
                .into_iter()
                .map(|(id, name)| Named {
                    id,
                    name: name.into(),
                    active: true,
                })
                .collect(),
            ..Lists::default()
        }
    }

    fn form() -> OfferForm {
        OfferForm {
            provider: " Herstelacademie ".into(),
            title: "Samen koken".into(),
            kind: "recovery_academy".into(),
            description: "Elke dinsdag koken we samen.".into(),
            municipality_id: "1".into(),
            address: "Kerkhofweg 1".into(),
            slots: vec![
                Slot::new(Weekday::Tue, DayPart::Afternoon)
                    .index()
                    .to_string(),
            ],
            starts_on: "2026-03-03".into(),
            ends_on: "2026-06-30".into(),
            cost: "amount".into(),
            price: "6".into(),
            uitpas_price: "1,50".into(),
            accessibility: vec!["alone_ok".into(), "wheelchair".into()],
            interests: vec!["6".into(), "1".into(), "6".into()],
            contact: "015 12 34 56".into(),
            link: "https://www.herstelacademie.be/".into(),
            last_checked: "".into(),
            hidden: "".into(),
        }
    }

    fn fields(r: Result<NewOffer, Vec<FieldProblem>>) -> Vec<(String, Problem)> {
        r.expect_err("the form should be refused")
    }

    fn only(f: OfferForm) -> (String, Problem) {
        let mut found = fields(f.check(today(), &lists()));
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    #[test]
    fn a_good_form_is_read() {
        let o = form().check(today(), &lists()).unwrap();
        assert_eq!(o.provider, "Herstelacademie");
        assert_eq!(o.kind, OfferKind::RecoveryAcademy);
        assert_eq!(o.municipality_id, Some(1));
        assert_eq!(
            o.slots,
            Availability::from_slots([Slot::new(Weekday::Tue, DayPart::Afternoon)])
        );
        assert_eq!(
            o.cost,
            Cost::Amount {
                cents: 600,
                uitpas_cents: Some(150)
            }
        );
        assert_eq!(o.interests, vec![1, 6]);
        assert_eq!(
            o.accessibility,
            [Access::Wheelchair, Access::AloneOk].into()
        );
        assert_eq!(o.last_checked, today());
        assert!(!o.hidden);
    }

    #[test]
    fn an_offer_survives_its_own_form() {
        let o = form().check(today(), &lists()).unwrap().with_id(7);
        let again = OfferForm::from_offer(&o).check(today(), &lists()).unwrap();
        assert_eq!(again.with_id(7), o);
    }

    #[test]
    fn blank_place_is_online_and_blank_cost_is_free() {
        let mut f = form();
        f.municipality_id = " ".into();
        f.cost = String::new();
        f.price = "99".into();
        let o = f.check(today(), &lists()).unwrap();
        assert_eq!(o.municipality_id, None);
        assert_eq!(o.cost, Cost::Free);
        // A price of zero is free too.
        let mut f = form();
        f.price = "0".into();
        f.uitpas_price = String::new();
        assert_eq!(f.check(today(), &lists()).unwrap().cost, Cost::Free);
    }

    #[test]
    fn title_and_provider_are_required() {
        let mut f = form();
        f.title = "  ".into();
        f.provider = String::new();
        f.kind = String::new();
        let found = fields(f.check(today(), &lists()));
        assert_eq!(
            found,
            vec![
                ("provider".into(), Problem::Required),
                ("title".into(), Problem::Required),
                ("kind".into(), Problem::Required),
            ]
        );
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let mut f = form();
        f.ends_on = "2026-03-02".into();
        assert_eq!(only(f), ("ends_on".into(), Problem::Invalid));
        // The same day is a one-day offer.
        let mut f = form();
        f.ends_on = "2026-03-03".into();
        assert!(f.check(today(), &lists()).is_ok());
        let mut f = form();
        f.starts_on = "3 maart".into();
        assert_eq!(only(f), ("starts_on".into(), Problem::Invalid));
    }

    #[test]
    fn unknown_interests_and_municipalities_are_refused() {
        let mut f = form();
        f.interests.push("99".into());
        assert_eq!(only(f), ("interests".into(), Problem::Invalid));
        let mut f = form();
        f.interests = vec!["koken".into()];
        assert_eq!(only(f), ("interests".into(), Problem::Invalid));
        let mut f = form();
        f.municipality_id = "26".into();
        assert_eq!(only(f), ("municipality_id".into(), Problem::Invalid));
        let mut f = form();
        f.municipality_id = "Mechelen".into();
        assert_eq!(only(f), ("municipality_id".into(), Problem::Invalid));
    }

    #[test]
    fn prices_are_euros_within_range() {
        let range = Problem::OutOfRange {
            min: 0,
            max: MAX_PRICE_EUROS,
        };
        let price = |p: &str| {
            let mut f = form();
            f.price = p.into();
            f.uitpas_price = String::new();
            f.check(today(), &lists()).map(|o| o.cost.cents())
        };
        assert_eq!(price("€ 2.5"), Ok(250));
        assert_eq!(price("12,05"), Ok(1205));
        assert_eq!(price("10000"), Ok(1_000_000));
        assert_eq!(price("-1"), Err(vec![("price".into(), range.clone())]));
        assert_eq!(price("-0,50"), Err(vec![("price".into(), range.clone())]));
        assert_eq!(
            price("1000000000000"),
            Err(vec![("price".into(), range.clone())])
        );
        assert_eq!(
            price("99999999999999999999999"),
            Err(vec![("price".into(), range.clone())])
        );
        assert_eq!(
            price("10000,01"),
            Err(vec![("price".into(), range.clone())])
        );
        for nonsense in ["gratis", "1,505", "1e3", "1,", ",5", "NaN", "- 1x"] {
            assert_eq!(
                price(nonsense),
                Err(vec![("price".into(), Problem::Invalid)]),
                "{nonsense}"
            );
        }
        assert_eq!(price(" "), Err(vec![("price".into(), Problem::Required)]));
    }

    #[test]
    fn the_uitpas_price_is_a_reduction() {
        let mut f = form();
        f.uitpas_price = "7".into();
        assert_eq!(only(f), ("uitpas_price".into(), Problem::Invalid));
        let mut f = form();
        f.uitpas_price = "-1".into();
        assert_eq!(
            only(f),
            (
                "uitpas_price".into(),
                Problem::OutOfRange {
                    min: 0,
                    max: MAX_PRICE_EUROS
                }
            )
        );
        let mut f = form();
        f.uitpas_price = "0".into();
        assert_eq!(
            f.check(today(), &lists()).unwrap().cost,
            Cost::Amount {
                cents: 600,
                uitpas_cents: Some(0)
            }
        );
        let mut f = form();
        f.cost = "duur".into();
        assert_eq!(only(f), ("cost".into(), Problem::Invalid));
    }

    #[test]
    fn links_must_be_web_addresses() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.org",
            "www.example.org",
            "https://",
            "https:///pad",
            "https://exa mple.org",
        ] {
            let mut f = form();
            f.link = bad.into();
            assert_eq!(only(f), ("link".into(), Problem::Invalid), "{bad}");
        }
        for good in ["http://example.org", "HTTPS://Example.org/a?b=c", ""] {
            let mut f = form();
            f.link = good.into();
            assert!(f.check(today(), &lists()).is_ok(), "{good}");
        }
        let mut f = form();
        f.link = format!("https://example.org/{}", "a".repeat(LINK_MAX));
        assert_eq!(only(f), ("link".into(), Problem::TooLong { max: LINK_MAX }));
    }

    #[test]
    fn long_texts_are_refused() {
        let mut f = form();
        f.description = "x".repeat(100 * 1024);
        assert_eq!(
            only(f),
            (
                "description".into(),
                Problem::TooLong {
                    max: DESCRIPTION_MAX
                }
            )
        );
        let mut f = form();
        f.title = "x".repeat(TITLE_MAX + 1);
        assert_eq!(
            only(f),
            ("title".into(), Problem::TooLong { max: TITLE_MAX })
        );
        let mut f = form();
        f.description = "é".repeat(DESCRIPTION_MAX);
        assert!(f.check(today(), &lists()).is_ok(), "counted in characters");
    }

    #[test]
    fn codes_slots_and_dates_must_be_known() {
        let mut f = form();
        f.kind = "Course".into();
        assert_eq!(only(f), ("kind".into(), Problem::Invalid));
        let mut f = form();
        f.slots = vec!["21".into(), "-1".into()];
        assert_eq!(only(f), ("slots".into(), Problem::Invalid));
        let mut f = form();
        f.accessibility = vec!["lift".into()];
        assert_eq!(only(f), ("accessibility".into(), Problem::Invalid));
        let mut f = form();
        f.last_checked = "2026-03-02".into();
        assert_eq!(only(f), ("last_checked".into(), Problem::Invalid));
        let mut f = form();
        f.hidden = "on".into();
        f.slots.clear();
        let o = f.check(today(), &lists()).unwrap();
        assert!(o.hidden);
        assert!(o.slots.is_empty(), "no slots: any time or by appointment");
    }

    #[test]
    fn what_one_pays_depends_on_the_pass() {
        let c = Cost::Amount {
            cents: 600,
            uitpas_cents: Some(150),
        };
        assert_eq!((c.cents_for(false), c.cents_for(true)), (600, 150));
        assert_eq!(Cost::Free.cents_for(true), 0);
        assert_eq!(c.kind(), CostKind::Amount);
        let plain = Cost::Amount {
            cents: 300,
            uitpas_cents: None,
        };
        assert_eq!(plain.cents_for(true), 300);
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"kind":"amount","cents":600,"uitpas_cents":150}"#
        );
    }

    #[test]
    fn an_entry_needs_a_check_after_the_months_and_ends_after_its_last_day() {
        let mut o = form().check(today(), &lists()).unwrap().with_id(1);
        o.last_checked = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
        assert!(!o.needs_check(today(), 6), "exactly six months: not yet");
        o.last_checked = NaiveDate::from_ymd_opt(2025, 8, 31).unwrap();
        assert!(o.needs_check(today(), 6));
        assert!(!o.needs_check(today(), 12));
        assert!(!o.has_ended(today()), "ongoing");
        o.ends_on = Some(today());
        assert!(!o.has_ended(today()), "its last day is still on");
        o.ends_on = today().pred_opt();
        assert!(o.has_ended(today()));
    }
}

//! The profile shared by participants and buddies, and its validation.
//!
//! `ProfileInput` is what a form sends; `validate` turns it into a `Profile` or lists every
//! problem per field (stable snake_case field names, see `field`). The matching engine only
//! reads the matching part of a profile (`crate::matching::MatchProfile`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::domain::validation::{Problem, in_range, text};

/// Youngest age accepted in the programme, for people and for age wishes.
pub const MIN_AGE: u32 = 16;
/// Oldest plausible age, for people and for age wishes.
pub const MAX_AGE: u32 = 110;
/// Longest accepted travel distance in km.
pub const MAX_TRAVEL_KM: u32 = 100;
/// Lowest value on a personality scale.
pub const SCALE_MIN: u8 = 1;
/// Highest value on a personality scale.
pub const SCALE_MAX: u8 = 5;

/// Stable field names used in validation problems and by forms.
pub mod field {
    pub const FIRST_NAME: &str = "first_name";
    pub const LAST_NAME: &str = "last_name";
    pub const BIRTH_DATE: &str = "birth_date";
    pub const GENDER: &str = "gender";
    pub const MUNICIPALITY: &str = "municipality_id";
    pub const PHONE: &str = "phone";
    pub const EMAIL: &str = "email";
    pub const LANGUAGES: &str = "languages";
    pub const INTERESTS: &str = "interests";
    pub const PERSONALITY: &str = "personality";
    pub const AVAILABILITY: &str = "availability";
    pub const MAX_TRAVEL_KM: &str = "max_travel_km";
    pub const WISH_AGE_MIN: &str = "wish_age_min";
    pub const WISH_AGE_MAX: &str = "wish_age_max";
    pub const WISH_NOTE: &str = "wish_note";
}

crate::coded! {
    /// Gender as recorded by the person; `X` covers "x" on Belgian papers and any other
    /// answer.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Gender {
        Woman = "woman",
        Man = "man",
        X = "x",
    }
}

crate::coded! {
    /// How the person prefers to be contacted.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ContactMethod {
        #[default]
        Phone = "phone",
        Email = "email",
        Sms = "sms",
        Post = "post",
    }
}

/// Part of a day in the availability grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
}

impl DayPart {
    /// Every part of the day, morning first.
    pub const ALL: [DayPart; 3] = [DayPart::Morning, DayPart::Afternoon, DayPart::Evening];

    fn index(self) -> u32 {
        self as u32
    }
}

/// One cell of the week grid: a day and a part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slot {
    pub day: Weekday,
    pub part: DayPart,
}

impl Slot {
    /// The slot of a day and a part of it.
    pub fn new(day: Weekday, part: DayPart) -> Self {
        Slot { day, part }
    }

    /// Bit position in `Availability`: Monday morning is 0, Sunday evening 20.
    pub fn index(self) -> u32 {
        self.day.num_days_from_monday() * 3 + self.part.index()
    }

    /// The slot at a bit position, if it is one of the 21.
    pub fn from_index(index: u32) -> Option<Slot> {
        if index >= Availability::SLOTS {
            return None;
        }
        let day = Weekday::try_from((index / 3) as u8).ok()?;
        Some(Slot::new(day, DayPart::ALL[(index % 3) as usize]))
    }
}

/// The week grid (7 days × morning/afternoon/evening) as a bitmask; bit = `Slot::index`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Availability(pub u32);

impl Availability {
    /// Number of slots in a week.
    pub const SLOTS: u32 = 21;
    /// No slot free.
    pub const NONE: Availability = Availability(0);
    /// Every slot free.
    pub const ALL: Availability = Availability((1 << Self::SLOTS) - 1);

    /// Builds a grid from the slots that are free.
    pub fn from_slots(slots: impl IntoIterator<Item = Slot>) -> Self {
        slots.into_iter().fold(Self::NONE, |a, s| a.with(s))
    }

    /// This grid with one more slot free.
    pub fn with(self, slot: Slot) -> Self {
        Availability(self.0 | 1 << slot.index())
    }

    /// Marks a slot free or not.
    pub fn set(&mut self, slot: Slot, free: bool) {
        if free {
            self.0 |= 1 << slot.index();
        } else {
            self.0 &= !(1 << slot.index());
        }
    }

    /// Whether a slot is free.
    pub fn get(self, slot: Slot) -> bool {
        self.0 & (1 << slot.index()) != 0
    }

    /// The slots free in both grids.
    pub fn overlap(self, other: Availability) -> Availability {
        Availability(self.0 & other.0 & Self::ALL.0)
    }

    /// Number of free slots.
    pub fn count(self) -> u32 {
        (self.0 & Self::ALL.0).count_ones()
    }

    /// True when no slot is free.
    pub fn is_empty(self) -> bool {
        self.count() == 0
    }

    /// True when no bit beyond the 21 slots is set.
    pub fn is_valid(self) -> bool {
        self.0 & !Self::ALL.0 == 0
    }

    /// The free slots, Monday morning first.
    pub fn slots(self) -> impl Iterator<Item = Slot> {
        (0..Self::SLOTS)
            .filter(move |i| self.0 & (1 << i) != 0)
            .filter_map(Slot::from_index)
    }
}

crate::coded! {
    /// A way of getting to an activity.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum TravelMode {
        OnFoot = "on_foot",
        Bike = "bike",
        PublicTransport = "public_transport",
        Car = "car",
    }
}

/// How far and how the person can travel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Travel {
    pub max_km: u32,
    pub modes: BTreeSet<TravelMode>,
}

/// Smoking habits and what the person accepts in a partner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Smoking {
    pub smokes: bool,
    pub accepts_smoker: bool,
}

/// An age range; either bound may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeRange {
    pub min: Option<u32>,
    pub max: Option<u32>,
}

impl AgeRange {
    /// Whether an age lies in the range (open bounds accept everything).
    pub fn contains(self, age: u32) -> bool {
        self.min.is_none_or(|m| age >= m) && self.max.is_none_or(|m| age <= m)
    }

    /// True when neither bound is set.
    pub fn is_open(self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

/// What the person wishes of the other person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Wishes {
    /// Acceptable genders; empty means any.
    pub genders: BTreeSet<Gender>,
    pub age: AgeRange,
    /// Free text for the coordinator; the engine does not read it.
    pub note: String,
}

impl Wishes {
    /// Whether a partner of this gender fits the wish.
    pub fn accepts_gender(&self, gender: Gender) -> bool {
        self.genders.is_empty() || self.genders.contains(&gender)
    }
}

/// A municipality with its centre, used for distances.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Municipality {
    pub id: i64,
    pub name: String,
    pub postcode: String,
    pub lat: f64,
    pub lon: f64,
}

/// Seed list for the municipalities table: (name, main postcode, latitude, longitude) of
/// Mechelen and the municipalities around it; coordinates are approximate town centres.
pub fn default_municipalities() -> Vec<(&'static str, &'static str, f64, f64)> {
    vec![
        ("Mechelen", "2800", 51.0257, 4.4776),
        ("Bonheiden", "2820", 51.0228, 4.5417),
        ("Sint-Katelijne-Waver", "2860", 51.0667, 4.5333),
        ("Duffel", "2570", 51.0951, 4.4927),
        ("Willebroek", "2830", 51.0603, 4.3600),
        ("Zemst", "1980", 50.9833, 4.4667),
        ("Boortmeerbeek", "3190", 50.9795, 4.5747),
        ("Putte", "2580", 51.0538, 4.6329),
        ("Berlaar", "2590", 51.1167, 4.6500),
        ("Lier", "2500", 51.1314, 4.5700),
        ("Heist-op-den-Berg", "2220", 51.0757, 4.7278),
        ("Kampenhout", "1910", 50.9422, 4.5519),
        ("Haacht", "3150", 50.9767, 4.6381),
        ("Puurs-Sint-Amands", "2870", 51.0736, 4.2886),
        ("Rumst", "2840", 51.0797, 4.4222),
        ("Keerbergen", "3140", 51.0029, 4.6340),
        ("Tremelo", "3120", 50.9911, 4.7056),
        ("Vilvoorde", "1800", 50.9281, 4.4245),
        ("Bornem", "2880", 51.0970, 4.2431),
        ("Kapelle-op-den-Bos", "1880", 51.0100, 4.3625),
        ("Londerzeel", "1840", 51.0047, 4.3006),
        ("Nijlen", "2560", 51.1614, 4.6706),
        ("Boom", "2850", 51.0925, 4.3667),
        ("Machelen", "1830", 50.9108, 4.4414),
        ("Steenokkerzeel", "1820", 50.9167, 4.5167),
        ("Kontich", "2550", 51.1342, 4.4461),
    ]
}

/// What a profile form sends; `validate` checks it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileInput {
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub municipality_id: Option<i64>,
    /// Empty when not given.
    pub phone: String,
    /// Empty when not given.
    pub email: String,
    pub preferred_contact: ContactMethod,
    pub languages: Vec<String>,
    pub interests: Vec<i64>,
    /// (scale id, value 1..=5) for the scales that were filled in.
    pub personality: Vec<(i64, i64)>,
    pub smokes: bool,
    pub accepts_smoker: bool,
    pub availability: Availability,
    pub max_travel_km: i64,
    pub travel_modes: BTreeSet<TravelMode>,
    pub wish_genders: BTreeSet<Gender>,
    pub wish_age_min: Option<i64>,
    pub wish_age_max: Option<i64>,
    pub wish_note: String,
}

/// A checked profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub first_name: String,
    pub last_name: String,
    pub birth_date: NaiveDate,
    pub gender: Gender,
    pub municipality_id: i64,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub preferred_contact: ContactMethod,
    pub languages: Vec<String>,
    /// Ids of the admin-managed interests, sorted and without duplicates.
    pub interests: Vec<i64>,
    /// Scale id → value 1..=5, only for scales that were filled in.
    pub personality: BTreeMap<i64, u8>,
    pub smoking: Smoking,
    pub availability: Availability,
    pub travel: Travel,
    pub wishes: Wishes,
}

impl Profile {
    /// Age in whole years on a date.
    pub fn age_on(&self, today: NaiveDate) -> u32 {
        age_on(self.birth_date, today)
    }
}

impl From<&Profile> for ProfileInput {
    /// The form values that edit an existing profile.
    fn from(p: &Profile) -> Self {
        ProfileInput {
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            birth_date: Some(p.birth_date),
            gender: Some(p.gender),
            municipality_id: Some(p.municipality_id),
            phone: p.phone.clone().unwrap_or_default(),
            email: p.email.clone().unwrap_or_default(),
            preferred_contact: p.preferred_contact,
            languages: p.languages.clone(),
            interests: p.interests.clone(),
            personality: p
                .personality
                .iter()
                .map(|(&k, &v)| (k, i64::from(v)))
                .collect(),
            smokes: p.smoking.smokes,
            accepts_smoker: p.smoking.accepts_smoker,
            availability: p.availability,
            max_travel_km: i64::from(p.travel.max_km),
            travel_modes: p.travel.modes.clone(),
            wish_genders: p.wishes.genders.clone(),
            wish_age_min: p.wishes.age.min.map(i64::from),
            wish_age_max: p.wishes.age.max.map(i64::from),
            wish_note: p.wishes.note.clone(),
        }
    }
}

/// Age in whole years on `today` (0 for a birth date in the future).
pub fn age_on(birth_date: NaiveDate, today: NaiveDate) -> u32 {
    let mut years = today.year() - birth_date.year();
    if (today.month(), today.day()) < (birth_date.month(), birth_date.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// Checks a profile form; lists every problem with its field name.
pub fn validate(
    input: &ProfileInput,
    today: NaiveDate,
) -> Result<Profile, Vec<(&'static str, Problem)>> {
    let mut out = Problems(Vec::new());

    let first_name = out.take(field::FIRST_NAME, text(&input.first_name, 1, 80));
    let last_name = out.take(field::LAST_NAME, text(&input.last_name, 1, 80));
    let birth_date = match input.birth_date {
        None => Err(Problem::Required),
        Some(d) if d > today => Err(Problem::Invalid),
        // The bounds are the person's age, which is what the message shows.
        Some(d) => in_range(
            i64::from(age_on(d, today)),
            i64::from(MIN_AGE),
            i64::from(MAX_AGE),
        )
        .map(|_| d),
    };
    let birth_date = out.take(field::BIRTH_DATE, birth_date);
    let gender = out.take(field::GENDER, input.gender.ok_or(Problem::Required));
    let municipality_id = match input.municipality_id {
        None => Err(Problem::Required),
        Some(id) if id <= 0 => Err(Problem::Invalid),
        Some(id) => Ok(id),
    };
    let municipality_id = out.take(field::MUNICIPALITY, municipality_id);

    let phone = out.take(field::PHONE, optional(&input.phone, check_phone));
    let email = out.take(field::EMAIL, optional(&input.email, check_email));
    // The preferred way of contact needs its address.
    match input.preferred_contact {
        ContactMethod::Phone | ContactMethod::Sms if phone == Some(None) => {
            out.0.push((field::PHONE, Problem::Required));
        }
        ContactMethod::Email if email == Some(None) => {
            out.0.push((field::EMAIL, Problem::Required));
        }
        _ => {}
    }

    let languages = out.take(field::LANGUAGES, check_languages(&input.languages));
    let interests = if input.interests.iter().any(|&id| id <= 0) {
        Err(Problem::Invalid)
    } else {
        let set: BTreeSet<i64> = input.interests.iter().copied().collect();
        Ok(set.into_iter().collect::<Vec<_>>())
    };
    let interests = out.take(field::INTERESTS, interests);
    let personality = out.take(field::PERSONALITY, check_personality(&input.personality));
    let availability = if !input.availability.is_valid() {
        Err(Problem::Invalid)
    } else if input.availability.is_empty() {
        Err(Problem::Required)
    } else {
        Ok(input.availability)
    };
    let availability = out.take(field::AVAILABILITY, availability);
    let max_km = in_range(input.max_travel_km, 0, i64::from(MAX_TRAVEL_KM)).map(|v| v as u32);
    let max_km = out.take(field::MAX_TRAVEL_KM, max_km);

    let age_bound = |v: Option<i64>| {
        v.map(|v| in_range(v, i64::from(MIN_AGE), i64::from(MAX_AGE)).map(|v| v as u32))
            .transpose()
    };
    let age_min = out.take(field::WISH_AGE_MIN, age_bound(input.wish_age_min));
    let age_max = out.take(field::WISH_AGE_MAX, age_bound(input.wish_age_max));
    if let (Some(Some(min)), Some(Some(max))) = (age_min, age_max)
        && min > max
    {
        out.0.push((field::WISH_AGE_MAX, Problem::Invalid));
    }
    let note = out.take(field::WISH_NOTE, text(&input.wish_note, 0, 1000));

    let (
        Some(first_name),
        Some(last_name),
        Some(birth_date),
        Some(gender),
        Some(municipality_id),
        Some(phone),
        Some(email),
        Some(languages),
        Some(interests),
        Some(personality),
        Some(availability),
        Some(max_km),
        Some(age_min),
        Some(age_max),
        Some(note),
    ) = (
        first_name,
        last_name,
        birth_date,
        gender,
        municipality_id,
        phone,
        email,
        languages,
        interests,
        personality,
        availability,
        max_km,
        age_min,
        age_max,
        note,
    )
    else {
        return Err(out.0);
    };
    // Problems between fields (contact, age order) leave every value itself valid.
    if !out.0.is_empty() {
        return Err(out.0);
    }
    Ok(Profile {
        first_name,
        last_name,
        birth_date,
        gender,
        municipality_id,
        phone,
        email,
        preferred_contact: input.preferred_contact,
        languages,
        interests,
        personality,
        smoking: Smoking {
            smokes: input.smokes,
            accepts_smoker: input.accepts_smoker,
        },
        availability,
        travel: Travel {
            max_km,
            modes: input.travel_modes.clone(),
        },
        wishes: Wishes {
            genders: input.wish_genders.clone(),
            age: AgeRange {
                min: age_min,
                max: age_max,
            },
            note,
        },
    })
}

/// The problems found so far, in form order.
struct Problems(Vec<(&'static str, Problem)>);

impl Problems {
    /// The checked value, or `None` after recording its problem.
    fn take<T>(&mut self, field: &'static str, result: Result<T, Problem>) -> Option<T> {
        result.map_err(|p| self.0.push((field, p))).ok()
    }
}

/// Runs a check on a trimmed value, or gives `None` when the field was left empty.
pub(crate) fn optional(
    value: &str,
    check: fn(&str) -> Result<String, Problem>,
) -> Result<Option<String>, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        Ok(None)
    } else {
        check(trimmed).map(Some)
    }
}

/// Digits, spaces and a leading `+`; the usual Belgian separators `/ . -` are accepted too.
pub(crate) fn check_phone(value: &str) -> Result<String, Problem> {
    let len = value.chars().count();
    if len < 6 {
        return Err(Problem::TooShort { min: 6 });
    }
    if len > 20 {
        return Err(Problem::TooLong { max: 20 });
    }
    let allowed = value.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '/' | '.' | '-') || (c == '+' && i == 0)
    });
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if allowed && digits >= 6 {
        Ok(value.to_owned())
    } else {
        Err(Problem::Invalid)
    }
}

/// A reasonable address: one `@`, a local part, and a dotted domain without spaces.
pub(crate) fn check_email(value: &str) -> Result<String, Problem> {
    if value.chars().count() > 254 {
        return Err(Problem::TooLong { max: 254 });
    }
    let Some((local, domain)) = value.split_once('@') else {
        return Err(Problem::Invalid);
    };
    let labels_ok = domain.split('.').count() >= 2
        && domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    let ok = !local.is_empty()
        && !domain.contains('@')
        && !value.chars().any(char::is_whitespace)
        && labels_ok;
    if ok {
        Ok(value.to_owned())
    } else {
        Err(Problem::Invalid)
    }
}

/// Up to 12 languages, each 1..=40 characters; duplicates (ignoring case) are dropped.
fn check_languages(values: &[String]) -> Result<Vec<String>, Problem> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for v in values {
        if v.trim().is_empty() {
            continue;
        }
        let v = text(v, 1, 40)?;
        if seen.insert(v.to_lowercase()) {
            out.push(v);
        }
    }
    if out.len() > 12 {
        return Err(Problem::Invalid);
    }
    Ok(out)
}

/// Scale values 1..=5; a scale given twice is a form error.
fn check_personality(values: &[(i64, i64)]) -> Result<BTreeMap<i64, u8>, Problem> {
    let mut out = BTreeMap::new();
    for &(scale, value) in values {
        let value = in_range(value, i64::from(SCALE_MIN), i64::from(SCALE_MAX))?;
        if scale <= 0 || out.insert(scale, value as u8).is_some() {
            return Err(Problem::Invalid);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(2026, 3, 15)
    }

    fn valid_input() -> ProfileInput {
        ProfileInput {
            first_name: " An ".into(),
            last_name: "Peeters".into(),
            birth_date: Some(date(1990, 6, 1)),
            gender: Some(Gender::Woman),
            municipality_id: Some(1),
            phone: "0470 12 34 56".into(),
            email: "an.peeters@example.be".into(),
            preferred_contact: ContactMethod::Sms,
            languages: vec!["nl".into(), "en".into(), "NL".into(), " ".into()],
            interests: vec![3, 1, 3],
            personality: vec![(1, 2), (2, 5)],
            smokes: false,
            accepts_smoker: true,
            availability: Availability::NONE.with(Slot::new(Weekday::Sat, DayPart::Afternoon)),
            max_travel_km: 10,
            travel_modes: [TravelMode::Bike, TravelMode::PublicTransport].into(),
            wish_genders: [Gender::Woman].into(),
            wish_age_min: Some(25),
            wish_age_max: Some(45),
            wish_note: "graag iemand die rustig is".into(),
        }
    }

    fn fields(
        result: Result<Profile, Vec<(&'static str, Problem)>>,
    ) -> Vec<(&'static str, Problem)> {
        result.expect_err("should be invalid")
    }

    #[test]
    fn a_valid_form_gives_a_tidy_profile() {
        let p = validate(&valid_input(), today()).unwrap();
        assert_eq!(p.first_name, "An");
        assert_eq!(p.languages, vec!["nl".to_string(), "en".into()]);
        assert_eq!(p.interests, vec![1, 3]);
        assert_eq!(p.personality.get(&2), Some(&5));
        assert_eq!(
            p.wishes.age,
            AgeRange {
                min: Some(25),
                max: Some(45)
            }
        );
        assert_eq!(p.age_on(today()), 35);
        // Editing round-trips through the form values.
        assert_eq!(validate(&ProfileInput::from(&p), today()), Ok(p));
    }

    #[test]
    fn every_problem_is_listed_with_its_field() {
        let input = ProfileInput {
            first_name: "   ".into(),
            last_name: "x".repeat(81),
            birth_date: None,
            gender: None,
            municipality_id: None,
            phone: "12ab".into(),
            email: "an@localhost".into(),
            personality: vec![(1, 6)],
            availability: Availability::NONE,
            max_travel_km: 101,
            wish_age_min: Some(15),
            ..valid_input()
        };
        assert_eq!(
            fields(validate(&input, today())),
            vec![
                (field::FIRST_NAME, Problem::Required),
                (field::LAST_NAME, Problem::TooLong { max: 80 }),
                (field::BIRTH_DATE, Problem::Required),
                (field::GENDER, Problem::Required),
                (field::MUNICIPALITY, Problem::Required),
                (field::PHONE, Problem::TooShort { min: 6 }),
                (field::EMAIL, Problem::Invalid),
                (field::PERSONALITY, Problem::OutOfRange { min: 1, max: 5 }),
                (field::AVAILABILITY, Problem::Required),
                (
                    field::MAX_TRAVEL_KM,
                    Problem::OutOfRange { min: 0, max: 100 }
                ),
                (
                    field::WISH_AGE_MIN,
                    Problem::OutOfRange { min: 16, max: 110 }
                ),
            ]
        );
    }

    #[test]
    fn birth_dates_must_give_a_plausible_age() {
        let with = |d| ProfileInput {
            birth_date: Some(d),
            ..valid_input()
        };
        assert!(validate(&with(date(2010, 3, 15)), today()).is_ok()); // 16 today
        assert_eq!(
            fields(validate(&with(date(2010, 3, 16)), today())),
            vec![(field::BIRTH_DATE, Problem::OutOfRange { min: 16, max: 110 })]
        );
        assert_eq!(
            fields(validate(&with(date(1900, 1, 1)), today())),
            vec![(field::BIRTH_DATE, Problem::OutOfRange { min: 16, max: 110 })]
        );
        assert_eq!(
            fields(validate(&with(date(2027, 1, 1)), today())),
            vec![(field::BIRTH_DATE, Problem::Invalid)]
        );
    }

    #[test]
    fn ages_count_whole_years_including_leap_days() {
        assert_eq!(age_on(date(2000, 2, 29), date(2026, 2, 28)), 25);
        assert_eq!(age_on(date(2000, 2, 29), date(2026, 3, 1)), 26);
        assert_eq!(age_on(date(2000, 5, 1), date(2000, 4, 1)), 0);
    }

    #[test]
    fn contact_details_are_checked_when_given_and_required_when_preferred() {
        let with = |phone: &str, email: &str, preferred| ProfileInput {
            phone: phone.into(),
            email: email.into(),
            preferred_contact: preferred,
            ..valid_input()
        };
        assert!(validate(&with("+32 15 12 34 56", "", ContactMethod::Phone), today()).is_ok());
        assert!(validate(&with("015/12.34.56", "", ContactMethod::Sms), today()).is_ok());
        assert!(validate(&with("", "", ContactMethod::Post), today()).is_ok());
        assert_eq!(
            fields(validate(&with("", "", ContactMethod::Email), today())),
            vec![(field::EMAIL, Problem::Required)]
        );
        assert_eq!(
            fields(validate(&with("", "a@b.be", ContactMethod::Sms), today())),
            vec![(field::PHONE, Problem::Required)]
        );
        assert_eq!(
            fields(validate(
                &with("32+ 15 12 34", "", ContactMethod::Post),
                today()
            )),
            vec![(field::PHONE, Problem::Invalid)]
        );
        assert_eq!(
            fields(validate(
                &with("0470 12 34 56 78 90 12", "", ContactMethod::Post),
                today()
            )),
            vec![(field::PHONE, Problem::TooLong { max: 20 })]
        );
        for bad in [
            "an",
            "an@",
            "@x.be",
            "an @x.be",
            "an@x..be",
            "an@x@y.be",
            "an@.be",
        ] {
            assert_eq!(
                fields(validate(&with("", bad, ContactMethod::Post), today())),
                vec![(field::EMAIL, Problem::Invalid)],
                "{bad}"
            );
        }
    }

    #[test]
    fn the_age_wish_must_be_an_ordered_range() {
        let input = ProfileInput {
            wish_age_min: Some(50),
            wish_age_max: Some(30),
            ..valid_input()
        };
        assert_eq!(
            fields(validate(&input, today())),
            vec![(field::WISH_AGE_MAX, Problem::Invalid)]
        );
        let open = ProfileInput {
            wish_age_min: None,
            wish_age_max: Some(30),
            ..valid_input()
        };
        let p = validate(&open, today()).unwrap();
        assert!(p.wishes.age.contains(16) && p.wishes.age.contains(30));
        assert!(!p.wishes.age.contains(31));
    }

    #[test]
    fn personality_scales_are_not_given_twice() {
        let input = ProfileInput {
            personality: vec![(1, 2), (1, 3)],
            ..valid_input()
        };
        assert_eq!(
            fields(validate(&input, today())),
            vec![(field::PERSONALITY, Problem::Invalid)]
        );
    }

    #[test]
    fn availability_bits_map_to_days_and_parts() {
        let sat_pm = Slot::new(Weekday::Sat, DayPart::Afternoon);
        let mon_am = Slot::new(Weekday::Mon, DayPart::Morning);
        let sun_eve = Slot::new(Weekday::Sun, DayPart::Evening);
        assert_eq!(mon_am.index(), 0);
        assert_eq!(sun_eve.index(), 20);
        assert_eq!(sat_pm.index(), 16);
        for i in 0..Availability::SLOTS {
            assert_eq!(Slot::from_index(i).unwrap().index(), i);
        }
        assert_eq!(Slot::from_index(21), None);

        let mut a = Availability::from_slots([sat_pm, mon_am]);
        assert!(a.get(sat_pm) && a.get(mon_am) && !a.get(sun_eve));
        assert_eq!(a.count(), 2);
        assert_eq!(a.slots().collect::<Vec<_>>(), vec![mon_am, sat_pm]);
        let b = Availability::from_slots([sat_pm, sun_eve]);
        assert_eq!(a.overlap(b).slots().collect::<Vec<_>>(), vec![sat_pm]);
        a.set(sat_pm, false);
        assert!(a.overlap(b).is_empty());
        assert_eq!(Availability::ALL.count(), 21);
        assert!(!Availability(1 << 21).is_valid());
    }

    #[test]
    fn the_seed_list_has_mechelen_and_its_neighbours_nearby() {
        let list = default_municipalities();
        let names: BTreeSet<_> = list.iter().map(|m| m.0).collect();
        assert_eq!(names.len(), list.len(), "no duplicates");
        for name in [
            "Mechelen",
            "Bonheiden",
            "Lier",
            "Vilvoorde",
            "Kapelle-op-den-Bos",
        ] {
            assert!(names.contains(name), "{name}");
        }
        // Every centre lies within about 30 km of Mechelen.
        for (name, postcode, lat, lon) in list {
            assert_eq!(postcode.len(), 4, "{name}");
            assert!(
                (50.85..51.2).contains(&lat) && (4.2..4.8).contains(&lon),
                "{name}"
            );
        }
    }
}

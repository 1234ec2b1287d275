//! Importing participants, buddies and the stepping-stone catalogue from a spreadsheet:
//! which column holds which field, and a per-row report of what would be stored. Pure: the
//! server reads the CSV file and writes only what the coordinator confirms.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lists::Lists;
use super::people::{ApplicationForm, FieldProblem, IntakeForm};
use super::validation::Problem;

/// Who a file lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Participants,
    Buddies,
    /// The stepping-stone catalogue.
    SteppingStones,
}

impl ImportKind {
    /// The fields a column of this kind of file can fill.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            ImportKind::Participants | ImportKind::Buddies => FIELDS,
            ImportKind::SteppingStones => STONE_FIELDS,
        }
    }
}

/// Fields of a catalogue file; the export writes them under the first heading of each in
/// `STONE_SYNONYMS`, so that an exported file imports again.
pub const STONE_FIELDS: &[&str] = &[
    "ignore",
    "title",
    "provider",
    "kind",
    "description",
    "municipality",
    "address",
    "moments",
    "starts_on",
    "ends_on",
    "price",
    "uitpas_price",
    "accessibility",
    "interests",
    "contact",
    "link",
    "last_checked",
];

/// Catalogue headings and their fields; the first of each field is the export's heading.
pub const STONE_SYNONYMS: &[(&str, &str)] = &[
    ("titel", "title"),
    ("title", "title"),
    ("aanbieder", "provider"),
    ("organisator", "provider"),
    ("provider", "provider"),
    ("soort", "kind"),
    ("kind", "kind"),
    ("beschrijving", "description"),
    ("description", "description"),
    ("gemeente", "municipality"),
    ("municipality", "municipality"),
    ("adres", "address"),
    ("address", "address"),
    ("wanneer", "moments"),
    ("momenten", "moments"),
    ("moments", "moments"),
    ("begint op", "starts_on"),
    ("start", "starts_on"),
    ("starts_on", "starts_on"),
    ("eindigt op", "ends_on"),
    ("einde", "ends_on"),
    ("ends_on", "ends_on"),
    ("prijs", "price"),
    ("price", "price"),
    ("prijs met uitpas", "uitpas_price"),
    ("uitpas", "uitpas_price"),
    ("uitpas_price", "uitpas_price"),
    ("toegankelijkheid", "accessibility"),
    ("accessibility", "accessibility"),
    ("interesses", "interests"),
    ("interests", "interests"),
    ("contact", "contact"),
    ("link", "link"),
    ("website", "link"),
    ("nagekeken op", "last_checked"),
    ("last_checked", "last_checked"),
];

/// The words a catalogue file may use for kinds, facilities and moments, besides their
/// codes: the interface's own (Dutch and English), handed in by the caller.
#[derive(Clone, Debug, Default)]
pub struct StoneWords {
    pub kinds: Vec<(String, super::stepping_stone::OfferKind)>,
    pub access: Vec<(String, super::stepping_stone::Access)>,
    pub slots: Vec<(String, super::profile::Slot)>,
}

/// Splits a cell listing several values ("koken; wandelen", "ma, di").
fn items(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split([';', ',', '|'])
        .map(|v| v.trim().to_lowercase())
        .filter(|v| !v.is_empty())
}

/// A date as typed, in the form's format when it can be read (else as typed: refused there).
fn form_date(value: &str) -> String {
    match parse_date(value) {
        Some(d) => d.format(super::validation::DATE_FORMAT).to_string(),
        None => value.trim().to_owned(),
    }
}

/// The catalogue entry a row becomes, or its problems (named by the file's fields).
pub fn stone_row(
    row: &[String],
    mapping: &[String],
    lists: &Lists,
    words: &StoneWords,
    today: NaiveDate,
) -> Result<super::stepping_stone::NewOffer, Vec<FieldProblem>> {
    use super::stepping_stone::{Access, OfferForm, OfferKind};

    let mut form = OfferForm::default();
    let mut problems: Vec<FieldProblem> = Vec::new();
    let mut bad = |field: &str| problems.push((field.to_owned(), Problem::Invalid));
    for (field, value) in mapping.iter().zip(row) {
        let v = value.trim();
        match field.as_str() {
            "title" => form.title = v.into(),
            "provider" => form.provider = v.into(),
            "kind" => {
                let lower = v.to_lowercase();
                form.kind = OfferKind::from_code(&lower)
                    .or_else(|| {
                        words
                            .kinds
                            .iter()
                            .find(|(w, _)| *w == lower)
                            .map(|(_, k)| *k)
                    })
                    .map(|k| k.code().to_owned())
                    .unwrap_or_else(|| v.to_owned());
            }
            "description" => form.description = v.into(),
            "municipality" if !v.is_empty() => {
                match lists
                    .municipalities
                    .iter()
                    .find(|m| m.name.eq_ignore_ascii_case(v) || m.postcode == v)
                {
                    Some(m) => form.municipality_id = m.id.to_string(),
                    None => bad("municipality"),
                }
            }
            "address" => form.address = v.into(),
            "moments" => {
                for item in items(v) {
                    match item
                        .parse::<u32>()
                        .ok()
                        .and_then(super::profile::Slot::from_index)
                        .or_else(|| {
                            words
                                .slots
                                .iter()
                                .find(|(w, _)| *w == item)
                                .map(|(_, s)| *s)
                        }) {
                        Some(slot) => form.slots.push(slot.index().to_string()),
                        None => {
                            bad("moments");
                            break;
                        }
                    }
                }
            }
            "starts_on" => form.starts_on = form_date(v),
            "ends_on" => form.ends_on = form_date(v),
            "price" => form.price = v.into(),
            "uitpas_price" => form.uitpas_price = v.into(),
            "accessibility" => {
                for item in items(v) {
                    match Access::from_code(&item).or_else(|| {
                        words
                            .access
                            .iter()
                            .find(|(w, _)| *w == item)
                            .map(|(_, a)| *a)
                    }) {
                        Some(a) => form.accessibility.push(a.code().to_owned()),
                        None => {
                            bad("accessibility");
                            break;
                        }
                    }
                }
            }
            "interests" => {
                for item in items(v) {
                    match lists
                        .interests
                        .iter()
                        .find(|i| i.name.to_lowercase() == item)
                    {
                        Some(i) => form.interests.push(i.id.to_string()),
                        None => {
                            bad("interests");
                            break;
                        }
                    }
                }
            }
            "contact" => form.contact = v.into(),
            "link" => form.link = v.into(),
            "last_checked" => form.last_checked = form_date(v),
            _ => {}
        }
    }
    // A price makes it paying; none, free.
    form.cost = if form.price.trim().is_empty() || form.price.trim() == "0" {
        "free".into()
    } else {
        "amount".into()
    };
    match form.check(today, lists) {
        Ok(offer) if problems.is_empty() => Ok(offer),
        Ok(_) => Err(problems),
        Err(more) => {
            // The form's names for two fields differ from the file's.
            problems.extend(more.into_iter().map(|(f, p)| {
                let f = match f.as_str() {
                    "municipality_id" => "municipality".to_owned(),
                    "slots" => "moments".to_owned(),
                    _ => f,
                };
                (f, p)
            }));
            problems.dedup();
            Err(problems)
        }
    }
}

/// Fields a column can fill. `Ignore` leaves a column out.
pub const FIELDS: &[&str] = &[
    "ignore",
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "municipality",
    "phone",
    "email",
    "interests",
    "smokes",
    "max_travel_km",
    "intake_date",
    "notes",
];

/// Column headings people use in their spreadsheets, and the field each means.
const SYNONYMS: &[(&str, &str)] = &[
    ("voornaam", "first_name"),
    ("first name", "first_name"),
    ("first_name", "first_name"),
    ("naam", "last_name"),
    ("achternaam", "last_name"),
    ("familienaam", "last_name"),
    ("last name", "last_name"),
    ("last_name", "last_name"),
    ("geboortedatum", "birth_date"),
    ("date of birth", "birth_date"),
    ("birth_date", "birth_date"),
    ("geslacht", "gender"),
    ("gender", "gender"),
    ("gemeente", "municipality"),
    ("woonplaats", "municipality"),
    ("municipality", "municipality"),
    ("telefoon", "phone"),
    ("gsm", "phone"),
    ("phone", "phone"),
    ("e-mail", "email"),
    ("email", "email"),
    ("interesses", "interests"),
    ("interests", "interests"),
    ("rookt", "smokes"),
    ("roker", "smokes"),
    ("smokes", "smokes"),
    ("km", "max_travel_km"),
    ("afstand", "max_travel_km"),
    ("max_travel_km", "max_travel_km"),
    ("intake", "intake_date"),
    ("intakedatum", "intake_date"),
    ("intake_date", "intake_date"),
    ("notities", "notes"),
    ("opmerkingen", "notes"),
    ("notes", "notes"),
];

/// The field a heading most likely means in a file of `kind`.
pub fn guess_field(kind: ImportKind, heading: &str) -> &'static str {
    let h = heading.trim().to_lowercase();
    let synonyms = match kind {
        ImportKind::SteppingStones => STONE_SYNONYMS,
        _ => SYNONYMS,
    };
    synonyms
        .iter()
        .find(|(name, _)| *name == h)
        .map(|(_, field)| *field)
        .unwrap_or("ignore")
}

/// What one row would become.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowReport {
    /// 1-based line in the file (the heading is line 1).
    pub line: usize,
    pub name: String,
    pub problems: Vec<FieldProblem>,
}

/// A date as spreadsheets write it: `2026-11-27` or `27/11/2026` (also with `-` or `.`).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().or_else(|| {
        ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(v, f).ok())
    })
}

fn gender_code(value: &str) -> String {
    match value.trim().to_lowercase().as_str() {
        "v" | "vrouw" | "f" | "female" | "woman" => "woman".into(),
        "m" | "man" | "male" => "man".into(),
        "x" | "anders" | "other" => "x".into(),
        other => other.into(),
    }
}

/// The forms a row fills in, with problems of values that cannot be read at all (an
/// unknown municipality or interest). `mapping[i]` is the field of column `i`.
fn forms(row: &[String], mapping: &[String], lists: &Lists) -> (IntakeForm, Vec<FieldProblem>) {
    let mut form = IntakeForm::default();
    let mut problems = Vec::new();
    // An imported person agreed on paper; the coordinator confirms the import for them.
    form.consent_matching = "true".into();
    form.profile.preferred_contact = "phone".into();
    form.profile.max_travel_km = "10".into();
    form.profile.availability = (0..21).map(|i| i.to_string()).collect();
    for (value, field) in row.iter().zip(mapping) {
        let value = value.trim();
        let p = &mut form.profile;
        match field.as_str() {
            "first_name" => p.first_name = value.into(),
            "last_name" => p.last_name = value.into(),
            "birth_date" => {
                p.birth_date = parse_date(value)
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_else(|| value.into())
            }
            "gender" => p.gender = gender_code(value),
            "municipality" => {
                let found = lists
                    .municipalities
                    .iter()
                    .find(|m| m.name.eq_ignore_ascii_case(value) || m.postcode == value);
                match found {
                    Some(m) => p.municipality_id = m.id.to_string(),
                    None if value.is_empty() => {}
                    None => problems.push(("municipality_id".to_owned(), Problem::Invalid)),
                }
            }
            "phone" => p.phone = value.into(),
            "email" => p.email = value.into(),
            "interests" => {
                for name in value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                {
                    match lists
                        .interests
                        .iter()
                        .find(|i| i.name.eq_ignore_ascii_case(name))
                    {
                        Some(i) => p.interests.push(i.id.to_string()),
                        None => problems.push(("interests".to_owned(), Problem::Invalid)),
                    }
                }
            }
            "smokes" => {
                let yes = matches!(
                    value.to_lowercase().as_str(),
                    "ja" | "yes" | "j" | "y" | "1" | "true"
                );
                p.smokes = if yes { "true".into() } else { String::new() };
                p.accepts_smoker = p.smokes.clone();
            }
            "max_travel_km" => p.max_travel_km = value.into(),
            "intake_date" => {
                form.intake_date = parse_date(value)
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_else(|| value.into())
            }
            "notes" => form.coordinator_notes = value.into(),
            _ => {}
        }
    }
    if form.profile.phone.is_empty() && !form.profile.email.is_empty() {
        form.profile.preferred_contact = "email".into();
    }
    if form.profile.phone.is_empty() && form.profile.email.is_empty() {
        form.profile.preferred_contact = "post".into();
    }
    (form, problems)
}

/// The intake a participant row becomes, or its problems.
pub fn participant_row(
    row: &[String],
    mapping: &[String],
    lists: &Lists,
    today: NaiveDate,
    by: i32,
) -> Result<super::people::Intake, Vec<FieldProblem>> {
    let (form, mut problems) = forms(row, mapping, lists);
    match form.check(today, by) {
        Ok(intake) if problems.is_empty() => Ok(intake),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            problems.dedup();
            Err(problems)
        }
    }
}

/// The application a buddy row becomes, or its problems.
pub fn buddy_row(
    row: &[String],
    mapping: &[String],
    lists: &Lists,
    today: NaiveDate,
) -> Result<super::people::Application, Vec<FieldProblem>> {
    let (form, mut problems) = forms(row, mapping, lists);
    let application = ApplicationForm {
        profile: form.profile,
        motivation: form.coordinator_notes,
        ..Default::default()
    };
    match application.check(today, false) {
        Ok(a) if problems.is_empty() => Ok(a),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            problems.dedup();
            Err(problems)
        }
    }
}

/// A mapping must name known fields of `kind`, one per column, and each field at most once.
pub fn check_mapping(kind: ImportKind, mapping: &[String], columns: usize) -> Result<(), Problem> {
    let fields = kind.fields();
    if mapping.len() != columns || mapping.iter().any(|f| !fields.contains(&f.as_str())) {
        return Err(Problem::Invalid);
    }
    let mut used: Vec<&String> = mapping.iter().filter(|f| *f != "ignore").collect();
    let before = used.len();
    used.sort();
    used.dedup();
    if used.len() != before {
        return Err(Problem::Invalid);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lists::Named;
    use crate::domain::profile::Municipality;

    fn lists() -> Lists {
        Lists {
            municipalities: vec![Municipality {
                id: 1,
                name: "Mechelen".into(),
                postcode: "2800".into(),
                lat: 51.0,
                lon: 4.4,
            }],
            interests: vec![Named {
                id: 3,
                name: "Film".into(),
                active: true,
            }],
            ..Default::default()
        }
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headings_are_recognised_in_dutch_and_english() {
        assert_eq!(
            guess_field(ImportKind::Participants, " Voornaam "),
            "first_name"
        );
        assert_eq!(guess_field(ImportKind::Participants, "E-mail"), "email");
        assert_eq!(
            guess_field(ImportKind::Participants, "Lievelingskleur"),
            "ignore"
        );
    }

    #[test]
    fn a_row_becomes_an_intake_or_says_what_is_wrong() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mapping = strings(&[
            "first_name",
            "last_name",
            "birth_date",
            "gender",
            "municipality",
            "phone",
            "interests",
        ]);
        let row = strings(&[
            "Mira",
            "Zonnebloem",
            "14/03/1988",
            "V",
            "mechelen",
            "015 12 34 56",
            "film",
        ]);
        let intake = participant_row(&row, &mapping, &lists(), today, 1).unwrap();
        assert_eq!(intake.profile.interests, vec![3]);
        assert_eq!(
            intake.profile.birth_date,
            NaiveDate::from_ymd_opt(1988, 3, 14).unwrap()
        );
        let bad = strings(&[
            "",
            "Zonnebloem",
            "1988-02-31",
            "robot",
            "Parijs",
            "",
            "schaken",
        ]);
        let problems = participant_row(&bad, &mapping, &lists(), today, 1).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        for field in [
            "first_name",
            "birth_date",
            "gender",
            "municipality_id",
            "interests",
        ] {
            assert!(fields.contains(&field), "{field}: {problems:?}");
        }
    }

    #[test]
    fn mappings_name_known_fields_once() {
        assert_eq!(
            check_mapping(
                ImportKind::Participants,
                &strings(&["first_name", "ignore", "ignore"]),
                3
            ),
            Ok(())
        );
        assert!(
            check_mapping(
                ImportKind::Participants,
                &strings(&["first_name", "first_name"]),
                2
            )
            .is_err()
        );
        assert!(check_mapping(ImportKind::Participants, &strings(&["diagnose"]), 1).is_err());
        assert!(check_mapping(ImportKind::Participants, &strings(&["first_name"]), 2).is_err());
    }

    #[test]
    fn a_catalogue_row_becomes_an_offer_or_says_what_is_wrong() {
        use crate::domain::profile::{DayPart, Slot};
        use crate::domain::stepping_stone::{Access, Cost, OfferKind};
        use chrono::Weekday;

        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let words = StoneWords {
            kinds: vec![("wandeling".into(), OfferKind::Walk)],
            access: vec![("rustige plek".into(), Access::Quiet)],
            slots: vec![(
                "zaterdagnamiddag".into(),
                Slot::new(Weekday::Sat, DayPart::Afternoon),
            )],
        };
        let headings = [
            "Titel",
            "Aanbieder",
            "Soort",
            "Gemeente",
            "Wanneer",
            "Prijs",
            "UiTPAS",
            "Toegankelijkheid",
            "Interesses",
            "Begint op",
            "Eindigt op",
            "Website",
        ];
        let mapping: Vec<String> = headings
            .iter()
            .map(|h| guess_field(ImportKind::SteppingStones, h).to_owned())
            .collect();
        assert!(!mapping.contains(&"ignore".to_owned()), "{mapping:?}");
        check_mapping(ImportKind::SteppingStones, &mapping, headings.len()).unwrap();
        let row = |changes: &[(usize, &str)]| {
            let mut r = strings(&[
                "Filmavond",
                "CC Mechelen",
                "Wandeling",
                "mechelen",
                "zaterdagnamiddag; 0",
                "6",
                "1,20",
                "rustige plek",
                "film",
                "01/12/2026",
                "",
                "https://cc.example",
            ]);
            for (i, v) in changes {
                r[*i] = v.to_string();
            }
            r
        };
        let o = stone_row(&row(&[]), &mapping, &lists(), &words, today).unwrap();
        assert_eq!(
            (o.kind, o.municipality_id, o.interests.clone()),
            (OfferKind::Walk, Some(1), vec![3])
        );
        assert_eq!(o.slots.slots().count(), 2);
        assert_eq!(
            o.cost,
            Cost::Amount {
                cents: 600,
                uitpas_cents: Some(120)
            }
        );
        assert_eq!(o.starts_on, NaiveDate::from_ymd_opt(2026, 12, 1));
        let free = stone_row(&row(&[(5, ""), (6, "")]), &mapping, &lists(), &words, today).unwrap();
        assert_eq!(free.cost, Cost::Free);
        for (change, field) in [
            ((3, "Atlantis"), "municipality"),
            ((4, "blauwe maandag"), "moments"),
            ((7, "trampoline"), "accessibility"),
            ((8, "Zeilen"), "interests"),
            ((2, "rave"), "kind"),
            ((5, "-1"), "price"),
            ((10, "01/11/2026"), "ends_on"),
            ((11, "javascript:alert(1)"), "link"),
            ((0, ""), "title"),
        ] {
            let problems =
                stone_row(&row(&[change]), &mapping, &lists(), &words, today).unwrap_err();
            let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
            assert_eq!(fields, [field], "{change:?}");
        }
    }
}

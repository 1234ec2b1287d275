//! A candidate participant's registration: by the person, or by a care worker (a psychiatric
//! service, a mental-health centre, a general practitioner, a social service). The minimum to
//! start: who, how to reach them, where they live, and that the person agreed. The coordinator
//! then plans the intake conversation, which completes the profile.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lists::Lists;
use super::people::FieldProblem;
use super::profile::{check_email, check_phone, optional};
use super::validation::{Problem, text};

crate::coded! {
    /// Who filled in the registration.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RegisteredBy {
        #[default]
        Person = "person",
        CareWorker = "care_worker",
    }
}

crate::coded! {
    /// Where a registration is: waiting for its intake, or done (the participant's record
    /// exists), or closed without one (the person could not be reached, changed their mind).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RegistrationStatus {
        Open = "open",
        Done = "done",
        Closed = "closed",
    }
}

/// Days within which the intake conversation should be planned, unless an admin says else.
pub const DEFAULT_INTAKE_DAYS: i64 = 10;
/// Longest name part.
pub const NAME_MAX: usize = 80;
/// Longest note a registration carries.
pub const NOTE_MAX: usize = 500;

/// The public registration form as the browser sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    /// `person` or `care_worker`.
    pub by: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    pub municipality_id: String,
    /// The care worker's organisation (the admin list of referring organisations).
    pub organisation_id: String,
    pub care_worker_name: String,
    pub care_worker_phone: String,
    pub care_worker_email: String,
    /// Checked: the person agreed to be registered (and to be contacted).
    pub agreed: String,
    pub privacy_read: String,
    pub note: String,
    /// Hidden from people: only robots fill it in.
    pub website: String,
}

/// A checked registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub by: RegisteredBy,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub municipality_id: i64,
    pub organisation_id: Option<i64>,
    pub care_worker_name: String,
    pub care_worker_phone: Option<String>,
    pub care_worker_email: Option<String>,
    pub note: String,
}

fn checked(value: &str) -> bool {
    matches!(value.trim(), "true" | "on" | "1")
}

impl RegistrationForm {
    /// Whether a robot filled in the hidden field.
    pub fn is_spam(&self) -> bool {
        !self.website.trim().is_empty()
    }

    /// Checks every field against the lists; every problem is listed with its field.
    pub fn check(&self, lists: &Lists) -> Result<Registration, Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = Vec::new();
        let mut bad = |field: &str, problem: Problem| problems.push((field.to_owned(), problem));
        let by = match self.by.trim() {
            "" => Some(RegisteredBy::Person),
            v => RegisteredBy::from_code(v),
        };
        if by.is_none() {
            bad("by", Problem::Invalid);
        }
        let care_worker = by == Some(RegisteredBy::CareWorker);
        let first_name = text(&self.first_name, 1, NAME_MAX).map_err(|p| bad("first_name", p));
        let last_name = text(&self.last_name, 1, NAME_MAX).map_err(|p| bad("last_name", p));
        let phone = optional(&self.phone, check_phone).map_err(|p| bad("phone", p));
        let email = optional(&self.email, check_email).map_err(|p| bad("email", p));
        // The programme must be able to reach the person, or the care worker.
        if matches!((&phone, &email), (Ok(None), Ok(None))) && !care_worker {
            bad("phone", Problem::Required);
        }
        let municipality_id = match self.municipality_id.trim().parse::<i64>() {
            Ok(id) if lists.municipality(id).is_some() => Some(id),
            _ if self.municipality_id.trim().is_empty() => {
                bad("municipality_id", Problem::Required);
                None
            }
            _ => {
                bad("municipality_id", Problem::Invalid);
                None
            }
        };
        let organisation_id = match self.organisation_id.trim() {
            "" if care_worker => {
                bad("organisation_id", Problem::Required);
                None
            }
            "" => None,
            v => match v.parse::<i64>() {
                Ok(id)
                    if lists
                        .referral_organisations
                        .iter()
                        .any(|o| o.id == id && o.active) =>
                {
                    Some(id)
                }
                _ => {
                    bad("organisation_id", Problem::Invalid);
                    None
                }
            },
        };
        let min = usize::from(care_worker);
        let care_worker_name =
            text(&self.care_worker_name, min, NAME_MAX * 2).map_err(|p| bad("care_worker_name", p));
        let care_worker_phone =
            optional(&self.care_worker_phone, check_phone).map_err(|p| bad("care_worker_phone", p));
        let care_worker_email =
            optional(&self.care_worker_email, check_email).map_err(|p| bad("care_worker_email", p));
        if care_worker
            && matches!(
                (&care_worker_phone, &care_worker_email),
                (Ok(None), Ok(None))
            )
        {
            bad("care_worker_email", Problem::Required);
        }
        if !checked(&self.agreed) {
            bad("agreed", Problem::Required);
        }
        if !checked(&self.privacy_read) {
            bad("privacy_read", Problem::Required);
        }
        let note = text(&self.note, 0, NOTE_MAX).map_err(|p| bad("note", p));
        match (
            by,
            first_name,
            last_name,
            phone,
            email,
            municipality_id,
            care_worker_name,
            care_worker_phone,
            care_worker_email,
            note,
        ) {
            (
                Some(by),
                Ok(first_name),
                Ok(last_name),
                Ok(phone),
                Ok(email),
                Some(municipality_id),
                Ok(care_worker_name),
                Ok(care_worker_phone),
                Ok(care_worker_email),
                Ok(note),
            ) if problems.is_empty() => Ok(Registration {
                by,
                first_name,
                last_name,
                phone,
                email,
                municipality_id,
                organisation_id,
                // What a person registering themselves typed there is not kept.
                care_worker_name: if care_worker {
                    care_worker_name
                } else {
                    String::new()
                },
                care_worker_phone: care_worker_phone.filter(|_| care_worker),
                care_worker_email: care_worker_email.filter(|_| care_worker),
                note,
            }),
            _ => Err(problems),
        }
    }
}

impl Registration {
    /// The intake form started from this registration: what is known already filled in.
    pub fn intake_form(&self) -> super::people::IntakeForm {
        let mut form = super::people::IntakeForm::default();
        form.profile.first_name = self.first_name.clone();
        form.profile.last_name = self.last_name.clone();
        form.profile.phone = self.phone.clone().unwrap_or_default();
        form.profile.email = self.email.clone().unwrap_or_default();
        form.profile.municipality_id = self.municipality_id.to_string();
        form.referral_organisation_id = self
            .organisation_id
            .map(|id| id.to_string())
            .unwrap_or_default();
        form.referral_contact = [
            self.care_worker_name.as_str(),
            self.care_worker_phone.as_deref().unwrap_or_default(),
            self.care_worker_email.as_deref().unwrap_or_default(),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        form.coordinator_notes = self.note.clone();
        form
    }
}

/// The date by which the intake conversation should be planned.
pub fn intake_due(registered_on: NaiveDate, days: i64) -> NaiveDate {
    registered_on + Duration::days(days.clamp(1, 90))
}

/// What two records of people are compared on to find a possible duplicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonKey {
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

fn name_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn phone_key(s: &str) -> String {
    // The last nine digits: "0470 12 34 56" and "+32 470 12 34 56" are the same number.
    let digits: Vec<char> = s.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(9)..].iter().collect()
}

impl PersonKey {
    /// The same full name, or the same e-mail address, or the same phone number: shown to
    /// the coordinator as a possible duplicate, never merged by itself.
    pub fn may_be(&self, other: &PersonKey) -> bool {
        let same_name = name_key(&self.first_name) == name_key(&other.first_name)
            && name_key(&self.last_name) == name_key(&other.last_name);
        let same = |a: &Option<String>, b: &Option<String>, key: fn(&str) -> String| match (a, b) {
            (Some(a), Some(b)) => {
                let (a, b) = (key(a), key(b));
                !a.is_empty() && a == b
            }
            _ => false,
        };
        same_name
            || same(&self.email, &other.email, name_key)
            || same(&self.phone, &other.phone, phone_key)
    }
}

impl From<&Registration> for PersonKey {
    fn from(r: &Registration) -> Self {
        PersonKey {
            first_name: r.first_name.clone(),
            last_name: r.last_name.clone(),
            phone: r.phone.clone(),
            email: r.email.clone(),
        }
    }
}

/// A registration as the coordinator's list and page show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationView {
    pub id: i32,
    pub version: i32,
    pub status: RegistrationStatus,
    pub registration: Registration,
    pub municipality: String,
    /// The referring organisation's name.
    pub organisation: Option<String>,
    pub registered_on: NaiveDate,
    pub intake_due_on: NaiveDate,
    /// When the coordinator planned the intake conversation.
    pub intake_planned_on: Option<NaiveDate>,
    /// A participant, or an earlier registration, that may be the same person.
    pub possible_duplicate: Option<Duplicate>,
    /// The participant's record made at the intake.
    pub participant_id: Option<i32>,
}

/// The record a registration may duplicate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Duplicate {
    Participant(i32),
    Registration(i32),
}

impl RegistrationView {
    /// Past its due date with no intake planned yet.
    pub fn late(&self, today: NaiveDate) -> bool {
        self.status == RegistrationStatus::Open
            && self.intake_planned_on.is_none()
            && self.intake_due_on < today
    }
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
                lon: 4.5,
            }],
            referral_organisations: vec![
                Named {
                    id: 4,
                    name: "CGG Mechelen".into(),
                    active: true,
                },
                Named {
                    id: 5,
                    name: "Oud".into(),
                    active: false,
                },
            ],
            ..Default::default()
        }
    }

    fn by_person() -> RegistrationForm {
        RegistrationForm {
            first_name: " Nina ".into(),
            last_name: "Peeters".into(),
            phone: "0470 12 34 56".into(),
            municipality_id: "1".into(),
            agreed: "true".into(),
            privacy_read: "true".into(),
            ..Default::default()
        }
    }

    fn by_care_worker() -> RegistrationForm {
        RegistrationForm {
            by: "care_worker".into(),
            phone: String::new(),
            organisation_id: "4".into(),
            care_worker_name: "Karel Zorg".into(),
            care_worker_email: "karel@cgg.example".into(),
            ..by_person()
        }
    }

    fn fields(r: Result<Registration, Vec<FieldProblem>>) -> Vec<String> {
        r.unwrap_err().into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn a_person_registers_with_a_way_to_reach_them() {
        let r = by_person().check(&lists()).unwrap();
        assert_eq!(r.by, RegisteredBy::Person);
        assert_eq!(r.first_name, "Nina");
        assert_eq!(r.phone.as_deref(), Some("0470 12 34 56"));
        assert_eq!(r.organisation_id, None);
        let no_contact = RegistrationForm {
            phone: String::new(),
            ..by_person()
        };
        assert_eq!(fields(no_contact.check(&lists())), ["phone"]);
        // What a person typed in the care worker's fields is not kept.
        let stray = RegistrationForm {
            care_worker_name: "X".into(),
            ..by_person()
        };
        assert_eq!(stray.check(&lists()).unwrap().care_worker_name, "");
    }

    #[test]
    fn a_care_worker_names_their_organisation_and_a_contact() {
        let r = by_care_worker().check(&lists()).unwrap();
        assert_eq!(r.by, RegisteredBy::CareWorker);
        assert_eq!(r.organisation_id, Some(4));
        assert_eq!(r.care_worker_email.as_deref(), Some("karel@cgg.example"));
        // The person may have no phone or address of their own.
        assert_eq!(r.phone, None);
        let bare = RegistrationForm {
            organisation_id: String::new(),
            care_worker_name: String::new(),
            care_worker_email: String::new(),
            ..by_care_worker()
        };
        assert_eq!(
            fields(bare.check(&lists())),
            ["organisation_id", "care_worker_name", "care_worker_email"]
        );
        let hidden = RegistrationForm {
            organisation_id: "5".into(),
            ..by_care_worker()
        };
        assert_eq!(fields(hidden.check(&lists())), ["organisation_id"]);
    }

    #[test]
    fn nothing_is_registered_without_the_persons_agreement() {
        let form = RegistrationForm {
            agreed: String::new(),
            ..by_care_worker()
        };
        assert_eq!(fields(form.check(&lists())), ["agreed"]);
        let form = RegistrationForm {
            agreed: "false".into(),
            privacy_read: String::new(),
            ..by_person()
        };
        assert_eq!(fields(form.check(&lists())), ["agreed", "privacy_read"]);
    }

    #[test]
    fn bad_values_are_named_at_their_field() {
        let form = RegistrationForm {
            by: "robot".into(),
            first_name: "x".repeat(NAME_MAX + 1),
            last_name: "  ".into(),
            email: "geen adres".into(),
            municipality_id: "99".into(),
            note: "y".repeat(100_000),
            ..by_person()
        };
        assert_eq!(
            fields(form.check(&lists())),
            [
                "by",
                "first_name",
                "last_name",
                "email",
                "municipality_id",
                "note"
            ]
        );
        let form = RegistrationForm {
            municipality_id: String::new(),
            ..by_person()
        };
        assert_eq!(
            form.check(&lists()).unwrap_err(),
            vec![("municipality_id".to_owned(), Problem::Required)]
        );
    }

    #[test]
    fn the_intake_starts_from_what_the_registration_knows() {
        let r = by_care_worker().check(&lists()).unwrap();
        let form = r.intake_form();
        assert_eq!(form.profile.first_name, "Nina");
        assert_eq!(form.profile.municipality_id, "1");
        assert_eq!(form.referral_organisation_id, "4");
        assert_eq!(form.referral_contact, "Karel Zorg, karel@cgg.example");
        assert_eq!(
            form.profile.birth_date, "",
            "what the intake asks stays empty"
        );
    }

    #[test]
    fn robots_fill_in_the_hidden_field() {
        assert!(!by_person().is_spam());
        assert!(
            RegistrationForm {
                website: "http://spam".into(),
                ..by_person()
            }
            .is_spam()
        );
    }

    #[test]
    fn the_intake_is_due_within_the_days_set() {
        let on = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(
            intake_due(on, 10),
            NaiveDate::from_ymd_opt(2026, 12, 15).unwrap()
        );
        assert_eq!(
            intake_due(on, 0),
            NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
        );
    }

    #[test]
    fn a_possible_duplicate_shares_a_name_an_address_or_a_number() {
        let key = |first: &str, last: &str, phone: Option<&str>, email: Option<&str>| PersonKey {
            first_name: first.into(),
            last_name: last.into(),
            phone: phone.map(Into::into),
            email: email.map(Into::into),
        };
        let nina = key("Nina", "Peeters", Some("0470 12 34 56"), None);
        assert!(nina.may_be(&key(" nina", "PEETERS ", None, None)));
        assert!(nina.may_be(&key("N.", "P.", Some("+32 470 12 34 56"), None)));
        assert!(key("A", "B", None, Some("a@b.be")).may_be(&key("C", "D", None, Some("A@B.be"))));
        assert!(!nina.may_be(&key("Nina", "Janssens", Some("0470 99 99 99"), None)));
        assert!(!key("A", "B", None, None).may_be(&key("C", "D", None, None)));
    }
}

//! A person's rights over their data (GDPR art. 15–17): erasure by anonymisation. The rules
//! here (who may be erased, what goes and what stays, the form) are pure, so that the preview
//! page and the server apply the same ones.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::people::{BuddyStatus, ParticipantStatus};
use super::validation::Problem;

crate::coded! {
    /// Why a record was anonymised; a code, never free text, so that the reason itself can
    /// hold no personal data.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ErasureReason {
        /// The person asked for it (art. 17).
        Request = "request",
        /// The programme has no reason left to keep it.
        NoLongerNeeded = "no_longer_needed",
        /// The person withdrew the consent the record rested on.
        ConsentWithdrawn = "consent_withdrawn",
        /// The retention period ran out (set by the daily job, not chosen by hand).
        Retention = "retention",
    }
}

impl ErasureReason {
    /// The reasons a coordinator chooses from.
    pub const BY_HAND: [ErasureReason; 3] = [
        ErasureReason::Request,
        ErasureReason::NoLongerNeeded,
        ErasureReason::ConsentWithdrawn,
    ];
}

crate::coded! {
    /// Whose record an erasure or an export is about.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum PersonKind {
        Participant = "participant",
        /// A buddy, or a candidate who applied.
        Buddy = "buddy",
    }
}

impl PersonKind {
    /// The audit log's name for this record.
    pub fn record(self, id: i32) -> super::audit::Record {
        use super::audit::{Record, RecordKind};
        match self {
            PersonKind::Participant => Record::new(RecordKind::Participant, id),
            PersonKind::Buddy => Record::new(RecordKind::Buddy, id),
        }
    }

    /// Where the person's record page is.
    pub fn record_path(self, id: i32) -> String {
        match self {
            PersonKind::Participant => format!("/participants/{id}"),
            PersonKind::Buddy => format!("/buddies/{id}"),
        }
    }
}

/// Why a record cannot be erased now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureRefusal {
    AlreadyErased,
    /// In a duo that has not ended: end it first.
    OpenDuo,
    /// The record is still open: close it first (so that nobody is erased while being helped).
    NotClosed,
}

/// Whether a participant's record may be erased; the first reason against, if any.
pub fn participant_refusal(
    status: ParticipantStatus,
    erased: bool,
    open_duos: u64,
) -> Option<ErasureRefusal> {
    if erased {
        Some(ErasureRefusal::AlreadyErased)
    } else if open_duos > 0 {
        Some(ErasureRefusal::OpenDuo)
    } else if status != ParticipantStatus::Closed {
        Some(ErasureRefusal::NotClosed)
    } else {
        None
    }
}

/// Whether a buddy's (or candidate's) record may be erased: once they stopped or were not
/// approved, and in no open duo.
pub fn buddy_refusal(status: BuddyStatus, erased: bool, open_duos: u64) -> Option<ErasureRefusal> {
    if erased {
        Some(ErasureRefusal::AlreadyErased)
    } else if open_duos > 0 {
        Some(ErasureRefusal::OpenDuo)
    } else if !matches!(status, BuddyStatus::Stopped | BuddyStatus::NotApproved) {
        Some(ErasureRefusal::NotClosed)
    } else {
        None
    }
}

/// What an erasure removes, with how many of each where there can be several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Removed {
    /// First and last name (replaced by the pseudonym).
    Name,
    /// Phone, e-mail address, the referrer's and the support person's contact.
    Contact,
    /// The birth date (the year stays).
    BirthDate,
    /// The coordinator's notes and the wishes about a buddy.
    Notes,
    /// Notes of contacts with the programme.
    ContactNotes(u64),
    /// Registrations made for the person: names, contact details, care worker, note.
    Registrations(u64),
    /// Agreements and notes on how duos ended.
    DuoTexts(u64),
    /// Activities' places, notes, cancel reasons and check-in notes.
    ActivityTexts(u64),
    /// Notes of evaluations.
    EvaluationNotes(u64),
    /// Notes on status changes and referrals.
    HistoryNotes(u64),
    /// Mails to or about the person: address, subject and body.
    Mails(u64),
    /// Values of unfinished forms that name the person.
    Drafts(u64),
    /// Notes of screening conversations (buddies).
    Screenings(u64),
    /// The sign-in account: address, name, password, two-step secret, sessions (they end).
    Account,
}

/// What an erasure keeps, for the programme's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kept {
    /// Dates of intake, waiting, duos, activities and status changes.
    Dates,
    /// Statuses, outcomes and reasons as codes.
    Codes,
    /// Gender, municipality and birth year.
    Demographics,
    /// The matching profile as codes (interests, personality, availability, travel).
    MatchProfile,
    /// Matching scores and check-in moods.
    Scores,
    /// The audit log: who read or changed the record and when (it never held content).
    AuditTrail,
}

impl Kept {
    pub const ALL: [Kept; 6] = [
        Kept::Dates,
        Kept::Codes,
        Kept::Demographics,
        Kept::MatchProfile,
        Kept::Scores,
        Kept::AuditTrail,
    ];
}

/// The counts of a person's texts, as the database finds them (input to the preview).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextCounts {
    pub contact_notes: u64,
    pub registrations: u64,
    pub duos: u64,
    pub activities: u64,
    pub evaluations: u64,
    pub history_notes: u64,
    pub mails: u64,
    pub drafts: u64,
    pub screenings: u64,
    /// The person signs in to Klik.
    pub account: bool,
}

/// The preview of an erasure: what goes, what stays, and whether it may happen now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErasurePreview {
    pub id: i32,
    /// The record's version, so that an edit made meanwhile refuses the erasure.
    pub version: i32,
    /// The name as it is now (shown to the coordinator who confirms), empty once erased.
    pub name: String,
    pub refusal: Option<ErasureRefusal>,
    pub removed: Vec<Removed>,
    pub kept: Vec<Kept>,
}

impl ErasurePreview {
    pub fn new(
        id: i32,
        version: i32,
        name: String,
        refusal: Option<ErasureRefusal>,
        counts: TextCounts,
    ) -> Self {
        let many = [
            Removed::ContactNotes(counts.contact_notes),
            Removed::Registrations(counts.registrations),
            Removed::DuoTexts(counts.duos),
            Removed::ActivityTexts(counts.activities),
            Removed::EvaluationNotes(counts.evaluations),
            Removed::HistoryNotes(counts.history_notes),
            Removed::Mails(counts.mails),
            Removed::Drafts(counts.drafts),
            Removed::Screenings(counts.screenings),
        ];
        let mut removed = vec![
            Removed::Name,
            Removed::Contact,
            Removed::BirthDate,
            Removed::Notes,
        ];
        removed.extend(many.into_iter().filter(|r| r.count() > 0));
        if counts.account {
            removed.push(Removed::Account);
        }
        ErasurePreview {
            id,
            version,
            name,
            refusal,
            removed,
            kept: Kept::ALL.to_vec(),
        }
    }
}

impl Removed {
    /// How many records this part touches (1 for the record's own fields).
    pub fn count(self) -> u64 {
        match self {
            Removed::Name
            | Removed::Contact
            | Removed::BirthDate
            | Removed::Notes
            | Removed::Account => 1,
            Removed::ContactNotes(n)
            | Removed::Registrations(n)
            | Removed::DuoTexts(n)
            | Removed::ActivityTexts(n)
            | Removed::EvaluationNotes(n)
            | Removed::HistoryNotes(n)
            | Removed::Mails(n)
            | Removed::Drafts(n)
            | Removed::Screenings(n) => n,
        }
    }
}

/// The confirmation form: the reason is a choice, the record's version guards against a
/// change made meanwhile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ErasureForm {
    pub reason: String,
    /// "true" when the coordinator ticked that they read the preview.
    pub confirm: String,
}

impl ErasureForm {
    pub fn check(&self) -> Result<ErasureReason, Vec<(String, Problem)>> {
        let mut problems = Vec::new();
        let reason = match ErasureReason::from_code(self.reason.trim()) {
            Some(r) if ErasureReason::BY_HAND.contains(&r) => Some(r),
            Some(_) => {
                problems.push(("reason".to_owned(), Problem::Invalid));
                None
            }
            None if self.reason.trim().is_empty() => {
                problems.push(("reason".to_owned(), Problem::Required));
                None
            }
            None => {
                problems.push(("reason".to_owned(), Problem::Invalid));
                None
            }
        };
        if self.confirm != "true" {
            problems.push(("confirm".to_owned(), Problem::Required));
        }
        match reason {
            Some(r) if problems.is_empty() => Ok(r),
            _ => Err(problems),
        }
    }
}

/// The birth date kept after an erasure: the middle of the birth year, so that an age
/// computed from it is off by at most half a year either way.
pub fn birth_year_only(birth_date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(birth_date.year(), 7, 1).unwrap_or(birth_date)
}

/// The name an erased record shows: "Anoniem" and a code made from random bits, so that two
/// erased records can be told apart on a list without saying who they were.
pub fn pseudonym(random: u32) -> String {
    // No 0/O or 1/I, so that the code can be read aloud.
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut code = String::with_capacity(6);
    let mut bits = random;
    for _ in 0..6 {
        code.push(ALPHABET[(bits % 32) as usize] as char);
        bits /= 32;
    }
    format!("Anoniem {code}")
}

/// Whether `text` names someone by `word` as a whole word (case-insensitive): "Anna" is in
/// "Dag Anna," but not in "Annabel". For mails and drafts, where only free text can tell.
pub fn names(text: &str, word: &str) -> bool {
    let word = word.trim().to_lowercase();
    if word.is_empty() {
        return false;
    }
    let text = text.to_lowercase();
    let is_word_char = |c: char| c.is_alphanumeric();
    text.match_indices(&word).any(|(at, found)| {
        let before = text[..at].chars().next_back();
        let after = text[at + found.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

/// `text` with every whole-word, case-insensitive `word` replaced by `with`: a first name taken
/// out of a mail written before the participant withdrew their consent to share it.
pub fn replace_name(text: &str, word: &str, with: &str) -> String {
    let word: Vec<char> = word.trim().chars().flat_map(char::to_lowercase).collect();
    if word.is_empty() {
        return text.to_owned();
    }
    let is_word_char = |c: char| c.is_alphanumeric();
    let mut out = String::with_capacity(text.len());
    let (mut rest, mut before) = (text, None::<char>);
    while let Some(c) = rest.chars().next() {
        if !before.is_some_and(is_word_char)
            && let Some(len) = prefix_len(rest, &word)
            && !rest[len..].chars().next().is_some_and(is_word_char)
        {
            out.push_str(with);
            before = rest[..len].chars().next_back();
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        before = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// How many bytes of `text`'s start spell `word` (given in lower case), if they do.
fn prefix_len(text: &str, word: &[char]) -> Option<usize> {
    let mut lowered = Vec::with_capacity(word.len());
    let mut end = 0;
    for (at, c) in text.char_indices() {
        if lowered.len() >= word.len() {
            break;
        }
        lowered.extend(c.to_lowercase());
        end = at + c.len_utf8();
    }
    (lowered == word).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_withdrawn_first_name_is_replaced_as_a_whole_word_only() {
        assert_eq!(
            replace_name(
                "Dag Anna, anna komt. Annabel en JoAnna niet.",
                "Anna",
                "je duo"
            ),
            "Dag je duo, je duo komt. Annabel en JoAnna niet."
        );
        assert_eq!(
            replace_name("Op stap met Jean-Pierre!", "jean-pierre", "X"),
            "Op stap met X!"
        );
        assert_eq!(replace_name("Émile en ÉMILE", "émile", "X"), "X en X");
        assert_eq!(replace_name("Niets hier", "", "X"), "Niets hier");
        assert_eq!(replace_name("Ann", "Anna", "X"), "Ann");
    }

    #[test]
    fn only_a_closed_record_without_open_duo_may_be_erased() {
        use ParticipantStatus::*;
        assert_eq!(participant_refusal(Closed, false, 0), None);
        assert_eq!(
            participant_refusal(Closed, true, 0),
            Some(ErasureRefusal::AlreadyErased)
        );
        assert_eq!(
            participant_refusal(InDuo, false, 1),
            Some(ErasureRefusal::OpenDuo)
        );
        for s in [Registered, IntakeDone, Waiting, Proposed, Paused] {
            assert_eq!(
                participant_refusal(s, false, 0),
                Some(ErasureRefusal::NotClosed)
            );
        }
    }

    #[test]
    fn a_buddy_is_erased_once_stopped_or_not_approved() {
        use BuddyStatus::*;
        for s in [Stopped, NotApproved] {
            assert_eq!(buddy_refusal(s, false, 0), None);
            assert_eq!(
                buddy_refusal(s, true, 0),
                Some(ErasureRefusal::AlreadyErased)
            );
        }
        assert_eq!(
            buddy_refusal(InDuo, false, 1),
            Some(ErasureRefusal::OpenDuo)
        );
        for s in [Applied, Screening, Available, Paused] {
            assert_eq!(buddy_refusal(s, false, 0), Some(ErasureRefusal::NotClosed));
        }
    }

    #[test]
    fn an_account_is_listed_when_there_is_one() {
        let counts = TextCounts {
            screenings: 2,
            account: true,
            ..TextCounts::default()
        };
        let p = ErasurePreview::new(1, 1, String::new(), None, counts);
        assert!(
            p.removed
                .ends_with(&[Removed::Screenings(2), Removed::Account])
        );
    }

    #[test]
    fn the_form_needs_a_reason_chosen_by_hand_and_the_tick() {
        let ok = ErasureForm {
            reason: "request".into(),
            confirm: "true".into(),
        };
        assert_eq!(ok.check(), Ok(ErasureReason::Request));
        let none = ErasureForm::default().check().unwrap_err();
        assert_eq!(
            none,
            vec![
                ("reason".to_owned(), Problem::Required),
                ("confirm".to_owned(), Problem::Required)
            ]
        );
        for bad in ["retention", "REQUEST", "<b>x</b>", "request; drop"] {
            let form = ErasureForm {
                reason: bad.into(),
                confirm: "true".into(),
            };
            assert_eq!(
                form.check(),
                Err(vec![("reason".to_owned(), Problem::Invalid)]),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_preview_lists_only_parts_that_exist() {
        let counts = TextCounts {
            activities: 12,
            mails: 3,
            ..TextCounts::default()
        };
        let p = ErasurePreview::new(1, 2, "A B".into(), None, counts);
        assert_eq!(
            p.removed,
            vec![
                Removed::Name,
                Removed::Contact,
                Removed::BirthDate,
                Removed::Notes,
                Removed::ActivityTexts(12),
                Removed::Mails(3)
            ]
        );
        assert_eq!(p.kept, Kept::ALL.to_vec());
    }

    #[test]
    fn the_birth_year_stays() {
        let d = NaiveDate::from_ymd_opt(1984, 12, 31).unwrap();
        assert_eq!(
            birth_year_only(d),
            NaiveDate::from_ymd_opt(1984, 7, 1).unwrap()
        );
    }

    #[test]
    fn pseudonyms_differ_and_say_nothing() {
        let a = pseudonym(0);
        let b = pseudonym(1);
        assert_ne!(a, b);
        assert!(a.starts_with("Anoniem "));
        assert_eq!(a.len(), "Anoniem ".len() + 6);
        assert!(!pseudonym(u32::MAX).contains('0'));
    }

    #[test]
    fn a_name_is_found_as_a_whole_word_only() {
        assert!(names("Dag Anna, tot morgen", "anna"));
        assert!(names("ANNA", "Anna"));
        assert!(names("met Zoë.", "zoë"));
        assert!(!names("Dag Annabel", "Anna"));
        assert!(!names("Hanna", "Anna"));
        assert!(!names("anything", ""));
        assert!(names("Jean-Pierre", "Pierre"));
    }
}

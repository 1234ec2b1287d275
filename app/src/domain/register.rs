//! The registers the law asks for: the record of processing (GDPR art. 30), made from Klik's
//! own data model, access policy and retention settings, and the list of people who can read
//! health data (Belgian act of 30 July 2018, art. 9). Pure: the page, the print and the file
//! say the same.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::account::Role;
use super::retention::Retention;

/// The people Klik holds data about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonCategory {
    Participants,
    /// Registrations by a person or their care worker, before an intake.
    Registrations,
    Buddies,
    /// Candidate volunteers who applied and were not (yet) approved.
    Candidates,
    /// Coordinators, admins and the partner's screeners.
    Staff,
}

/// Kinds of data, as the data model holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataCategory {
    /// Names.
    Identity,
    /// Phone, e-mail address, preferred way of contact.
    Contact,
    /// Birth date, gender, municipality, languages.
    Demographics,
    /// Interests, personality, smoking, availability, travel, wishes.
    MatchingProfile,
    /// Being in the programme at all: referred because of long-term psychological
    /// difficulties (special category, art. 9).
    HealthContext,
    /// The coordinator's notes and notes of contacts.
    Notes,
    /// Duos, agreements, activities, check-ins and evaluations.
    DuoHistory,
    /// Referrals to stepping stones and their follow-up.
    Referrals,
    /// The consents given, with the text's version and date.
    Consents,
    /// A care worker's name and contact details.
    CareWorker,
    /// Motivation and screening conversations.
    Screening,
    /// Sign-in account, sessions, two-step secret (hashed or encrypted), audit trail.
    Account,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    /// Matching and following up duos.
    Matching,
    /// Handling a registration up to the intake.
    Intake,
    /// Finding, screening and supporting volunteers.
    Volunteering,
    /// Running Klik: accounts, access, security.
    Operation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegalBasis {
    /// Explicit consent, art. 6(1)(a) and 9(2)(a), recorded at the intake.
    ExplicitConsent,
    /// Steps at the person's request before an agreement, art. 6(1)(b).
    PreContract,
    /// The volunteer agreement, art. 6(1)(b).
    Contract,
    /// The programme's legitimate interest, art. 6(1)(f).
    LegitimateInterest,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Recipient {
    /// The programme's coordinators and admins.
    Coordinators,
    /// The partner organisation's screeners: only the candidates handed to them.
    Partner,
    /// The buddy of a duo: the participant's first name, and phone and interests if agreed.
    Buddy,
    /// The mail server that delivers Klik's mails.
    MailServer,
    /// Whoever keeps the installation's backups.
    Backups,
    /// Whoever receives a download: the person's data file (the person, on request), report
    /// files (counts only).
    Downloads,
}

/// How long a category is kept, from the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Keeping {
    /// Anonymised this many months after the record was closed.
    MonthsAfterClosing(u32),
    /// Anonymised this many months after the decision not to approve.
    MonthsAfterDecision(u32),
    /// As long as the account exists (an admin removes it).
    WhileAccount,
    /// Until the intake, then part of the participant's record.
    UntilIntake,
}

/// One line of the record of processing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessingEntry {
    pub people: PersonCategory,
    pub data: Vec<DataCategory>,
    /// Holds special-category (health) data.
    pub special: bool,
    pub purposes: Vec<Purpose>,
    pub basis: LegalBasis,
    pub recipients: Vec<Recipient>,
    pub keeping: Keeping,
    /// How many such records Klik holds today (erased ones not counted).
    pub records: u64,
}

/// How many records of each category Klik holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub participants: u64,
    pub registrations: u64,
    pub buddies: u64,
    pub candidates: u64,
    pub staff: u64,
}

/// The security measures Klik itself takes (the operator adds theirs: HTTPS, disk
/// encryption, backups).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    PasswordsHashed,
    TwoStep,
    RoleAccess,
    AuditTrail,
    NoPersonalDataInLogs,
    Retention,
    Erasure,
    /// Downloads: a person's data file is logged; report files hold counts only.
    Downloads,
}

pub const MEASURES: [Measure; 8] = [
    Measure::PasswordsHashed,
    Measure::TwoStep,
    Measure::RoleAccess,
    Measure::AuditTrail,
    Measure::NoPersonalDataInLogs,
    Measure::Retention,
    Measure::Erasure,
    Measure::Downloads,
];

/// The record of processing for these settings and counts; `mail` when Klik sends mail.
pub fn record_of_processing(r: &Retention, counts: Counts, mail: bool) -> Vec<ProcessingEntry> {
    use DataCategory::*;
    let with_mail = |mut v: Vec<Recipient>| {
        if mail {
            v.push(Recipient::MailServer);
        }
        v.push(Recipient::Backups);
        v
    };
    vec![
        ProcessingEntry {
            people: PersonCategory::Participants,
            data: vec![
                Identity,
                Contact,
                Demographics,
                MatchingProfile,
                HealthContext,
                Notes,
                DuoHistory,
                Referrals,
                Consents,
            ],
            special: true,
            purposes: vec![Purpose::Matching],
            basis: LegalBasis::ExplicitConsent,
            recipients: with_mail(vec![
                Recipient::Coordinators,
                Recipient::Buddy,
                Recipient::Downloads,
            ]),
            keeping: Keeping::MonthsAfterClosing(r.participant_months),
            records: counts.participants,
        },
        ProcessingEntry {
            people: PersonCategory::Registrations,
            data: vec![
                Identity,
                Contact,
                Demographics,
                HealthContext,
                CareWorker,
                Notes,
            ],
            special: true,
            purposes: vec![Purpose::Intake],
            basis: LegalBasis::PreContract,
            recipients: with_mail(vec![Recipient::Coordinators]),
            keeping: Keeping::UntilIntake,
            records: counts.registrations,
        },
        ProcessingEntry {
            people: PersonCategory::Buddies,
            data: vec![
                Identity,
                Contact,
                Demographics,
                MatchingProfile,
                DuoHistory,
                Screening,
                Account,
            ],
            special: false,
            purposes: vec![Purpose::Matching, Purpose::Volunteering],
            basis: LegalBasis::Contract,
            recipients: with_mail(vec![Recipient::Coordinators, Recipient::Partner]),
            keeping: Keeping::MonthsAfterClosing(r.buddy_months),
            records: counts.buddies,
        },
        ProcessingEntry {
            people: PersonCategory::Candidates,
            data: vec![Identity, Contact, Demographics, MatchingProfile, Screening],
            special: false,
            purposes: vec![Purpose::Volunteering],
            basis: LegalBasis::PreContract,
            recipients: with_mail(vec![Recipient::Coordinators, Recipient::Partner]),
            keeping: Keeping::MonthsAfterDecision(r.candidate_months),
            records: counts.candidates,
        },
        ProcessingEntry {
            people: PersonCategory::Staff,
            data: vec![Identity, Contact, Account],
            special: false,
            purposes: vec![Purpose::Operation],
            basis: LegalBasis::LegitimateInterest,
            recipients: with_mail(vec![Recipient::Coordinators]),
            keeping: Keeping::WhileAccount,
            records: counts.staff,
        },
    ]
}

/// One person who can read participants' records (health data).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessRow {
    pub name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
    /// When the account was made (the role may have been given later: the audit log says).
    pub since: DateTime<Utc>,
}

/// Both registers, as the page and the file show them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Registers {
    pub programme: String,
    pub made_at: DateTime<Utc>,
    pub processing: Vec<ProcessingEntry>,
    pub retention: Retention,
    pub measures: Vec<Measure>,
    /// The roles that can read participants' records, from the access policy.
    pub health_roles: Vec<Role>,
    pub access: Vec<AccessRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_follows_the_settings_and_names_health_data() {
        let r = Retention {
            participant_months: 36,
            ..Retention::default()
        };
        let entries = record_of_processing(&r, Counts::default(), true);
        let participants = &entries[0];
        assert_eq!(participants.people, PersonCategory::Participants);
        assert!(participants.special && participants.data.contains(&DataCategory::HealthContext));
        assert_eq!(participants.keeping, Keeping::MonthsAfterClosing(36));
        assert_eq!(participants.basis, LegalBasis::ExplicitConsent);
        assert!(participants.recipients.contains(&Recipient::MailServer));
        // Only the participants' and registrations' records hold health data.
        let special: Vec<_> = entries
            .iter()
            .filter(|e| e.special)
            .map(|e| e.people)
            .collect();
        assert_eq!(
            special,
            vec![PersonCategory::Participants, PersonCategory::Registrations]
        );
        // The partner sees buddies and candidates, never participants.
        for e in &entries {
            assert_eq!(
                e.recipients.contains(&Recipient::Partner),
                matches!(
                    e.people,
                    PersonCategory::Buddies | PersonCategory::Candidates
                )
            );
        }
        // Downloads of a person's data and the backups are named.
        assert!(participants.recipients.contains(&Recipient::Downloads));
        assert!(
            entries
                .iter()
                .all(|e| e.recipients.contains(&Recipient::Backups))
        );
        assert!(MEASURES.contains(&Measure::Downloads));
        let no_mail = record_of_processing(&r, Counts::default(), false);
        assert!(
            no_mail
                .iter()
                .all(|e| !e.recipients.contains(&Recipient::MailServer))
        );
    }
}

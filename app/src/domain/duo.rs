//! The duo lifecycle: stages and the moves between them, the mutual agreement, endings and
//! their effects, and the evaluation schedule. Pure rules: the board checks a move in the
//! browser and the server checks it again before the database layer acts on it.

use serde::{Deserialize, Serialize};

use super::people::{BuddyStatus, ParticipantStatus};

/// Where a duo is (shared/DOMAIN.md); `Ended` is final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuoStage {
    Proposed,
    /// The introduction meeting (*kennismaking*) is planned or held.
    Introduction,
    /// Both said yes and the agreement is signed.
    Active,
    Ended,
}

impl DuoStage {
    pub const ALL: [DuoStage; 4] = [
        DuoStage::Proposed,
        DuoStage::Introduction,
        DuoStage::Active,
        DuoStage::Ended,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DuoStage::Proposed => "proposed",
            DuoStage::Introduction => "introduction",
            DuoStage::Active => "active",
            DuoStage::Ended => "ended",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Counts against the participant's one duo and the buddy's capacity.
    pub fn is_open(self) -> bool {
        self != DuoStage::Ended
    }

    /// Forward one step, or end from any open stage; nothing goes back, so the history
    /// stays true (a mistaken proposal is ended with a reason, not undone).
    pub fn can_move_to(self, to: DuoStage) -> bool {
        use DuoStage::*;
        matches!(
            (self, to),
            (Proposed, Introduction)
                | (Introduction, Active)
                | (Proposed | Introduction | Active, Ended)
        )
    }

    /// The stages a card in this stage may be dropped on.
    pub fn moves(self) -> Vec<DuoStage> {
        Self::ALL
            .into_iter()
            .filter(|to| self.can_move_to(*to))
            .collect()
    }
}

/// Why a duo ended (shared/DOMAIN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    Moved,
    NoTime,
    NoClick,
    GoalReached,
    Health,
    Other,
}

impl EndReason {
    pub const ALL: [EndReason; 6] = [
        EndReason::Moved,
        EndReason::NoTime,
        EndReason::NoClick,
        EndReason::GoalReached,
        EndReason::Health,
        EndReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EndReason::Moved => "moved",
            EndReason::NoTime => "no_time",
            EndReason::NoClick => "no_click",
            EndReason::GoalReached => "goal_reached",
            EndReason::Health => "health",
            EndReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The click failing is nobody's fault: the participant waits again with their original
    /// waiting date, whatever stage the duo reached.
    pub fn returns_participant_to_waiting(self) -> bool {
        self == EndReason::NoClick
    }

    /// The two are never proposed to each other again (the matching engine's
    /// `ended_without_click`).
    pub fn blocks_pair_forever(self) -> bool {
        self == EndReason::NoClick
    }
}

/// What the database layer does to the people around a duo that ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndEffects {
    /// Back on the waiting list, keeping the original waiting date. When false the
    /// coordinator chooses the participant's next status.
    pub participant_back_to_waiting: bool,
    /// Never proposed to each other again.
    pub pair_blocked: bool,
}

/// A duo ending before it became active (a withdrawn proposal, "back to candidates", or a
/// cancelled introduction) also returns the participant with their waiting date: they never
/// had a buddy.
pub fn end_effects(from: DuoStage, reason: EndReason) -> EndEffects {
    EndEffects {
        participant_back_to_waiting: reason.returns_participant_to_waiting()
            || matches!(from, DuoStage::Proposed | DuoStage::Introduction),
        pair_blocked: reason.blocks_pair_forever(),
    }
}

/// Why a participant and a buddy cannot be proposed to each other now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Not on the waiting list: registered, intake not done, paused or closed.
    ParticipantNotWaiting,
    /// Already in a proposed, introduced or active duo.
    ParticipantInOpenDuo,
    /// Not (or no longer) approved, or paused.
    BuddyNotAvailable,
    BuddyAtCapacity {
        capacity: u32,
        open_duos: u32,
    },
    /// The two were a duo before and it ended with "no click".
    EndedWithoutClick,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::ParticipantNotWaiting => "participant_not_waiting",
            Refusal::ParticipantInOpenDuo => "participant_in_open_duo",
            Refusal::BuddyNotAvailable => "buddy_not_available",
            Refusal::BuddyAtCapacity { .. } => "buddy_at_capacity",
            Refusal::EndedWithoutClick => "ended_without_click",
        }
    }
}

/// Most open duos a participant is in.
pub const PARTICIPANT_OPEN_DUOS_MAX: u32 = 1;

/// Whether a participant with this many open duos may get another proposal.
pub fn participant_has_room(open_duos: u32) -> bool {
    open_duos < PARTICIPANT_OPEN_DUOS_MAX
}

/// Whether a buddy with this many open duos may get another proposal.
pub fn buddy_has_room(open_duos: u32, capacity: u32) -> bool {
    open_duos < capacity
}

/// What the database knows about a pair when a coordinator proposes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalFacts {
    pub participant_status: ParticipantStatus,
    /// Open duos (proposed, introduction, active) of the participant.
    pub participant_open_duos: u32,
    pub buddy_status: BuddyStatus,
    pub buddy_capacity: u32,
    pub buddy_open_duos: u32,
    /// A duo of these two ended with "no click".
    pub ended_without_click: bool,
}

/// Checks a new proposal (a participant dropped on a buddy); every refusal is listed. The
/// statuses say whether someone is in the matching pool at all, the counts whether they
/// have room, so one cause gives one refusal.
pub fn check_proposal(facts: &ProposalFacts) -> Result<(), Vec<Refusal>> {
    let mut refusals = Vec::new();
    // Proposed and InDuo are pool members whose room the count decides.
    if !matches!(
        facts.participant_status,
        ParticipantStatus::Waiting | ParticipantStatus::Proposed | ParticipantStatus::InDuo
    ) {
        refusals.push(Refusal::ParticipantNotWaiting);
    }
    if !participant_has_room(facts.participant_open_duos) {
        refusals.push(Refusal::ParticipantInOpenDuo);
    }
    // A paused buddy is approved but takes no new duo.
    if !matches!(
        facts.buddy_status,
        BuddyStatus::Available | BuddyStatus::InDuo
    ) {
        refusals.push(Refusal::BuddyNotAvailable);
    }
    if !buddy_has_room(facts.buddy_open_duos, facts.buddy_capacity) {
        refusals.push(Refusal::BuddyAtCapacity {
            capacity: facts.buddy_capacity,
            open_duos: facts.buddy_open_duos,
        });
    }
    if facts.ended_without_click {
        refusals.push(Refusal::EndedWithoutClick);
    }
    if refusals.is_empty() {
        Ok(())
    } else {
        Err(refusals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_pair_is_allowed_or_refused_as_the_lifecycle_says() {
        use DuoStage::*;
        let allowed = [
            (Proposed, Introduction),
            (Proposed, Ended),
            (Introduction, Active),
            (Introduction, Ended),
            (Active, Ended),
        ];
        for from in DuoStage::ALL {
            for to in DuoStage::ALL {
                assert_eq!(
                    from.can_move_to(to),
                    allowed.contains(&(from, to)),
                    "{from:?} -> {to:?}"
                );
            }
        }
        assert_eq!(Proposed.moves(), vec![Introduction, Ended]);
        assert_eq!(Introduction.moves(), vec![Active, Ended]);
        assert_eq!(Active.moves(), vec![Ended]);
        assert!(Ended.moves().is_empty(), "ended is final");
    }

    #[test]
    fn codes_round_trip_and_only_ended_is_closed() {
        for s in DuoStage::ALL {
            assert_eq!(DuoStage::from_code(s.code()), Some(s));
            assert_eq!(s.is_open(), s != DuoStage::Ended);
        }
        for r in EndReason::ALL {
            assert_eq!(EndReason::from_code(r.code()), Some(r));
        }
        assert_eq!(DuoStage::from_code("candidates"), None);
        assert_eq!(EndReason::from_code("No_Click"), None);
    }

    #[test]
    fn only_no_click_returns_the_participant_and_blocks_the_pair() {
        for r in EndReason::ALL {
            let no_click = r == EndReason::NoClick;
            assert_eq!(r.returns_participant_to_waiting(), no_click, "{r:?}");
            assert_eq!(r.blocks_pair_forever(), no_click, "{r:?}");
        }
    }

    #[test]
    fn an_ending_before_the_agreement_returns_the_participant_whatever_the_reason() {
        for from in [DuoStage::Proposed, DuoStage::Introduction, DuoStage::Active] {
            for r in EndReason::ALL {
                let e = end_effects(from, r);
                assert_eq!(
                    e.participant_back_to_waiting,
                    from != DuoStage::Active || r == EndReason::NoClick,
                    "{from:?} {r:?}"
                );
                assert_eq!(e.pair_blocked, r == EndReason::NoClick, "{from:?} {r:?}");
            }
        }
    }

    fn free_pair() -> ProposalFacts {
        ProposalFacts {
            participant_status: ParticipantStatus::Waiting,
            participant_open_duos: 0,
            buddy_status: BuddyStatus::Available,
            buddy_capacity: 2,
            buddy_open_duos: 1,
            ended_without_click: false,
        }
    }

    #[test]
    fn a_waiting_participant_and_a_buddy_with_room_may_be_proposed() {
        assert_eq!(check_proposal(&free_pair()), Ok(()));
        let busy_buddy = ProposalFacts {
            buddy_status: BuddyStatus::InDuo,
            ..free_pair()
        };
        assert_eq!(check_proposal(&busy_buddy), Ok(()));
        assert!(participant_has_room(0) && !participant_has_room(1));
        assert!(buddy_has_room(1, 2) && !buddy_has_room(2, 2) && !buddy_has_room(0, 0));
    }

    #[test]
    fn a_participant_is_in_one_open_duo_at_most() {
        let facts = ProposalFacts {
            participant_status: ParticipantStatus::Proposed,
            participant_open_duos: 1,
            ..free_pair()
        };
        assert_eq!(
            check_proposal(&facts),
            Err(vec![Refusal::ParticipantInOpenDuo])
        );
    }

    #[test]
    fn only_waiting_participants_are_proposed() {
        for status in ParticipantStatus::ALL {
            let facts = ProposalFacts {
                participant_status: status,
                ..free_pair()
            };
            let pool = matches!(
                status,
                ParticipantStatus::Waiting | ParticipantStatus::Proposed | ParticipantStatus::InDuo
            );
            assert_eq!(check_proposal(&facts).is_ok(), pool, "{status:?}");
        }
    }

    #[test]
    fn a_buddy_must_be_available_and_within_capacity() {
        for status in BuddyStatus::ALL {
            let facts = ProposalFacts {
                buddy_status: status,
                ..free_pair()
            };
            let ok = matches!(status, BuddyStatus::Available | BuddyStatus::InDuo);
            assert_eq!(check_proposal(&facts).is_ok(), ok, "{status:?}");
        }
        let full = ProposalFacts {
            buddy_open_duos: 2,
            ..free_pair()
        };
        assert_eq!(
            check_proposal(&full),
            Err(vec![Refusal::BuddyAtCapacity {
                capacity: 2,
                open_duos: 2
            }])
        );
    }

    #[test]
    fn a_pair_without_click_is_never_proposed_again_and_every_refusal_is_listed() {
        let blocked = ProposalFacts {
            ended_without_click: true,
            ..free_pair()
        };
        assert_eq!(
            check_proposal(&blocked),
            Err(vec![Refusal::EndedWithoutClick])
        );
        let everything = ProposalFacts {
            participant_status: ParticipantStatus::Closed,
            participant_open_duos: 1,
            buddy_status: BuddyStatus::Paused,
            buddy_capacity: 1,
            buddy_open_duos: 1,
            ended_without_click: true,
        };
        let codes: Vec<&str> = check_proposal(&everything)
            .unwrap_err()
            .into_iter()
            .map(Refusal::code)
            .collect();
        assert_eq!(
            codes,
            [
                "participant_not_waiting",
                "participant_in_open_duo",
                "buddy_not_available",
                "buddy_at_capacity",
                "ended_without_click"
            ]
        );
    }
}

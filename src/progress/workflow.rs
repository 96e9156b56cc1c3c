//! Submission workflow per department × period:
//! draft → submitted → approved (locked), or submitted → returned (with a reason) → draft …;
//! approved → draft only by a manager reopening it with a reason. Pure.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::auth::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Draft,
    Submitted,
    Approved,
    Returned,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Submitted => "submitted",
            State::Approved => "approved",
            State::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "draft" => State::Draft,
            "submitted" => State::Submitted,
            "approved" => State::Approved,
            "returned" => State::Returned,
            _ => return None,
        })
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            State::Draft => "草稿",
            State::Submitted => "已提交",
            State::Approved => "已审核",
            State::Returned => "已退回",
        }
    }

    /// Whether staff may change values in this state.
    pub fn is_editable(self) -> bool {
        matches!(self, State::Draft | State::Returned)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action<'a> {
    /// Saving a value.
    Edit,
    Submit,
    Approve,
    Return {
        reason: &'a str,
    },
    Reopen {
        reason: &'a str,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    /// The period is submitted or approved: values cannot change.
    #[error("{0}")]
    Locked(&'static str),
    /// The action does not apply in this state.
    #[error("{0}")]
    InvalidTransition(&'static str),
    #[error("{0}")]
    MissingReason(&'static str),
    #[error("{0}")]
    Role(&'static str),
}

/// The state after `action`, or why it is refused.
pub fn next(state: State, action: &Action, role: Role) -> Result<State, WorkflowError> {
    use State::*;
    use WorkflowError as E;
    match action {
        Action::Edit | Action::Submit if role != Role::Staff => {
            Err(E::Role("只有填报员可以填报和提交"))
        }
        Action::Approve | Action::Return { .. } | Action::Reopen { .. }
            if role != Role::Manager =>
        {
            Err(E::Role("只有审核员可以审核、退回或重新打开"))
        }
        Action::Edit => match state {
            Draft | Returned => Ok(Draft),
            Submitted => Err(E::Locked(
                "本期数据已提交待审核，不能修改；如需修改请审核员退回",
            )),
            Approved => Err(E::Locked(
                "本期数据已审核锁定，只有审核员重新打开后才能修改",
            )),
        },
        Action::Submit => match state {
            Draft | Returned => Ok(Submitted),
            Submitted => Err(E::InvalidTransition("本期数据已提交，无需重复提交")),
            Approved => Err(E::InvalidTransition("本期数据已审核，不能再次提交")),
        },
        Action::Approve => match state {
            Submitted => Ok(Approved),
            _ => Err(E::InvalidTransition("只能审核已提交的数据")),
        },
        Action::Return { reason } => {
            if reason.trim().is_empty() {
                return Err(E::MissingReason("退回必须填写原因"));
            }
            match state {
                Submitted => Ok(Returned),
                Approved => Err(E::InvalidTransition(
                    "已审核的数据需先重新打开，不能直接退回",
                )),
                _ => Err(E::InvalidTransition("只能退回已提交的数据")),
            }
        }
        Action::Reopen { reason } => {
            if reason.trim().is_empty() {
                return Err(E::MissingReason("重新打开必须填写原因"));
            }
            match state {
                Approved => Ok(Draft),
                _ => Err(E::InvalidTransition("只有已审核的数据需要重新打开")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;
    use State::*;

    const ALL: [State; 4] = [Draft, Submitted, Approved, Returned];

    #[test]
    fn staff_edit_drafts_and_returned_periods_only() {
        assert_eq!(next(Draft, &Action::Edit, Staff), Ok(Draft));
        assert_eq!(next(Returned, &Action::Edit, Staff), Ok(Draft));
        assert!(matches!(
            next(Submitted, &Action::Edit, Staff),
            Err(WorkflowError::Locked(_))
        ));
        assert!(matches!(
            next(Approved, &Action::Edit, Staff),
            Err(WorkflowError::Locked(_))
        ));
        for s in ALL {
            assert_eq!(
                s.is_editable(),
                next(s, &Action::Edit, Staff).is_ok(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn submit_from_draft_or_returned() {
        assert_eq!(next(Draft, &Action::Submit, Staff), Ok(Submitted));
        assert_eq!(next(Returned, &Action::Submit, Staff), Ok(Submitted));
        assert!(next(Submitted, &Action::Submit, Staff).is_err());
        assert!(next(Approved, &Action::Submit, Staff).is_err());
    }

    #[test]
    fn approve_only_submitted() {
        assert_eq!(next(Submitted, &Action::Approve, Manager), Ok(Approved));
        for s in [Draft, Approved, Returned] {
            assert!(matches!(
                next(s, &Action::Approve, Manager),
                Err(WorkflowError::InvalidTransition(_))
            ));
        }
    }

    #[test]
    fn return_needs_a_reason_and_a_submitted_period() {
        let r = Action::Return {
            reason: "数据口径不一致",
        };
        assert_eq!(next(Submitted, &r, Manager), Ok(Returned));
        assert!(matches!(
            next(Submitted, &Action::Return { reason: "  " }, Manager),
            Err(WorkflowError::MissingReason(_))
        ));
        for s in [Draft, Approved, Returned] {
            assert!(next(s, &r, Manager).is_err(), "{s:?}");
        }
    }

    #[test]
    fn reopen_needs_a_reason_and_an_approved_period() {
        let r = Action::Reopen {
            reason: "统计局修订",
        };
        assert_eq!(next(Approved, &r, Manager), Ok(Draft));
        assert!(matches!(
            next(Approved, &Action::Reopen { reason: "" }, Manager),
            Err(WorkflowError::MissingReason(_))
        ));
        for s in [Draft, Submitted, Returned] {
            assert!(next(s, &r, Manager).is_err(), "{s:?}");
        }
    }

    #[test]
    fn roles_are_enforced_in_every_state() {
        for s in ALL {
            for role in [Manager, Admin] {
                assert!(matches!(
                    next(s, &Action::Edit, role),
                    Err(WorkflowError::Role(_))
                ));
                assert!(matches!(
                    next(s, &Action::Submit, role),
                    Err(WorkflowError::Role(_))
                ));
            }
            for role in [Staff, Admin] {
                assert!(matches!(
                    next(s, &Action::Approve, role),
                    Err(WorkflowError::Role(_))
                ));
                let ret = Action::Return { reason: "x" };
                assert!(matches!(next(s, &ret, role), Err(WorkflowError::Role(_))));
                let reopen = Action::Reopen { reason: "x" };
                assert!(matches!(
                    next(s, &reopen, role),
                    Err(WorkflowError::Role(_))
                ));
            }
        }
    }

    #[test]
    fn states_round_trip() {
        for s in ALL {
            assert_eq!(State::parse(s.as_str()), Some(s));
        }
    }
}

//! Who may do what, as pure functions over a [`Session`]. Every use case in `api` calls one
//! of these before touching data, so the UI, the IPC layer and the CLI cannot bypass them.

use super::{Role, Session};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("请先修改初始密码")]
    MustChangePassword,
    #[error("只能填报本部门的指标")]
    OtherDepartment,
    #[error("该用户未分配部门，不能填报")]
    NoDepartment,
    #[error("{0}")]
    Role(&'static str),
}

pub type Check = Result<(), Denied>;

/// Refused for everything but changing the password while a change is forced.
pub fn require_password_changed(s: &Session) -> Check {
    if s.must_change_password {
        Err(Denied::MustChangePassword)
    } else {
        Ok(())
    }
}

fn own_department(s: &Session, department_id: Option<i64>) -> Check {
    match (s.department_id, department_id) {
        (None, _) => Err(Denied::NoDepartment),
        (Some(mine), Some(theirs)) if mine == theirs => Ok(()),
        _ => Err(Denied::OtherDepartment),
    }
}

/// Entering or correcting values (drafts): staff of the indicator's lead department only.
pub fn can_edit_values(s: &Session, department_id: Option<i64>) -> Check {
    require_password_changed(s)?;
    match s.role {
        Role::Staff => own_department(s, department_id),
        Role::Manager => Err(Denied::Role("审核员不能填报或修改数值，请退回由填报员修改")),
        Role::Admin => Err(Denied::Role("管理员不能填报数值")),
    }
}

/// Submitting a department's period for review: its own staff.
pub fn can_submit(s: &Session, department_id: i64) -> Check {
    require_password_changed(s)?;
    match s.role {
        Role::Staff => own_department(s, Some(department_id)),
        _ => Err(Denied::Role("只有本部门填报员可以提交")),
    }
}

/// Approve, return and reopen: managers.
pub fn can_review(s: &Session) -> Check {
    require_password_changed(s)?;
    match s.role {
        Role::Manager => Ok(()),
        _ => Err(Denied::Role("只有审核员可以审核、退回或重新打开")),
    }
}

/// Seeing a department's values: its staff; managers and admins see all.
pub fn can_view_department(s: &Session, department_id: i64) -> Check {
    require_password_changed(s)?;
    match s.role {
        Role::Staff => own_department(s, Some(department_id)),
        Role::Manager | Role::Admin => Ok(()),
    }
}

/// Users, departments and plans.
pub fn can_administer(s: &Session) -> Check {
    require_password_changed(s)?;
    match s.role {
        Role::Admin => Ok(()),
        _ => Err(Denied::Role("只有管理员可以管理用户、部门和规划")),
    }
}

/// Assigning pending targets and annual targets: managers and admins.
pub fn can_set_targets(s: &Session) -> Check {
    require_password_changed(s)?;
    match s.role {
        Role::Manager | Role::Admin => Ok(()),
        Role::Staff => Err(Denied::Role("只有审核员或管理员可以设定目标")),
    }
}

/// 原因分析 / 下一步措施: the lead department's staff, or a manager.
pub fn can_write_measures(s: &Session, department_id: Option<i64>) -> Check {
    require_password_changed(s)?;
    match s.role {
        Role::Staff => own_department(s, department_id),
        Role::Manager => Ok(()),
        Role::Admin => Err(Denied::Role("管理员不能填写原因分析和措施")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(role: Role, dept: Option<i64>) -> Session {
        Session {
            user_id: 1,
            name: "u".into(),
            role,
            department_id: dept,
            must_change_password: false,
        }
    }

    #[test]
    fn staff_edit_and_submit_only_their_department() {
        let s = session(Role::Staff, Some(1));
        assert!(can_edit_values(&s, Some(1)).is_ok());
        assert_eq!(can_edit_values(&s, Some(2)), Err(Denied::OtherDepartment));
        assert_eq!(can_edit_values(&s, None), Err(Denied::OtherDepartment));
        assert!(can_submit(&s, 1).is_ok());
        assert!(can_submit(&s, 2).is_err());
        assert!(can_view_department(&s, 2).is_err());
        let homeless = session(Role::Staff, None);
        assert_eq!(
            can_edit_values(&homeless, Some(1)),
            Err(Denied::NoDepartment)
        );
    }

    #[test]
    fn only_managers_review() {
        assert!(can_review(&session(Role::Manager, None)).is_ok());
        assert!(can_review(&session(Role::Staff, Some(1))).is_err());
        assert!(can_review(&session(Role::Admin, None)).is_err());
        assert!(can_edit_values(&session(Role::Manager, Some(1)), Some(1)).is_err());
        assert!(can_submit(&session(Role::Manager, Some(1)), 1).is_err());
        assert!(can_view_department(&session(Role::Manager, None), 7).is_ok());
    }

    #[test]
    fn only_admins_administer() {
        assert!(can_administer(&session(Role::Admin, None)).is_ok());
        assert!(can_administer(&session(Role::Manager, None)).is_err());
        assert!(can_administer(&session(Role::Staff, Some(1))).is_err());
        assert!(can_set_targets(&session(Role::Admin, None)).is_ok());
        assert!(can_set_targets(&session(Role::Staff, Some(1))).is_err());
    }

    #[test]
    fn a_forced_password_change_blocks_everything() {
        let mut s = session(Role::Admin, None);
        s.must_change_password = true;
        assert_eq!(can_administer(&s), Err(Denied::MustChangePassword));
        assert_eq!(Denied::MustChangePassword.to_string(), "请先修改初始密码");
        let mut staff = session(Role::Staff, Some(1));
        staff.must_change_password = true;
        assert!(can_edit_values(&staff, Some(1)).is_err());
    }
}

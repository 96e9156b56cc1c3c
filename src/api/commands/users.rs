//! Users, and a user's own password and session.

use crate::api::session;
use crate::api::users::{self, NewUserInput};
use crate::auth::{Role, Session};
use crate::command;
use crate::store::users::UserInfo;

command!(ListUsers = "list_users" {} -> Vec<UserInfo>, |e, c| {
    e.with_session(|conn, s| users::list_users(conn, s))
});

command!(CreateUser = "create_user" { input: NewUserInput } -> UserInfo, |e, c| {
    e.with_session(|conn, s| users::create_user(conn, s, &c.input))
});

command!(SetUserRole = "set_user_role" {
    user_id: i64,
    role: Role,
    department_id: Option<i64>,
} -> UserInfo, |e, c| {
    e.with_session(|conn, s| users::set_role_department(conn, s, c.user_id, c.role, c.department_id))
});

command!(ResetUserPassword = "reset_user_password" { user_id: i64, new_password: String } -> UserInfo, |e, c| {
    e.with_session(|conn, s| users::reset_password(conn, s, c.user_id, &c.new_password))
});

command!(SetUserActive = "set_user_active" { user_id: i64, active: bool } -> UserInfo, |e, c| {
    e.with_session(|conn, s| users::set_active(conn, s, c.user_id, c.active))
});

command!(ChangePassword = "change_password" { old_password: String, new_password: String } -> Session, |e, c| {
    let s = e.session()?;
    let fresh = session::change_password(&mut *e.db()?, &s, &c.old_password, &c.new_password)?;
    e.remember(Some(fresh.clone()));
    Ok(fresh)
});

// Signed out is an answer here, not an error: the window asks at start.
command!(CurrentUser = "current_user" {} -> Option<Session>, |e, c| {
    let Ok(s) = e.session() else {
        return Ok(None);
    };
    let fresh = session::refresh(&*e.db()?, &s).ok();
    e.remember(fresh.clone());
    Ok(fresh)
});

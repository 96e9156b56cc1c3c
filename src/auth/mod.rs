//! Users, roles, password hashing and permission checks. Pure apart from hashing: the
//! store and the api decide where a [`Session`] comes from.

mod password;
pub mod permission;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use password::{
    check_new_password, hash_password, verify_password, PasswordError, MIN_PASSWORD_CHARS,
};

/// What a user may do. Staff enter their own department's values; managers review all
/// departments; admins manage users, departments and plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Staff,
    Manager,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim() {
            "staff" | "填报员" => Role::Staff,
            "manager" | "审核员" => Role::Manager,
            "admin" | "管理员" => Role::Admin,
            _ => return None,
        })
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Staff => "填报员",
            Role::Manager => "审核员",
            Role::Admin => "管理员",
        }
    }
}

/// Who is working. Created by logging in; use cases re-read the user from the database
/// before trusting it, so a stale or forged session gains nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Session {
    #[ts(type = "number")]
    pub user_id: i64,
    pub name: String,
    pub role: Role,
    #[ts(type = "number | null")]
    pub department_id: Option<i64>,
    /// The initial or a reset password is still in use: everything but changing it is refused.
    pub must_change_password: bool,
}

//! "Has anything changed?" for lists that should follow other people's work without a
//! restart (the reviewer's dashboard and submissions): clients poll this cheap number and
//! reload when it grows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::session::authorize;
use super::ApiError;
use crate::auth::Session;
use crate::store::{audit, Sql};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Changes {
    /// The latest recorded change (an audit id): larger means something happened since.
    #[ts(type = "number")]
    pub last_change: i64,
}

pub fn changes(conn: &impl Sql, s: &Session) -> Result<Changes, ApiError> {
    authorize(conn, s)?;
    Ok(Changes {
        last_change: audit::last_id(conn)?,
    })
}

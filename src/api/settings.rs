//! Settings, at two levels, and the date the app works with.
//!
//! - [`DatabaseSettings`] live in the database (`settings` table): they belong to the data
//!   and everyone who opens it sees the same — a fixed "today" for a demo or training
//!   database, how many backups of it to keep. With a server later, the server's database
//!   holds them.
//! - [`MachineSettings`](super::machine_settings::MachineSettings) live in a file on this
//!   computer: what is needed before any database is open (a server's address and the
//!   fingerprint of its trusted certificate).
//!
//! [`today`] is the one source of "today" for the engine and, over IPC, for the UI.

use crate::store::{Database, Sql, Write};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use ts_rs::TS;

use super::session::{actor, authorize};
use super::{ApiError, ErrorCode};
use crate::auth::{permission, Session};
use crate::store::settings;

/// Environment variable that fixes "today" (`YYYY-MM-DD`) for tests, demos and recordings;
/// it wins over the database setting.
pub const TODAY_ENV: &str = "ZHIBIAO_TODAY";

/// Settings kept in the database. A setting never written has its default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DatabaseSettings {
    /// A fixed "today" for a demo or training database: period defaults, schedules and
    /// report dates use it instead of the clock.
    pub fixed_today: Option<NaiveDate>,
    /// How many automatic backups of this database to keep.
    pub backups_kept: u32,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        DatabaseSettings {
            fixed_today: None,
            backups_kept: 10,
        }
    }
}

/// Where [`Today::date`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TodaySource {
    /// The `ZHIBIAO_TODAY` environment variable.
    Environment,
    /// [`DatabaseSettings::fixed_today`].
    Setting,
    Clock,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Today {
    pub date: NaiveDate,
    pub source: TodaySource,
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, format!("设置数据有误：{e}"))
}

/// The database's settings (defaults for those never written).
pub fn database_settings(conn: &impl Sql) -> Result<DatabaseSettings, ApiError> {
    let mut map = Map::new();
    for (key, text) in settings::all(conn)? {
        map.insert(key, serde_json::from_str(&text).map_err(internal)?);
    }
    // Keys this version does not know (written by a newer one) are ignored by serde.
    serde_json::from_value(Json::Object(map)).map_err(internal)
}

/// "Today" from the environment value, the settings and the clock, in that order. A plain
/// function so the engine (schedules, demo seeding, report dates) and tests can call it with
/// what they hold.
pub fn today_from(
    env: Option<&str>,
    settings: &DatabaseSettings,
    clock: NaiveDate,
) -> Result<Today, ApiError> {
    if let Some(text) = env.map(str::trim).filter(|s| !s.is_empty()) {
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!("环境变量 {TODAY_ENV} 的值“{text}”不是日期，应写作 YYYY-MM-DD"),
            )
        })?;
        return Ok(Today {
            date,
            source: TodaySource::Environment,
        });
    }
    Ok(match settings.fixed_today {
        Some(date) => Today {
            date,
            source: TodaySource::Setting,
        },
        None => Today {
            date: clock,
            source: TodaySource::Clock,
        },
    })
}

/// The date the app works with: `ZHIBIAO_TODAY`, else the database's fixed date, else the
/// local clock.
pub fn today(conn: &impl Sql) -> Result<Today, ApiError> {
    today_from(
        std::env::var(TODAY_ENV).ok().as_deref(),
        &database_settings(conn)?,
        chrono::Local::now().date_naive(),
    )
}

/// "Today" before any database is readable (a server before signing in): the environment's
/// date, else this computer's clock.
pub fn today_without_database() -> Result<Today, ApiError> {
    today_from(
        std::env::var(TODAY_ENV).ok().as_deref(),
        &DatabaseSettings::default(),
        chrono::Local::now().date_naive(),
    )
}

/// Settings for the settings page; any signed-in user may read them.
pub fn get_settings(conn: &impl Sql, s: &Session) -> Result<DatabaseSettings, ApiError> {
    authorize(conn, s)?;
    database_settings(conn)
}

/// Stores the database's settings (administrators only); each changed one is audited.
pub fn update_settings(
    conn: &mut impl Database,
    s: &Session,
    new: &DatabaseSettings,
) -> Result<DatabaseSettings, ApiError> {
    let s = authorize(conn, s)?;
    permission::can_administer(&s)?;
    if new.backups_kept == 0 {
        return Err(ApiError::new(ErrorCode::InvalidInput, "至少保留 1 份备份"));
    }
    let Json::Object(values) = serde_json::to_value(new).map_err(internal)? else {
        return Err(internal("not an object"));
    };
    let tx = conn.transaction()?;
    for (key, value) in &values {
        settings::set(&tx, &actor(&s), key, &value.to_string())?;
    }
    tx.commit()?;
    database_settings(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn environment_then_setting_then_clock() {
        let clock = date("2026-11-30");
        let fixed = DatabaseSettings {
            fixed_today: Some(date("2025-10-15")),
            ..DatabaseSettings::default()
        };
        let t = today_from(Some("2024-01-02"), &fixed, clock).unwrap();
        assert_eq!(
            (t.date, t.source),
            (date("2024-01-02"), TodaySource::Environment)
        );
        let t = today_from(None, &fixed, clock).unwrap();
        assert_eq!(
            (t.date, t.source),
            (date("2025-10-15"), TodaySource::Setting)
        );
        let t = today_from(Some(" "), &DatabaseSettings::default(), clock).unwrap();
        assert_eq!((t.date, t.source), (clock, TodaySource::Clock));
    }

    #[test]
    fn a_malformed_environment_date_is_refused_in_chinese() {
        let e = today_from(
            Some("2025/13/01"),
            &DatabaseSettings::default(),
            date("2026-01-01"),
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert!(e.message.contains(TODAY_ENV), "{}", e.message);
    }
}

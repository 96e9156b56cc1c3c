//! The shared database's settings and today's date as the database sees it.

use crate::api::session;
use crate::api::settings::{self, DatabaseSettings, Today};
use crate::command;

command!(GetToday = "today" {} -> Today, |e, c| {
    settings::today(&*e.db()?)
});

command!(GetSettings = "get_settings" {} -> DatabaseSettings, |e, c| {
    e.with_session(|conn, s| settings::get_settings(conn, s))
});

command!(UpdateSettings = "update_settings" { settings: DatabaseSettings } -> DatabaseSettings, |e, c| {
    e.with_session(|conn, s| settings::update_settings(conn, s, &c.settings))
});

command!(RequireAdministrator = "require_administrator" {} -> (), |e, c| {
    e.with_session(|conn, s| session::administrator(conn, s).map(|_| ()))
});

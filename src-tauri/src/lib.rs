//! Tauri shell of 规划指标监测: exposes the engine's use cases (`zhibiao::api`) as thin IPC
//! commands, each a call through the app's [`backend::Backend`] (the local engine, or the shared
//! server chosen at sign-in). `setup` is generic over the runtime so
//! the commands are tested headless with `tauri::test::mock_builder()`.

pub mod backend;
pub mod commands;
pub mod db_location;
pub mod memory;
pub mod state;
pub mod webview_env;

use std::io::IsTerminal;

use tauri::{Builder, Runtime};

pub use state::AppState;

/// Registers plugins and commands on `builder`. The caller manages an [`AppState`].
pub fn setup<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::app_info::app_info,
            commands::app_info::open_demo_database,
            commands::app_info::frontend_ready,
            commands::connection::probe_server,
            commands::connection::connect_server,
            commands::connection::accept_renewed_certificate,
            commands::connection::use_local_database,
            commands::session::first_run,
            commands::session::set_first_password,
            commands::session::login,
            commands::session::logout,
            commands::session::current_user,
            commands::session::change_password,
            commands::plans::list_plans,
            commands::plans::get_plan,
            commands::plans::update_indicator,
            commands::imports::preview_import,
            commands::imports::preview_import_file,
            commands::imports::preview_import_html,
            commands::imports::preview_import_changes,
            commands::imports::commit_import,
            commands::import_wizard::guess_manual_table,
            commands::import_wizard::read_manual_table,
            commands::import_wizard::preview_or_blank,
            commands::import_wizard::preview_file_or_blank,
            commands::departments::list_departments,
            commands::departments::create_department,
            commands::departments::rename_department,
            commands::departments::delete_department,
            commands::departments::assign_indicator,
            commands::users::list_users,
            commands::users::create_user,
            commands::users::set_user_role,
            commands::users::reset_user_password,
            commands::users::set_user_active,
            // progress entry (progress UI engineer)
            commands::progress::entry_grid,
            commands::progress::save_observation,
            commands::progress::save_observations,
            commands::progress::submit_period,
            commands::progress::approve_period,
            commands::progress::return_period,
            commands::progress::reopen_period,
            commands::progress::cell_history,
            commands::progress::indicator_history,
            commands::progress::get_measures,
            commands::progress::save_measures,
            commands::progress::assign_target,
            commands::progress::target_revisions,
            commands::progress::set_annual_target,
            commands::progress::annual_targets,
            commands::progress::indicator_values,
            commands::status::dashboard_page,
            commands::status::changes,
            commands::status::indicator_status,
            commands::status::chart_svg,
            commands::status::save_chart_png,
            commands::report::generate_report,
            commands::report::save_report,
            commands::report::open_report_externally,
            commands::report::export_table,
            commands::report::import_xlsx_preview,
            commands::report::import_xlsx_confirm,
            commands::settings::today,
            commands::settings::get_settings,
            commands::settings::update_settings,
            commands::settings::get_machine_settings,
            commands::settings::update_machine_settings,
            commands::backup::list_backups,
            commands::backup::backup_now,
            commands::backup::restore_backup,
            commands::report::report_output_dir,
            commands::lifecycle::plan_lifecycles,
            commands::lifecycle::default_period,
            commands::lifecycle::nearest_report_period,
            commands::lifecycle::indicator_heading,
            commands::links::link_suggestions,
            commands::links::successor_links,
            commands::links::save_link,
            commands::links::remove_link,
            commands::links::indicator_lineage,
            commands::feasibility::target_feasibility,
            commands::feasibility::save_annual_targets,
        ])
}

/// Opens the database (the demo plans only with `--demo`) and starts the window.
pub fn run() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let demo = db_location::demo_requested(std::env::args_os(), std::env::var_os("ZHIBIAO_DEMO"));
    let path = db_location::resolve_for(std::env::args_os(), std::env::var_os("ZHIBIAO_DB"), demo);
    tracing::info!(db = %path.display(), demo, "opening database");
    // Every plan's statuses kept between runs: the first screen after opening reads them
    // instead of evaluating a province's values again (unchanged data only).
    zhibiao::api::evaluation_cache::on_disk::keep_in(
        zhibiao::api::db_path::cache_dir().map(|d| d.join("evaluation")),
    );
    let settings = zhibiao::api::machine_settings::default_path();
    let state = match AppState::open_chosen(&path, demo, settings) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "cannot open database");
            eprintln!("无法打开数据库 {}：{}", path.display(), e.message);
            std::process::exit(2);
        }
    };
    setup(Builder::default())
        .setup(|_| {
            tracing::info!("app ready");
            Ok(())
        })
        .manage(state)
        .build(tauri::generate_context!())
        .expect("error while building tauri application")
        .run(|_, event| {
            if let tauri::RunEvent::Exit = event {
                // Statuses saved in the last seconds: the next start reads them from the file.
                zhibiao::api::evaluation_cache::on_disk::write_pending();
            }
        });
}

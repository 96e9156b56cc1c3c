//! The command table: every use case the window calls, as data — a name, its arguments (a
//! struct that serialises to the JSON object sent over IPC or HTTP) and what running it does
//! on an [`Engine`]. The desktop shell runs them in-process on its own connection; the server
//! (`zhibiao serve`) runs the same ones by name ([`dispatch`]) for the signed-in holder of a
//! token. One declaration per command, so no rule is copied between the two.

pub mod departments;
mod engine;
pub mod feasibility;
pub mod imports;
pub mod lifecycle;
pub mod links;
pub mod plans;
pub mod progress;
pub mod report;
pub mod settings;
pub mod status;
pub mod users;

use serde::de::DeserializeOwned;
use serde::Serialize;

pub use engine::{Engine, OnConnection};

use crate::api::{ApiError, ErrorCode};

/// One use case invocation, as data.
pub trait Command: Serialize + DeserializeOwned + Send + 'static {
    /// Stable name: the IPC command's and the HTTP route's (`POST /api/{NAME}`).
    const NAME: &'static str;
    type Output: Serialize + DeserializeOwned + Send + 'static;
    /// Runs the command. Long work (rendering) happens after the connection is given back.
    fn run<E: Engine>(self, engine: &E) -> Result<Self::Output, ApiError>;
}

/// Declares a [`Command`]: a struct of its arguments and what running it does.
///
/// ```ignore
/// command!(GetPlan = "get_plan" { id: i64 } -> PlanDetail, |engine, call| {
///     engine.signed_in(|conn, _| plans::plan_detail(conn, call.id))
/// });
/// ```
#[macro_export]
macro_rules! command {
    ($(#[$meta:meta])* $name:ident = $cmd:literal { $($field:ident : $ty:ty),* $(,)? }
        -> $out:ty, |$engine:ident, $call:ident| $body:expr) => {
        $(#[$meta])*
        #[derive(serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $(pub $field: $ty),*
        }

        impl $crate::api::commands::Command for $name {
            const NAME: &'static str = $cmd;
            type Output = $out;
            #[allow(unused_variables)]
            fn run<E: $crate::api::commands::Engine>(
                self,
                $engine: &E,
            ) -> Result<$out, $crate::api::ApiError> {
                let $call = self;
                $body
            }
        }
    };
}

/// Runs the command named `name` with its arguments as JSON: what the server does for
/// `POST /api/{name}`.
pub fn run_json<C: Command, E: Engine>(
    engine: &E,
    args: serde_json::Value,
) -> Result<serde_json::Value, ApiError> {
    let call: C = serde_json::from_value(args).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("命令 {} 的参数不正确：{e}", C::NAME),
        )
    })?;
    let out = call.run(engine)?;
    serde_json::to_value(out)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("结果无法编码：{e}")))
}

macro_rules! table {
    ($($ty:path),* $(,)?) => {
        /// Every command's name, in the table's order.
        pub const NAMES: &[&str] = &[$(<$ty as Command>::NAME),*];

        /// Runs the command named `name`; an unknown name is `NotFound`.
        pub fn dispatch<E: Engine>(
            engine: &E,
            name: &str,
            args: serde_json::Value,
        ) -> Result<serde_json::Value, ApiError> {
            $(if name == <$ty as Command>::NAME {
                return run_json::<$ty, E>(engine, args);
            })*
            Err(ApiError::new(ErrorCode::NotFound, format!("没有这个命令：{name}")))
        }
    };
}

table![
    plans::ListPlans,
    plans::GetPlan,
    plans::UpdateIndicator,
    imports::PreviewImport,
    imports::PreviewImportFile,
    imports::PreviewImportHtml,
    imports::CommitImport,
    imports::PreviewImportChanges,
    imports::GuessManualTable,
    imports::ReadManualTable,
    imports::PreviewOrBlank,
    imports::PreviewFileOrBlank,
    departments::ListDepartments,
    departments::CreateDepartment,
    departments::RenameDepartment,
    departments::DeleteDepartment,
    departments::AssignIndicator,
    users::ListUsers,
    users::CreateUser,
    users::SetUserRole,
    users::ResetUserPassword,
    users::SetUserActive,
    users::ChangePassword,
    users::CurrentUser,
    progress::GetEntryGrid,
    progress::SaveObservation,
    progress::SaveObservations,
    progress::SubmitPeriod,
    progress::ApprovePeriod,
    progress::ReturnPeriod,
    progress::ReopenPeriod,
    progress::CellHistory,
    progress::IndicatorHistory,
    progress::GetMeasures,
    progress::SaveMeasures,
    progress::AssignTarget,
    progress::TargetRevisions,
    progress::SetAnnualTarget,
    progress::AnnualTargets,
    progress::IndicatorValues,
    status::GetDashboardPage,
    status::IndicatorStatus,
    status::ChartSvg,
    status::ChartPng,
    status::LastChange,
    report::RenderReport,
    report::ExportTable,
    report::ImportXlsxPreview,
    report::ImportXlsxConfirm,
    settings::GetToday,
    settings::GetSettings,
    settings::UpdateSettings,
    settings::RequireAdministrator,
    lifecycle::PlanLifecycles,
    lifecycle::GetDefaultPeriod,
    lifecycle::NearestReportPeriod,
    lifecycle::GetIndicatorHeading,
    links::LinkSuggestions,
    links::SuccessorLinks,
    links::SaveLink,
    links::RemoveLink,
    links::IndicatorLineage,
    feasibility::TargetFeasibility,
    feasibility::SaveAnnualTargets,
];

/// The commands that change data: a client retrying one of them after a lost answer sends
/// the same idempotency key, so that the server does not apply it twice. Reads need none.
pub const WRITES: &[&str] = &[
    "update_indicator",
    "commit_import",
    "create_department",
    "rename_department",
    "delete_department",
    "assign_indicator",
    "create_user",
    "set_user_role",
    "reset_user_password",
    "set_user_active",
    "change_password",
    "save_observation",
    "save_observations",
    "submit_period",
    "approve_period",
    "return_period",
    "reopen_period",
    "save_measures",
    "assign_target",
    "set_annual_target",
    "import_xlsx_confirm",
    "update_settings",
    "save_link",
    "remove_link",
    "save_annual_targets",
];

#[cfg(test)]
mod tests;

//! TypeScript declarations of every DTO that crosses the IPC boundary, generated with ts-rs.
//! `tests/ts_bindings.rs` compares them with the committed `ui/src/bindings.ts` (and rewrites
//! it with `UPDATE_BINDINGS=1`), so the UI's types can never drift from the Rust ones.

use ts_rs::{Config, TS};

/// Appends `export type X = …;` for each listed type.
macro_rules! declare {
    ($cfg:expr, $out:expr, [$($ty:ty),* $(,)?]) => {
        $(
            $out.push_str("export ");
            $out.push_str(&<$ty as TS>::decl($cfg));
            $out.push_str("\n\n");
        )*
    };
}

/// The whole `ui/src/bindings.ts` file.
pub fn typescript_declarations() -> String {
    // SQLite ids are i64 but far below 2^53: plain JS numbers keep the UI simple.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test ts_bindings`.\n\
         // Do not edit by hand.\n\n",
    );
    declare!(
        &cfg,
        out,
        [
            // IPC error
            crate::api::ApiError,
            crate::api::ErrorCode,
            // model
            crate::model::Qualifier,
            crate::model::ValueKind,
            crate::model::RelativeChange,
            crate::model::Ratio,
            crate::model::NumberRange,
            crate::model::Value,
            crate::model::Attribute,
            crate::model::Direction,
            crate::model::TableKind,
            crate::model::Period,
            crate::model::PlanDraft,
            crate::model::Plan,
            crate::model::PlanTable,
            crate::model::IndicatorDraft,
            crate::model::Indicator,
            crate::model::Department,
            // importer
            crate::import::ExtractedDocument,
            crate::import::ExtractedPlan,
            crate::import::ExtractedTable,
            crate::import::ExtractedIndicator,
            crate::import::ExtractedAnnualTarget,
            crate::import::ColumnRole,
            crate::import::ColumnRead,
            crate::import::ColumnChoice,
            crate::import::TableGuess,
            // plans and departments
            crate::store::plans::PlanSummary,
            crate::store::departments::DepartmentSummary,
            crate::store::indicators::IndicatorUpdate,
            crate::api::plans::ImportPreview,
            crate::api::plans::PreviewPlan,
            crate::api::plans::PreviewTable,
            crate::api::plans::PreviewRow,
            crate::api::plans::ImportSummary,
            crate::api::plans::ImportedPlan,
            crate::api::plans::ImportChanges,
            crate::api::plans::PlanChanges,
            crate::store::reissue::TableRevision,
            crate::store::reissue::ChangedIndicator,
            crate::store::reissue::FieldChange,
            crate::store::reissue::DroppedIndicator,
            crate::api::import_corrections::ImportCorrection,
            crate::api::import_wizard::ManualTable,
            crate::api::plans::PlanDetail,
            crate::api::plans::TableDetail,
            crate::api::plans::CategoryGroup,
            crate::api::plans::IndicatorView,
            // users and audit
            crate::auth::Role,
            crate::auth::Session,
            crate::api::session::FirstRun,
            crate::store::users::UserInfo,
            crate::store::AuditEntry,
            // progress entry
            crate::progress::QualStatus,
            crate::progress::Vintage,
            crate::progress::Issue,
            crate::progress::Rule,
            crate::progress::Severity,
            crate::progress::State,
            crate::store::observations::Observation,
            crate::store::submissions::Submission,
            crate::store::targets::AnnualTarget,
            crate::store::targets::TargetRevision,
            crate::store::measures::Measures,
            crate::api::progress::ObservationInput,
            crate::api::progress::SaveOutcome,
            crate::api::progress::BatchRow,
            crate::api::progress::CellConflict,
            crate::api::progress::BatchOutcome,
            crate::api::progress::EntryGrid,
            crate::api::progress::EntryRow,
            // evaluation
            crate::eval::Label,
            crate::eval::CagrBand,
            crate::eval::Reason,
            crate::eval::TargetForm,
            crate::eval::Forecast,
            crate::eval::ObservedValue,
            crate::eval::IndicatorStatus,
            crate::eval::LabelCount,
            crate::eval::GroupRollUp,
            crate::eval::RollUp,
            crate::api::status::StatusFilter,
            crate::api::status::StatusRow,
            crate::api::status::StatusReport,
            crate::api::dashboard::DashboardQuery,
            crate::api::dashboard::DashboardPage,
            crate::api::charts::ChartKind,
            crate::api::charts::ChartRequest,
            // reports, Excel and users
            crate::api::report::ReportRequest,
            crate::api::export::ExportRequest,
            crate::api::xlsx_import::AcceptedRow,
            crate::api::xlsx_import::RejectedRow,
            crate::api::xlsx_import::XlsxImportPreview,
            crate::api::xlsx_import::XlsxImportOutcome,
            // settings
            crate::api::settings::DatabaseSettings,
            crate::api::settings::TodaySource,
            crate::api::settings::Today,
            crate::api::machine_settings::MachineSettings,
            crate::api::users::NewUserInput,
            // backup and restore
            crate::api::backup::BackupEntry,
            crate::api::backup::BackupList,
            crate::api::backup::RestoreOutcome,
            // plan lifecycle, successor links, target feasibility
            crate::model::PlanPhase,
            crate::api::lifecycle::PlanLifecycle,
            crate::api::lifecycle::PeriodGranularity,
            crate::api::lifecycle::PeriodSelection,
            crate::api::lifecycle::DefaultPeriod,
            crate::api::lifecycle::IndicatorHeading,
            crate::succession::SuccessorLink,
            crate::succession::Suggestion,
            crate::succession::JoinedPoint,
            crate::succession::BaselineShift,
            crate::api::links::LinkedIndicator,
            crate::api::links::LinkSuggestion,
            crate::api::links::LinkView,
            crate::api::links::LinkInput,
            crate::api::links::Lineage,
            crate::eval::Feasibility,
            crate::eval::PaceKind,
            crate::eval::FeasibilityResult,
            crate::api::feasibility::FeasibilityRow,
        ]
    );
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declaration_is_exported_once() {
        let ts = typescript_declarations();
        assert!(ts.contains("export type ApiError = "));
        assert!(ts.contains("export type Value = "));
        let plan_count = ts.matches("export type Plan = ").count();
        assert_eq!(plan_count, 1);
    }
}

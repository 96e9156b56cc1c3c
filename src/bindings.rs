//! TypeScript declarations of every DTO that crosses the IPC boundary, generated with ts-rs,
//! one file per concept under `ui/src/bindings/` (each importing what it uses from the others)
//! and `ui/src/bindings.ts` re-exporting them all, so the UI imports from one place.
//! `tests/interfaces/ts_bindings.rs` compares them with the committed files (and rewrites them with
//! `UPDATE_BINDINGS=1`), so the UI's types can never drift from the Rust ones.

use std::collections::{BTreeMap, BTreeSet};

use ts_rs::{Config, TS};

/// One declared type: its name, its declaration and the names it refers to.
struct Declared {
    name: String,
    decl: String,
    uses: Vec<String>,
}

/// A concept's file with the listed types.
macro_rules! group {
    ($cfg:expr, $file:expr, [$($ty:ty),* $(,)?]) => {
        (
            $file,
            vec![$(Declared {
                name: <$ty as TS>::name($cfg),
                decl: <$ty as TS>::decl($cfg),
                uses: <$ty as TS>::dependencies($cfg).into_iter().map(|d| d.ts_name).collect(),
            }),*],
        )
    };
}

const HEADER: &str =
    "// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.\n\
                      // Do not edit by hand.\n";

/// Every generated file: its path under `ui/src/` and its text.
pub fn typescript_files() -> Vec<(String, String)> {
    // SQLite ids are i64 but far below 2^53: plain JS numbers keep the UI simple.
    let cfg = Config::new().with_large_int("number");
    let files: Vec<(&str, Vec<Declared>)> = vec![
        group!(
            &cfg,
            "error",
            [crate::api::ApiError, crate::api::ErrorCode,]
        ),
        group!(
            &cfg,
            "model",
            [
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
            ]
        ),
        group!(
            &cfg,
            "importer",
            [
                crate::import::ExtractedDocument,
                crate::import::ExtractedPlan,
                crate::import::ExtractedTable,
                crate::import::ExtractedIndicator,
                crate::import::ExtractedAnnualTarget,
                crate::import::ColumnRole,
                crate::import::ColumnRead,
                crate::import::ColumnChoice,
                crate::import::TableGuess,
            ]
        ),
        group!(
            &cfg,
            "plans",
            [
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
            ]
        ),
        group!(
            &cfg,
            "users",
            [
                crate::auth::Role,
                crate::auth::Session,
                crate::api::session::FirstRun,
                crate::store::users::UserInfo,
                crate::store::AuditEntry,
            ]
        ),
        group!(
            &cfg,
            "progress",
            [
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
            ]
        ),
        group!(
            &cfg,
            "evaluation",
            [
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
                crate::api::changes::Changes,
                crate::api::dashboard::DashboardQuery,
                crate::api::dashboard::DashboardPage,
                crate::api::charts::ChartKind,
                crate::api::charts::ChartRequest,
            ]
        ),
        group!(
            &cfg,
            "reports",
            [
                crate::api::report::ReportRequest,
                crate::api::export::ExportRequest,
                crate::api::xlsx_import::AcceptedRow,
                crate::api::xlsx_import::RejectedRow,
                crate::api::xlsx_import::XlsxImportPreview,
                crate::api::xlsx_import::XlsxImportOutcome,
            ]
        ),
        group!(
            &cfg,
            "settings",
            [
                crate::api::settings::DatabaseSettings,
                crate::api::settings::TodaySource,
                crate::api::settings::Today,
                crate::api::machine_settings::MachineSettings,
                crate::client::Probe,
                crate::client::CertificateChange,
                crate::api::users::NewUserInput,
            ]
        ),
        group!(
            &cfg,
            "backup",
            [
                crate::api::backup::BackupEntry,
                crate::api::backup::BackupList,
                crate::api::backup::RestoreOutcome,
            ]
        ),
        group!(
            &cfg,
            "lifecycle",
            [
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
        ),
    ];
    let home: BTreeMap<&str, &str> = files
        .iter()
        .flat_map(|(file, types)| types.iter().map(move |t| (t.name.as_str(), *file)))
        .collect();
    let mut out = Vec::new();
    let mut index = String::from(HEADER);
    for (file, types) in &files {
        let mut imports: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for t in types {
            for used in &t.uses {
                if let Some(other) = home.get(used.as_str()).filter(|f| *f != file) {
                    imports.entry(other).or_default().insert(used);
                }
            }
        }
        let mut text = String::from(HEADER);
        for (other, names) in &imports {
            let names: Vec<&str> = names.iter().copied().collect();
            text.push_str(&format!(
                "import type {{ {} }} from './{other}'\n",
                names.join(", ")
            ));
        }
        for t in types {
            text.push_str(&format!("\nexport {}\n", t.decl));
        }
        out.push((format!("bindings/{file}.ts"), text));
        index.push_str(&format!("export type * from './bindings/{file}'\n"));
    }
    out.push(("bindings.ts".to_string(), index));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declaration_is_exported_once_and_imports_resolve() {
        let files = typescript_files();
        let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(all.matches("export type ApiError = ").count(), 1);
        assert_eq!(all.matches("export type Plan = ").count(), 1);
        let (_, progress) = files
            .iter()
            .find(|(p, _)| p == "bindings/progress.ts")
            .unwrap();
        assert!(progress.contains("import type {"), "{progress}");
        assert!(files.iter().all(|(_, t)| t.lines().count() < 600));
    }
}

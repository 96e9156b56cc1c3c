//! Importing plans: preview the tables found in text (nothing stored), let the wizard edit
//! them, commit in one transaction; or import a file in one go.

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ApiError, ErrorCode};
use crate::grammar::parse_value;
use crate::import::{self, ExtractedDocument, ExtractedIndicator, ExtractedTable};
use crate::model::{Attribute, Direction, IndicatorDraft, PlanDraft, TableKind, Value};
use crate::store::documents::{self, DocumentToSave, IndicatorToSave, PlanToSave, TableToSave};
use crate::store::{self, Actor};

/// Larger pastes are not gazette tables; refusing them keeps the app responsive.
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// What the import wizard shows and edits: every table found, grouped by plan. Nothing is
/// stored until [`commit_import`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    /// SHA-256 of the text: identifies the document so a second import adds nothing.
    pub sha256: String,
    pub file_name: Option<String>,
    pub plans: Vec<PreviewPlan>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PreviewPlan {
    /// Stable within the preview: `p0`, `p1` …
    pub key: String,
    #[serde(flatten)]
    pub draft: PlanDraft,
    pub tables: Vec<PreviewTable>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PreviewTable {
    /// `p0/t1`
    pub key: String,
    /// False: the whole table is left out.
    pub keep: bool,
    pub title: String,
    pub kind: TableKind,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
    pub start_line: usize,
    pub end_line: usize,
    pub columns: Vec<String>,
    pub notes: Vec<String>,
    pub rows: Vec<PreviewRow>,
}

/// One editable row. Editing `baseline_raw` / `target_raw` / `actual_raw` re-reads the value
/// on commit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PreviewRow {
    /// `p0/t1/r5`
    pub key: String,
    /// False: the row is dropped.
    pub keep: bool,
    /// 1-based line in the source text.
    pub line: usize,
    pub seq: Option<String>,
    pub category: Option<String>,
    pub group: Option<String>,
    pub parent: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    pub region: Option<String>,
    pub attribute: Option<Attribute>,
    pub direction: Direction,
    pub baseline_raw: Option<String>,
    pub target_raw: Option<String>,
    pub actual_raw: Option<String>,
    pub baseline: Option<Value>,
    pub target: Option<Value>,
    pub actual: Option<Value>,
    pub note: Option<String>,
    /// As written in the document or typed; created on commit when no such department exists.
    pub lead_department: Option<String>,
    /// Chosen from the existing departments; wins over `lead_department`.
    #[ts(type = "number | null")]
    pub lead_department_id: Option<i64>,
}

/// What a commit stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportSummary {
    /// Nothing new: this document (or these tables) had been imported before.
    pub already_imported: bool,
    pub plans: Vec<ImportedPlan>,
    pub tables_added: u32,
    pub indicators_added: u32,
    /// Chinese one-line summary for the user.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedPlan {
    #[ts(type = "number")]
    pub plan_id: i64,
    pub title: String,
    /// False when the plan was already stored (tables may still have been added to it).
    pub created: bool,
    pub tables_added: u32,
    pub tables_existing: u32,
    pub indicators_added: u32,
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// Reads the tables in pasted text; stores nothing.
pub fn preview_import(text: &str) -> Result<ImportPreview, ApiError> {
    preview_named(text, None)
}

/// Reads the tables in a file's bytes (UTF-8 or GB18030); stores nothing.
pub fn preview_import_bytes(
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<ImportPreview, ApiError> {
    let text = decode_bytes(bytes)?;
    preview_named(&text, file_name.map(str::to_string))
}

fn decode_bytes(bytes: &[u8]) -> Result<String, ApiError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(invalid(
            "文件超过 10 MB，不像是规划文本；请只保留包含指标表的部分",
        ));
    }
    Ok(import::decode(bytes).map_err(import::ImportError::from)?)
}

fn preview_named(text: &str, file_name: Option<String>) -> Result<ImportPreview, ApiError> {
    if text.trim().is_empty() {
        return Err(invalid("粘贴内容为空"));
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(invalid("粘贴内容超过 10 MB；请只粘贴包含指标表的部分"));
    }
    let doc = import::extract(text)?;
    if doc.tables.is_empty() {
        return Err(ApiError::new(
            ErrorCode::NoTables,
            "未找到指标表：请确认内容包含带表头（指标名称、单位、基期值、目标值等）的指标表格",
        ));
    }
    Ok(to_preview(text, file_name, &doc))
}

fn to_preview(text: &str, file_name: Option<String>, doc: &ExtractedDocument) -> ImportPreview {
    let plans = documents::group_by_plan(doc)
        .into_iter()
        .enumerate()
        .map(|(pi, (draft, tables))| {
            let key = format!("p{pi}");
            let tables = tables
                .iter()
                .enumerate()
                .map(|(ti, &i)| preview_table(&format!("{key}/t{ti}"), &doc.tables[i]))
                .collect();
            PreviewPlan { key, draft, tables }
        })
        .collect();
    ImportPreview {
        sha256: documents::sha256_hex(text),
        file_name,
        plans,
    }
}

fn preview_table(key: &str, t: &ExtractedTable) -> PreviewTable {
    PreviewTable {
        key: key.to_string(),
        keep: true,
        title: t.title.clone(),
        kind: t.kind,
        baseline_year: t.baseline_year,
        target_year: t.target_year,
        start_line: t.start_line,
        end_line: t.end_line,
        columns: t.columns.clone(),
        notes: t.notes.clone(),
        rows: t
            .indicators
            .iter()
            .enumerate()
            .map(|(ri, r)| preview_row(format!("{key}/r{ri}"), r))
            .collect(),
    }
}

fn preview_row(key: String, r: &ExtractedIndicator) -> PreviewRow {
    PreviewRow {
        key,
        keep: true,
        line: r.line,
        seq: r.seq.clone(),
        category: r.category.clone(),
        group: r.group.clone(),
        parent: r.parent.clone(),
        name: r.name.clone(),
        unit: r.unit.clone(),
        region: r.region.clone(),
        attribute: r.attribute,
        direction: r.direction,
        baseline_raw: r.baseline_raw.clone(),
        target_raw: r.target_raw.clone(),
        actual_raw: r.actual_raw.clone(),
        baseline: r.baseline.clone(),
        target: r.target.clone(),
        actual: r.actual.clone(),
        note: r.note.clone(),
        lead_department: r.lead_department.clone(),
        lead_department_id: None,
    }
}

/// The value for an edited cell: the parsed one when the raw text is unchanged, else the
/// raw text read again.
fn cell_value(raw: &Option<String>, parsed: &Option<Value>) -> Option<Value> {
    let raw = raw.as_deref().map(str::trim).filter(|s| !s.is_empty());
    match (raw, parsed) {
        (None, _) => None,
        (Some(r), Some(v)) if v.raw.trim() == r => Some(v.clone()),
        (Some(r), _) => Some(parse_value(r)),
    }
}

fn blank_to_none(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Checks the edited preview and turns it into what the store saves.
fn to_document(p: &ImportPreview) -> Result<DocumentToSave, ApiError> {
    let mut plans = Vec::new();
    for plan in &p.plans {
        let mut tables = Vec::new();
        for t in plan.tables.iter().filter(|t| t.keep) {
            let mut rows = Vec::new();
            for r in t.rows.iter().filter(|r| r.keep) {
                if r.name.trim().is_empty() {
                    return Err(invalid(format!(
                        "“{}”中原文第 {} 行的指标名称为空：请填写名称或删除该行",
                        t.title, r.line
                    )));
                }
                rows.push(IndicatorToSave {
                    draft: IndicatorDraft {
                        seq: blank_to_none(&r.seq),
                        category: blank_to_none(&r.category),
                        group: blank_to_none(&r.group),
                        parent: blank_to_none(&r.parent),
                        name: r.name.trim().to_string(),
                        unit: blank_to_none(&r.unit),
                        region: blank_to_none(&r.region),
                        attribute: r.attribute,
                        direction: r.direction,
                        baseline: cell_value(&r.baseline_raw, &r.baseline),
                        target: cell_value(&r.target_raw, &r.target),
                        actual: cell_value(&r.actual_raw, &r.actual),
                        note: blank_to_none(&r.note),
                        lead_department: blank_to_none(&r.lead_department),
                    },
                    lead_department_id: r.lead_department_id,
                    flow: false,
                });
            }
            if !rows.is_empty() {
                tables.push(TableToSave {
                    title: t.title.trim().to_string(),
                    kind: t.kind,
                    baseline_year: t.baseline_year,
                    target_year: t.target_year,
                    start_line: Some(t.start_line),
                    end_line: Some(t.end_line),
                    indicators: rows,
                });
            }
        }
        if tables.is_empty() {
            continue;
        }
        if plan.draft.title.trim().is_empty() {
            return Err(invalid("规划名称不能为空"));
        }
        let mut draft = plan.draft.clone();
        draft.title = draft.title.trim().to_string();
        draft.doc_number = blank_to_none(&draft.doc_number);
        draft.issuer = blank_to_none(&draft.issuer);
        plans.push(PlanToSave { draft, tables });
    }
    if plans.is_empty() {
        return Err(invalid("没有要导入的指标：所有表格或行都已被删除"));
    }
    Ok(DocumentToSave {
        sha256: p.sha256.clone(),
        file_name: p.file_name.clone(),
        plans,
    })
}

/// Stores the (edited) preview in one transaction: on any error nothing is stored.
pub fn commit_import(
    conn: &mut Connection,
    actor: &Actor,
    preview: ImportPreview,
) -> Result<ImportSummary, ApiError> {
    super::backup::before_import(conn)?;
    let tx = conn.transaction().map_err(store::StoreError::from)?;
    let summary = commit_in(&tx, actor, &preview)?;
    tx.commit().map_err(store::StoreError::from)?;
    Ok(summary)
}

/// [`commit_import`] inside a caller's transaction (the demo imports several documents in one).
pub(crate) fn commit_in(
    tx: &Transaction,
    actor: &Actor,
    preview: &ImportPreview,
) -> Result<ImportSummary, ApiError> {
    let doc = to_document(preview)?;
    let out = documents::save(tx, actor, &doc)?;
    let plans: Vec<ImportedPlan> = out
        .plans
        .iter()
        .map(|p| ImportedPlan {
            plan_id: p.plan_id,
            title: p.title.clone(),
            created: p.created,
            tables_added: p.tables_added,
            tables_existing: p.tables_existing,
            indicators_added: p.indicators_added,
        })
        .collect();
    let tables_added = plans.iter().map(|p| p.tables_added).sum();
    let indicators_added = plans.iter().map(|p| p.indicators_added).sum();
    let created = plans.iter().filter(|p| p.created).count();
    let already_imported = !out.added_anything();
    let message = if already_imported {
        "已导入，无新增".to_string()
    } else {
        format!(
            "导入完成：新增规划 {created} 个、指标表 {tables_added} 张、指标 {indicators_added} 项"
        )
    };
    Ok(ImportSummary {
        already_imported,
        plans,
        tables_added,
        indicators_added,
        message,
    })
}

/// Decodes a file (UTF-8 or GB18030), reads its tables and stores them all.
pub fn import_file_bytes(
    conn: &mut Connection,
    actor: &Actor,
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<ImportSummary, ApiError> {
    let text = decode_bytes(bytes)?;
    if text.trim().is_empty() {
        return Err(invalid("文件为空"));
    }
    let preview = preview_named(&text, file_name.map(str::to_string))?;
    commit_import(conn, actor, preview)
}

//! Importing plans: preview the tables found in text (nothing stored), let the wizard edit
//! them, commit in one transaction; or import a file in one go.

use std::path::Path;

use crate::store::{Database, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::import_corrections::{self, ImportCorrection};
use super::{ApiError, ErrorCode};
use crate::document;
use crate::grammar::parse_value;
use crate::import::{self, ColumnRead, ExtractedDocument, ExtractedIndicator, ExtractedTable};
use crate::model::{IndicatorDraft, PlanDraft, TableKind, Value};
use crate::store::documents::{self, DocumentToSave, PlanToSave};
use crate::store::indicators::IndicatorToSave;
use crate::store::plans::{self as stored_plans, TableToSave};
use crate::store::reissue::{self, TableRevision};
use crate::store::Actor;

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
    /// The text the tables were read from (line numbers refer to it): the wizard shows it so
    /// that a person can point at a table the importer missed.
    #[serde(default)]
    pub text: String,
    /// What a person corrected in the wizard; written to the audit log on commit.
    #[serde(default)]
    pub corrections: Vec<ImportCorrection>,
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
    /// The role of each column and why (header words, cell contents, or a person's choice).
    #[serde(default)]
    pub column_roles: Vec<ColumnRead>,
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
    /// `draft.lead_department` is the name as written in the document or typed; a department
    /// of that name is created on commit when none exists.
    #[serde(flatten)]
    pub draft: IndicatorDraft,
    pub baseline_raw: Option<String>,
    pub target_raw: Option<String>,
    pub actual_raw: Option<String>,
    /// Chosen from the existing departments; wins over `draft.lead_department`.
    #[ts(type = "number | null")]
    pub lead_department_id: Option<i64>,
    /// Why the row was read so (which columns gave which field).
    #[serde(default)]
    pub reasons: Vec<String>,
    /// Why the reading is doubtful (待核对); empty when it is not.
    #[serde(default)]
    pub doubts: Vec<String>,
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
    /// Stored tables this (corrected or re-issued) text revised.
    pub revisions: Vec<TableRevision>,
}

/// What committing a preview would change in plans already stored: shown before 确认导入.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportChanges {
    /// The same text was imported before: committing changes nothing.
    pub same_document: bool,
    pub plans: Vec<PlanChanges>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanChanges {
    /// The preview's plan key (`p0`).
    pub key: String,
    pub title: String,
    /// Stored already (matched by title and 文号).
    #[ts(type = "number | null")]
    pub plan_id: Option<i64>,
    /// Titles of tables that are new to the plan.
    pub new_tables: Vec<String>,
    /// Stored tables the text revises (only those with changes).
    pub revisions: Vec<TableRevision>,
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// Reads the tables in pasted text; stores nothing.
pub fn preview_import(text: &str) -> Result<ImportPreview, ApiError> {
    preview_named(text, None)
}

/// Reads the tables in a file's bytes (text in UTF-8 or GB18030, `.docx`, PDF or HTML, told
/// apart by their content); stores nothing.
pub fn preview_import_bytes(
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<ImportPreview, ApiError> {
    let text = document::read_bytes(bytes, file_name)?;
    preview_named(&text, file_name.map(str::to_string))
}

/// Reads the tables in the file chosen in the import wizard (text, `.docx`, PDF or HTML);
/// stores nothing.
pub fn preview_import_file(path: &Path) -> Result<ImportPreview, ApiError> {
    let text = document::read_file(path)?;
    preview_named(&text, file_name_of(path))
}

/// Reads a paste that carried HTML (WPS, Word, LibreOffice and browsers put tables on the
/// clipboard as HTML, with their merged cells). Falls back to the paste's plain text when the
/// HTML holds no indicator table.
pub fn preview_import_html(html: &str, text: Option<&str>) -> Result<ImportPreview, ApiError> {
    if html.len() as u64 > document::MAX_HTML_BYTES {
        return Err(invalid("粘贴内容过大；请只复制包含指标表的部分"));
    }
    let from_html = preview_named(&document::read_html(html), None);
    match (from_html, text) {
        (Ok(preview), _) => Ok(preview),
        (Err(_), Some(text)) if !text.trim().is_empty() => preview_import(text),
        (Err(e), _) => Err(e),
    }
}

fn file_name_of(path: &Path) -> Option<String> {
    path.file_name().map(|n| n.to_string_lossy().into_owned())
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

/// What the wizard receives for an extracted document: every table and row kept, keys
/// stable. The one way from the importer's output to the store.
pub fn to_preview(text: &str, file_name: Option<String>, doc: &ExtractedDocument) -> ImportPreview {
    let plans = group_by_plan(doc)
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
        text: text.to_string(),
        corrections: Vec::new(),
    }
}

/// Groups the extracted tables (by index) under their plans: the plan a table names, else
/// the last plan title before the table, else a plan named after the table itself. Plans
/// without tables are left out; missing plan years are taken from the tables' headers.
pub fn group_by_plan(doc: &ExtractedDocument) -> Vec<(PlanDraft, Vec<usize>)> {
    let mut plans: Vec<(PlanDraft, Vec<usize>)> = Vec::new();
    for (ti, table) in doc.tables.iter().enumerate() {
        let draft = plan_of(doc, table);
        match plans.iter_mut().find(|(d, _)| d.title == draft.title) {
            Some((_, tables)) => tables.push(ti),
            None => plans.push((draft, vec![ti])),
        }
    }
    for (draft, tables) in &mut plans {
        let tables: Vec<&ExtractedTable> = tables.iter().map(|&i| &doc.tables[i]).collect();
        fill_years_from_tables(draft, &tables);
    }
    plans
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn plan_of(doc: &ExtractedDocument, table: &ExtractedTable) -> PlanDraft {
    let named = table.plan.as_deref().map(squeeze);
    if let Some(name) = &named {
        if let Some(p) = doc.plans.iter().find(|p| squeeze(&p.draft.title) == *name) {
            return p.draft.clone();
        }
    }
    let before = doc
        .plans
        .iter()
        .filter(|p| p.line <= table.start_line)
        .max_by_key(|p| p.line);
    match (named, before) {
        (None, Some(p)) => p.draft.clone(),
        (named, _) => PlanDraft {
            title: named.unwrap_or_else(|| squeeze(&table.title)),
            issuer: None,
            doc_number: None,
            issue_date: None,
            period_start: None,
            period_end: None,
            baseline_year: None,
            target_year: None,
        },
    }
}

/// A plan's years are data from the document; when the plan heading gave none, the
/// targets table's header years stand in.
fn fill_years_from_tables(d: &mut PlanDraft, tables: &[&ExtractedTable]) {
    let main = tables
        .iter()
        .find(|t| t.kind == TableKind::Targets)
        .or_else(|| tables.first());
    let Some(t) = main else { return };
    if d.baseline_year.is_none() {
        d.baseline_year = t.baseline_year;
    }
    if d.target_year.is_none() {
        d.target_year = t.target_year;
    }
    if d.period_end.is_none() {
        d.period_end = d.target_year;
    }
    if d.period_start.is_none() {
        d.period_start = d.baseline_year.map(|y| y + 1);
    }
}

pub(crate) fn preview_table(key: &str, t: &ExtractedTable) -> PreviewTable {
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
        column_roles: t.column_roles.clone(),
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
        draft: IndicatorDraft {
            seq: r.seq.clone(),
            category: r.category.clone(),
            group: r.group.clone(),
            parent: r.parent.clone(),
            name: r.name.clone(),
            unit: r.unit.clone(),
            region: r.region.clone(),
            attribute: r.attribute,
            direction: r.direction,
            baseline: r.baseline.clone(),
            target: r.target.clone(),
            actual: r.actual.clone(),
            note: r.note.clone(),
            lead_department: r.lead_department.clone(),
        },
        baseline_raw: r.baseline_raw.clone(),
        target_raw: r.target_raw.clone(),
        actual_raw: r.actual_raw.clone(),
        lead_department_id: None,
        reasons: r.reasons.clone(),
        doubts: r.doubts.clone(),
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
                if r.draft.name.trim().is_empty() {
                    return Err(invalid(format!(
                        "“{}”中原文第 {} 行的指标名称为空：请填写名称或删除该行",
                        t.title, r.line
                    )));
                }
                rows.push(IndicatorToSave {
                    draft: IndicatorDraft {
                        baseline: cell_value(&r.baseline_raw, &r.draft.baseline),
                        target: cell_value(&r.target_raw, &r.draft.target),
                        actual: cell_value(&r.actual_raw, &r.draft.actual),
                        ..r.draft.tidied()
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

/// What [`commit_import`] would change in plans already stored (a corrected or re-issued
/// gazette of a stored plan revises it). Reads only.
pub fn preview_changes(
    conn: &impl Sql,
    preview: &ImportPreview,
) -> Result<ImportChanges, ApiError> {
    let doc = to_document(preview)?;
    let same_document = documents::find(conn, &doc.sha256)?.is_some();
    let mut plans = Vec::new();
    for (plan, key) in doc.plans.iter().zip(kept_plan_keys(preview)) {
        let plan_id = stored_plans::find_by_key(conn, &plan.draft)?;
        let mut changes = PlanChanges {
            key,
            title: plan.draft.title.clone(),
            plan_id,
            new_tables: Vec::new(),
            revisions: Vec::new(),
        };
        for t in &plan.tables {
            let stored = match plan_id {
                Some(id) => stored_plans::find_table(conn, id, t)?,
                None => None,
            };
            match stored {
                None => changes.new_tables.push(t.title.clone()),
                Some(_) if same_document => {}
                Some(table_id) => {
                    let rev = reissue::revise(conn, table_id, t)?;
                    if !rev.is_empty() {
                        changes.revisions.push(rev);
                    }
                }
            }
        }
        plans.push(changes);
    }
    Ok(ImportChanges {
        same_document,
        plans,
    })
}

/// Keys of the preview's plans that [`to_document`] keeps (those with a kept row).
fn kept_plan_keys(p: &ImportPreview) -> Vec<String> {
    p.plans
        .iter()
        .filter(|plan| {
            plan.tables
                .iter()
                .any(|t| t.keep && t.rows.iter().any(|r| r.keep))
        })
        .map(|plan| plan.key.clone())
        .collect()
}

/// Stores the (edited) preview in one transaction: on any error nothing is stored.
pub fn commit_import(
    conn: &mut impl Database,
    actor: &Actor,
    preview: ImportPreview,
) -> Result<ImportSummary, ApiError> {
    super::backup::before_import(conn)?;
    let tx = conn.transaction()?;
    let summary = commit_in(&tx, actor, &preview)?;
    tx.commit()?;
    Ok(summary)
}

/// [`commit_import`] inside a caller's transaction (the demo imports several documents in one).
pub(crate) fn commit_in(
    tx: &impl Write,
    actor: &Actor,
    preview: &ImportPreview,
) -> Result<ImportSummary, ApiError> {
    let doc = to_document(preview)?;
    let out = documents::save(tx, actor, &doc)?;
    if out.added_anything() {
        import_corrections::record(tx, actor, out.document_id, &preview.corrections)?;
    }
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
            revisions: p.revisions.clone(),
        })
        .collect();
    let tables_added = plans.iter().map(|p| p.tables_added).sum();
    let indicators_added = plans.iter().map(|p| p.indicators_added).sum();
    let created = plans.iter().filter(|p| p.created).count();
    let already_imported = !out.added_anything();
    let revised: Vec<&TableRevision> = plans.iter().flat_map(|p| &p.revisions).collect();
    let changed: usize = revised.iter().map(|r| r.changed.len()).sum();
    let removed: usize = revised
        .iter()
        .flat_map(|r| &r.dropped)
        .filter(|d| !d.kept_for_values)
        .count();
    let message = if already_imported {
        "已导入，无新增".to_string()
    } else if revised.is_empty() {
        format!(
            "导入完成：新增规划 {created} 个、指标表 {tables_added} 张、指标 {indicators_added} 项"
        )
    } else {
        format!(
            "导入完成：新增规划 {created} 个、指标表 {tables_added} 张、指标 {indicators_added} 项；\
             按新文件更新指标 {changed} 项、删除 {removed} 项，已填报的数值全部保留"
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

/// Reads a file's bytes (any kind [`preview_import_bytes`] reads) and stores all its tables.
pub fn import_file_bytes(
    conn: &mut impl Database,
    actor: &Actor,
    bytes: &[u8],
    file_name: Option<&str>,
) -> Result<ImportSummary, ApiError> {
    let text = document::read_bytes(bytes, file_name)?;
    commit_text(conn, actor, &text, file_name.map(str::to_string))
}

/// Reads a file (text, `.docx`, PDF or HTML) and stores all its tables.
pub fn import_file(
    conn: &mut impl Database,
    actor: &Actor,
    path: &Path,
) -> Result<ImportSummary, ApiError> {
    let text = document::read_file(path)?;
    commit_text(conn, actor, &text, file_name_of(path))
}

fn commit_text(
    conn: &mut impl Database,
    actor: &Actor,
    text: &str,
    file_name: Option<String>,
) -> Result<ImportSummary, ApiError> {
    if text.trim().is_empty() {
        return Err(invalid("文件为空"));
    }
    let preview = preview_named(text, file_name)?;
    commit_import(conn, actor, preview)
}

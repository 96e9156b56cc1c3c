//! Saving an imported document: its plans, their tables and indicators, in the caller's
//! transaction. A document is identified by the SHA-256 of its decoded text, a plan by
//! title + 文号, a table by title + kind + years within its plan, so importing the same
//! document again adds nothing.

use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::audit::{self, Actor, Change};
use super::{indicators, plans, Result};
use crate::import::{ExtractedDocument, ExtractedTable};
use crate::model::{IndicatorDraft, PlanDraft, TableKind};

/// A document ready to be stored (as extracted, or as edited in the import wizard).
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentToSave {
    pub sha256: String,
    pub file_name: Option<String>,
    pub plans: Vec<PlanToSave>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanToSave {
    pub draft: PlanDraft,
    pub tables: Vec<TableToSave>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableToSave {
    pub title: String,
    pub kind: TableKind,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
    pub start_line: Option<usize>,
    pub end_line: Option<usize>,
    pub indicators: Vec<IndicatorToSave>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorToSave {
    pub draft: IndicatorDraft,
    /// Chosen in the wizard; when absent, `draft.lead_department` (a name) is looked up or
    /// created.
    pub lead_department_id: Option<i64>,
    pub flow: bool,
}

/// What one save added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaveOutcome {
    pub document_id: i64,
    /// The same text had been imported before.
    pub document_existed: bool,
    pub plans: Vec<SavedPlan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedPlan {
    pub plan_id: i64,
    pub title: String,
    pub created: bool,
    pub tables_added: u32,
    pub tables_existing: u32,
    pub indicators_added: u32,
}

impl SaveOutcome {
    pub fn added_anything(&self) -> bool {
        self.plans.iter().any(|p| p.created || p.tables_added > 0)
    }
}

pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

pub fn find(conn: &Connection, sha256: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM documents WHERE sha256 = ?1",
            [sha256],
            |r| r.get(0),
        )
        .optional()?)
}

impl DocumentToSave {
    pub fn from_extracted(text: &str, file_name: Option<String>, doc: &ExtractedDocument) -> Self {
        let plans = group_by_plan(doc)
            .into_iter()
            .map(|(draft, tables)| PlanToSave {
                draft,
                tables: tables
                    .iter()
                    .map(|&i| TableToSave::from_extracted(&doc.tables[i]))
                    .collect(),
            })
            .collect();
        DocumentToSave {
            sha256: sha256_hex(text),
            file_name,
            plans,
        }
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

impl TableToSave {
    pub fn from_extracted(t: &ExtractedTable) -> Self {
        TableToSave {
            title: t.title.clone(),
            kind: t.kind,
            baseline_year: t.baseline_year,
            target_year: t.target_year,
            start_line: Some(t.start_line),
            end_line: Some(t.end_line),
            indicators: t
                .indicators
                .iter()
                .map(|i| IndicatorToSave {
                    draft: IndicatorDraft {
                        seq: i.seq.clone(),
                        category: i.category.clone(),
                        group: i.group.clone(),
                        parent: i.parent.clone(),
                        name: i.name.clone(),
                        unit: i.unit.clone(),
                        region: i.region.clone(),
                        attribute: i.attribute,
                        direction: i.direction,
                        baseline: i.baseline.clone(),
                        target: i.target.clone(),
                        actual: i.actual.clone(),
                        note: i.note.clone(),
                        lead_department: i.lead_department.clone(),
                    },
                    lead_department_id: None,
                    flow: false,
                })
                .collect(),
        }
    }
}

/// Stores `doc` in `tx`. Adds only what is not stored yet; appends one audit entry per plan
/// that gained something.
pub fn save(tx: &Transaction, actor: &Actor, doc: &DocumentToSave) -> Result<SaveOutcome> {
    let (document_id, document_existed) = match find(tx, &doc.sha256)? {
        Some(id) => (id, true),
        None => {
            tx.execute(
                "INSERT INTO documents(sha256, file_name) VALUES (?1, ?2)",
                rusqlite::params![doc.sha256, doc.file_name],
            )?;
            (tx.last_insert_rowid(), false)
        }
    };
    let mut saved = Vec::new();
    for p in &doc.plans {
        let (plan_id, created) = match plans::find_by_key(tx, &p.draft)? {
            Some(id) => (id, false),
            None => (plans::insert(tx, &p.draft, document_id)?, true),
        };
        let mut out = SavedPlan {
            plan_id,
            title: p.draft.title.clone(),
            created,
            tables_added: 0,
            tables_existing: 0,
            indicators_added: 0,
        };
        for t in &p.tables {
            if plans::find_table(tx, plan_id, t)?.is_some() {
                out.tables_existing += 1;
                continue;
            }
            let table_id = plans::insert_table(tx, plan_id, t)?;
            for (pos, ind) in t.indicators.iter().enumerate() {
                indicators::insert(tx, actor, plan_id, table_id, pos, ind)?;
            }
            out.tables_added += 1;
            out.indicators_added += t.indicators.len() as u32;
        }
        if created || out.tables_added > 0 {
            audit::append(
                tx,
                actor,
                &Change {
                    action: "import",
                    entity: "plan",
                    entity_id: Some(plan_id),
                    new_value: Some(format!(
                        "{}：新增指标表 {} 张、指标 {} 项（文档 {}）",
                        p.draft.title,
                        out.tables_added,
                        out.indicators_added,
                        &doc.sha256[..12.min(doc.sha256.len())]
                    )),
                    ..Change::default()
                },
            )?;
        }
        saved.push(out);
    }
    Ok(SaveOutcome {
        document_id,
        document_existed,
        plans: saved,
    })
}

//! Saving an imported document: its plans, their tables and indicators, in the caller's
//! transaction. A document is identified by the SHA-256 of its decoded text, a plan by
//! title + 文号, a table by title + kind + years within its plan, so importing the same
//! document again adds nothing. Another text of a stored plan (a corrected or re-issued
//! gazette) revises its stored tables in place: see [`super::reissue`].

use crate::args;
use crate::store::db::{Sql, Write};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::audit::{self, Actor, Change};
use super::plans::TableToSave;
use super::{indicators, plans, reissue, Result};
use crate::model::PlanDraft;

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
    /// Stored tables a new text of the plan revised.
    pub revisions: Vec<reissue::TableRevision>,
}

impl SavedPlan {
    fn changed(&self) -> bool {
        self.created || self.tables_added > 0 || self.revisions.iter().any(|r| !r.is_empty())
    }
}

impl SaveOutcome {
    pub fn added_anything(&self) -> bool {
        self.plans.iter().any(SavedPlan::changed)
    }
}

pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

pub fn find(conn: &impl Sql, sha256: &str) -> Result<Option<i64>> {
    conn.query_opt(
        "SELECT id FROM documents WHERE sha256 = ?1",
        args![sha256],
        |r| r.get(0),
    )
}

/// Stores `doc` in `tx`. Adds only what is not stored yet; appends one audit entry per plan
/// that gained something.
pub fn save(tx: &impl Write, actor: &Actor, doc: &DocumentToSave) -> Result<SaveOutcome> {
    let (document_id, document_existed) = match find(tx, &doc.sha256)? {
        Some(id) => (id, true),
        None => {
            let id = tx.query_scalar(
                "INSERT INTO documents(sha256, file_name) VALUES (?1, ?2) RETURNING id",
                args![doc.sha256, doc.file_name],
            )?;
            (id, false)
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
            revisions: Vec::new(),
        };
        for t in &p.tables {
            if let Some(table_id) = plans::find_table(tx, plan_id, t)? {
                out.tables_existing += 1;
                // The same text again changes nothing (and keeps any edits made since);
                // another text of the plan is a correction or a re-issue.
                if !document_existed {
                    let rev = reissue::apply(tx, actor, plan_id, table_id, t)?;
                    out.indicators_added += rev.added.len() as u32;
                    if !rev.is_empty() {
                        out.revisions.push(rev);
                    }
                }
                continue;
            }
            let table_id = plans::insert_table(tx, plan_id, t)?;
            for (pos, ind) in t.indicators.iter().enumerate() {
                indicators::insert(tx, actor, plan_id, table_id, pos, ind)?;
            }
            out.tables_added += 1;
            out.indicators_added += t.indicators.len() as u32;
        }
        if out.changed() {
            let changed: usize = out.revisions.iter().map(|r| r.changed.len()).sum();
            audit::append(
                tx,
                actor,
                &Change {
                    action: "import",
                    entity: "plan",
                    entity_id: Some(plan_id),
                    new_value: Some(format!(
                        "{}：新增指标表 {} 张、指标 {} 项，更新指标 {} 项（文档 {}）",
                        p.draft.title,
                        out.tables_added,
                        out.indicators_added,
                        changed,
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

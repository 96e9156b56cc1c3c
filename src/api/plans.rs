//! Plan use cases: list, detail, editing an indicator. Importing lives in
//! [`super::plan_import`] and is re-exported here.

use crate::store::{Database, Sql, Write};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ApiError;
use crate::model::{Department, Indicator, PlanTable};
use crate::store::{indicators, plans, Actor};

pub(crate) use super::plan_import::commit_in;
pub use super::plan_import::{
    commit_import, import_file, import_file_bytes, preview_changes, preview_import,
    preview_import_bytes, preview_import_file, preview_import_html, ImportChanges, ImportPreview,
    ImportSummary, ImportedPlan, PlanChanges, PreviewPlan, PreviewRow, PreviewTable,
    MAX_TEXT_BYTES,
};
pub use crate::store::indicators::IndicatorUpdate;
pub use crate::store::plans::PlanSummary;

/// A plan with its tables, indicators grouped by category in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanDetail {
    pub summary: PlanSummary,
    pub tables: Vec<TableDetail>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TableDetail {
    #[serde(flatten)]
    pub table: PlanTable,
    pub categories: Vec<CategoryGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CategoryGroup {
    pub category: Option<String>,
    pub indicators: Vec<IndicatorView>,
}

/// An indicator with its departments: the lead one by name in `indicator.draft`, the
/// supporting ones here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorView {
    #[serde(flatten)]
    pub indicator: Indicator,
    pub supporting_departments: Vec<Department>,
}

pub fn list_plans(conn: &impl Sql) -> Result<Vec<PlanSummary>, ApiError> {
    super::evaluation_cache::plan_list(conn)
}

pub fn plan_detail(conn: &impl Sql, plan_id: i64) -> Result<PlanDetail, ApiError> {
    let summary = plans::summary(conn, plan_id)?;
    let mut all = indicators::of_plan(conn, plan_id)?;
    let mut tables = Vec::new();
    for table in plans::tables(conn, plan_id)? {
        let mut categories: Vec<CategoryGroup> = Vec::new();
        let (mine, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|i| i.table_id == table.id);
        all = rest;
        for ind in mine {
            let view = indicator_view(conn, ind)?;
            // Rows arrive in document order; a category seen before gathers later rows too.
            match categories
                .iter_mut()
                .find(|g| g.category == view.indicator.draft.category)
            {
                Some(g) => g.indicators.push(view),
                None => categories.push(CategoryGroup {
                    category: view.indicator.draft.category.clone(),
                    indicators: vec![view],
                }),
            }
        }
        tables.push(TableDetail { table, categories });
    }
    Ok(PlanDetail { summary, tables })
}

pub fn indicator_view(conn: &impl Sql, indicator: Indicator) -> Result<IndicatorView, ApiError> {
    let supporting_departments = indicators::supporting(conn, indicator.id)?;
    Ok(IndicatorView {
        indicator,
        supporting_departments,
    })
}

/// Edits an indicator; each changed field is audited old → new.
pub fn update_indicator(
    conn: &mut impl Database,
    actor: &Actor,
    indicator_id: i64,
    update: IndicatorUpdate,
) -> Result<IndicatorView, ApiError> {
    let tx = conn.transaction()?;
    let ind = indicators::update(&tx, actor, indicator_id, &update)?;
    tx.commit()?;
    indicator_view(conn, ind)
}

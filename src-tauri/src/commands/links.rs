//! Successor links (接续指标): proposals, the confirmed links, confirming or correcting one
//! (审核员 or 管理员, checked by the engine), and one indicator's lineage.

use tauri::State;
use zhibiao::api::links::{self, Lineage, LinkInput, LinkSuggestion, LinkView};
use zhibiao::api::ApiError;

use crate::call;
use crate::state::AppState;

#[tauri::command]
pub async fn link_suggestions(state: State<'_, AppState>) -> Result<Vec<LinkSuggestion>, ApiError> {
    state.call(LinkSuggestions {}).await
}

#[tauri::command]
pub async fn successor_links(state: State<'_, AppState>) -> Result<Vec<LinkView>, ApiError> {
    state.call(SuccessorLinks {}).await
}

#[tauri::command]
pub async fn save_link(state: State<'_, AppState>, input: LinkInput) -> Result<LinkView, ApiError> {
    state.call(SaveLink { input }).await
}

#[tauri::command]
pub async fn remove_link(state: State<'_, AppState>, successor_id: i64) -> Result<bool, ApiError> {
    state.call(RemoveLink { successor_id }).await
}

#[tauri::command]
pub async fn indicator_lineage(
    state: State<'_, AppState>,
    indicator_id: i64,
) -> Result<Lineage, ApiError> {
    state.call(IndicatorLineage { indicator_id }).await
}

call!(LinkSuggestions = "link_suggestions" {} -> Vec<LinkSuggestion>, |e, c| {
    e.signed_in(|conn, _| links::link_suggestions(conn))
});

call!(SuccessorLinks = "successor_links" {} -> Vec<LinkView>, |e, c| {
    e.signed_in(|conn, _| links::successor_links(conn))
});

call!(SaveLink = "save_link" { input: LinkInput } -> LinkView, |e, c| {
    e.with_session(|conn, s| links::save_link(conn, s, &c.input))
});

call!(RemoveLink = "remove_link" { successor_id: i64 } -> bool, |e, c| {
    e.with_session(|conn, s| links::remove_link(conn, s, c.successor_id))
});

call!(IndicatorLineage = "indicator_lineage" { indicator_id: i64 } -> Lineage, |e, c| {
    e.signed_in(|conn, _| links::lineage(conn, c.indicator_id))
});

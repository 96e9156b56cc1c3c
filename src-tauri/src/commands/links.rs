//! Successor links (接续指标): proposals, the confirmed links, confirming or correcting one
//! (审核员 or 管理员, checked by the engine), and one indicator's lineage.

use tauri::State;
use zhibiao::api::commands::links::{
    IndicatorLineage, LinkSuggestions, RemoveLink, SaveLink, SuccessorLinks,
};
use zhibiao::api::links::{Lineage, LinkInput, LinkSuggestion, LinkView};
use zhibiao::api::ApiError;

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

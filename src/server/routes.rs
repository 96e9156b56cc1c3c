//! The HTTP routes: each a few lines over the same `api` use case the desktop app calls
//! (no rule is repeated here), run on the blocking pool.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use super::error::{rejection, HttpError};
use super::log::LogUser;
use super::sign_in;
use super::AppState;
use crate::api::progress::{self, BatchOutcome, EntryGrid, ObservationInput};
use crate::api::{departments, plans, session, ApiError, ErrorCode};
use crate::auth::Session;
use crate::model::Period;
use crate::store::submissions::Submission;

type Answer<T> = Result<Json<T>, HttpError>;

/// The signed-in user of a request, from its `Authorization: Bearer` token.
pub struct Signed(pub Session);

impl FromRequestParts<AppState> for Signed {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, HttpError> {
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        let s = token.and_then(|t| state.sessions.get(t)).ok_or_else(|| {
            ApiError::new(ErrorCode::Unauthenticated, "登录已过期或无效，请重新登录")
        })?;
        if let Some(slot) = parts.extensions.get::<LogUser>() {
            slot.set(&s.name);
        }
        Ok(Signed(s))
    }
}

fn body<T>(b: Result<Json<T>, JsonRejection>) -> Result<T, HttpError> {
    b.map(|Json(t)| t).map_err(rejection)
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/api/login", post(sign_in::login))
        .route("/api/logout", post(sign_in::logout))
        .route("/api/admin/unlock", post(sign_in::unlock))
        .route("/api/changes", get(changes))
        .route("/api/departments", get(list_departments))
        .route("/api/plans", get(list_plans))
        .route("/api/entry_grid", post(entry_grid))
        .route("/api/save_observations", post(save_observations))
        .route("/api/submit", post(submit))
        .route("/api/approve", post(approve))
        .route("/api/return", post(return_with_reason))
        .with_state(state)
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
}

/// Touches no database: it answers while every connection is busy.
async fn health() -> Json<Health> {
    Json(Health { status: "ok" })
}

/// Polled by clients to reload their lists when others' work arrives (see `api::changes`).
async fn changes(
    State(st): State<AppState>,
    Signed(s): Signed,
) -> Answer<crate::api::changes::Changes> {
    Ok(Json(
        st.pool
            .run(move |db| crate::api::changes::changes(db, &s))
            .await?,
    ))
}

async fn list_departments(
    State(st): State<AppState>,
    Signed(s): Signed,
) -> Answer<Vec<crate::store::departments::DepartmentSummary>> {
    Ok(Json(
        st.pool
            .run(move |db| {
                session::authorize(db, &s)?;
                departments::list_departments(db)
            })
            .await?,
    ))
}

async fn list_plans(
    State(st): State<AppState>,
    Signed(s): Signed,
) -> Answer<Vec<crate::store::plans::PlanSummary>> {
    Ok(Json(
        st.pool
            .run(move |db| {
                session::authorize(db, &s)?;
                plans::list_plans(db)
            })
            .await?,
    ))
}

#[derive(Deserialize)]
struct DepartmentPeriod {
    department_id: i64,
    period: Period,
    #[serde(default)]
    reason: Option<String>,
}

async fn entry_grid(
    State(st): State<AppState>,
    Signed(s): Signed,
    b: Result<Json<DepartmentPeriod>, JsonRejection>,
) -> Answer<EntryGrid> {
    let q = body(b)?;
    Ok(Json(
        st.pool
            .run(move |db| progress::entry_grid(db, &s, q.department_id, q.period))
            .await?,
    ))
}

#[derive(Deserialize)]
struct Inputs {
    inputs: Vec<ObservationInput>,
}

async fn save_observations(
    State(st): State<AppState>,
    Signed(s): Signed,
    b: Result<Json<Inputs>, JsonRejection>,
) -> Answer<BatchOutcome> {
    let q = body(b)?;
    Ok(Json(
        st.pool
            .run(move |db| progress::save_observations(db, &s, &q.inputs))
            .await?,
    ))
}

/// A workflow step on a department × period.
#[derive(Clone, Copy)]
enum Step {
    Submit,
    Approve,
    Return,
}

async fn step(
    st: AppState,
    s: Session,
    b: Result<Json<DepartmentPeriod>, JsonRejection>,
    step: Step,
) -> Answer<Submission> {
    let q = body(b)?;
    let (d, p) = (q.department_id, q.period);
    Ok(Json(
        st.pool
            .run(move |db| match step {
                Step::Submit => progress::submit(db, &s, d, p),
                Step::Approve => progress::approve(db, &s, d, p),
                Step::Return => {
                    progress::return_with_reason(db, &s, d, p, q.reason.as_deref().unwrap_or(""))
                }
            })
            .await?,
    ))
}

async fn submit(
    State(st): State<AppState>,
    Signed(s): Signed,
    b: Result<Json<DepartmentPeriod>, JsonRejection>,
) -> Answer<Submission> {
    step(st, s, b, Step::Submit).await
}

async fn approve(
    State(st): State<AppState>,
    Signed(s): Signed,
    b: Result<Json<DepartmentPeriod>, JsonRejection>,
) -> Answer<Submission> {
    step(st, s, b, Step::Approve).await
}

async fn return_with_reason(
    State(st): State<AppState>,
    Signed(s): Signed,
    b: Result<Json<DepartmentPeriod>, JsonRejection>,
) -> Answer<Submission> {
    step(st, s, b, Step::Return).await
}

//! The HTTP routes: sign-in, health, and every command of the engine's table by name — the
//! same commands the desktop app runs in-process (no rule is repeated here), each on the
//! blocking pool.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::Value;

use super::error::{rejection, HttpError};
use super::log::LogUser;
use super::replies::{self, Turn};
use super::sign_in;
use super::AppState;
use crate::api::commands::{self, OnConnection};
use crate::api::{ApiError, ErrorCode};
use crate::auth::Session;

type Answer<T> = Result<Json<T>, HttpError>;

/// The signed-in user of a request and its `Authorization: Bearer` token.
pub struct Signed(pub Session, pub String);

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
        Ok(Signed(s, token.unwrap_or_default().to_string()))
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
        // GET for plain polling; POST as every other command (the desktop app sends that).
        .route("/api/changes", get(changes).post(changes))
        .route("/api/{command}", post(command))
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
    Signed(s, _): Signed,
) -> Answer<crate::api::changes::Changes> {
    Ok(Json(
        st.pool
            .run(move |db| crate::api::changes::changes(db, &s))
            .await?,
    ))
}

/// Any command of the engine's table, by name: the JSON body is its arguments, the answer
/// its output — what the desktop app runs in-process on its own database. With an
/// `Idempotency-Key`, a retried request gets the first attempt's answer instead of running
/// again.
async fn command(
    State(st): State<AppState>,
    Path(name): Path<String>,
    Signed(s, token): Signed,
    headers: HeaderMap,
    b: Result<Json<Value>, JsonRejection>,
) -> Answer<Value> {
    if !commands::NAMES.contains(&name.as_str()) {
        return Err(ApiError::new(ErrorCode::NotFound, format!("没有这个命令：{name}")).into());
    }
    let args = body(b)?;
    let key = idempotency_key(&headers)?;
    let user = s.user_id;
    if let Some(key) = &key {
        if let Turn::Answered(answer) = st.replies.begin(user, key).await {
            return Ok(Json(answer?));
        }
    }
    let sessions = st.sessions.clone();
    let answer = st
        .pool
        .run(move |db| {
            let remember = |fresh: Option<Session>| match fresh {
                Some(fresh) => sessions.replace(&token, fresh),
                None => sessions.revoke(&token),
            };
            commands::dispatch(&OnConnection::new(db, s, remember), &name, args)
        })
        .await;
    if let Some(key) = &key {
        match &answer {
            // Nothing was decided: a retry runs again.
            Err(e) if matches!(e.code, ErrorCode::Storage | ErrorCode::Internal) => {
                st.replies.abandon(user, key)
            }
            _ => st.replies.finish(user, key, &answer),
        }
    }
    Ok(Json(answer?))
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, HttpError> {
    let Some(v) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    match v.to_str() {
        Ok(k) if !k.trim().is_empty() && k.len() <= replies::MAX_KEY => {
            Ok(Some(k.trim().to_string()))
        }
        _ => Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "Idempotency-Key 须为不超过 {} 个字符的文本",
                replies::MAX_KEY
            ),
        )
        .into()),
    }
}

//! Signing in and out over HTTP, with failed attempts throttled (see [`super::throttle`]);
//! locks and their lifting go to the audit log.

use std::net::IpAddr;
use std::time::Instant;

use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::Json;
use serde::{Deserialize, Serialize};

use super::error::{rejection, HttpError};
use super::throttle::{NewLocks, MAX_FAILURES};
use super::AppState;
use crate::api::{session, ApiError, ErrorCode};
use crate::auth::Session;
use crate::store::audit::{self, Actor, Change};
use crate::store::{users, Database, Write};

#[derive(Deserialize)]
pub struct Credentials {
    name: String,
    password: String,
}

#[derive(Serialize)]
pub struct SignedIn {
    pub token: String,
    pub session: Session,
}

#[derive(Serialize)]
pub struct Done {
    pub ok: bool,
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

pub async fn login(
    State(st): State<AppState>,
    ConnectInfo(super::Peer(peer)): ConnectInfo<super::Peer>,
    b: Result<Json<Credentials>, JsonRejection>,
) -> Result<Json<SignedIn>, HttpError> {
    let Json(c) = b.map_err(rejection)?;
    let ip = peer.ip();
    let refused = st
        .throttle
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .refused_for(&c.name, ip, Instant::now());
    if let Some(wait) = refused {
        let minutes = wait.as_secs().div_ceil(60).max(1);
        return Err(ApiError::new(
            ErrorCode::Throttled,
            format!("登录失败次数过多，已暂时锁定：请 {minutes} 分钟后再试，或请管理员解锁"),
        )
        .into());
    }
    let name = c.name.clone();
    // A password check takes ~19 MB (argon2) and a core for a moment: a few at a time, so a
    // crowd signing in at 9:00 cannot exhaust the server's memory.
    let _turn = st
        .password_checks
        .acquire()
        .await
        .map_err(|_| ApiError::new(ErrorCode::Internal, "服务正在停止"))?;
    let result = st
        .pool
        .run(move |db| session::login(db, &c.name, &c.password))
        .await;
    match result {
        Ok(s) => {
            st.throttle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .succeed(&name, ip);
            let token = st.sessions.issue(s.clone());
            Ok(Json(SignedIn { token, session: s }))
        }
        Err(e) if e.code == ErrorCode::Unauthenticated => {
            let locks = st.throttle.lock().unwrap_or_else(|p| p.into_inner()).fail(
                &name,
                ip,
                Instant::now(),
            );
            if locks != NewLocks::default() {
                record_locks(&st, name, ip, locks).await?;
            }
            Err(e.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Audit rows for the locks one failure set.
async fn record_locks(
    st: &AppState,
    name: String,
    ip: IpAddr,
    locks: NewLocks,
) -> Result<(), ApiError> {
    st.pool
        .run(move |db| {
            let user = users::find_by_name(&*db, &name)?.map(|(u, _)| u.id);
            let reason = format!("连续 {MAX_FAILURES} 次登录失败，来自 {ip}");
            let tx = db.transaction()?;
            let ip_text = ip.to_string();
            if locks.account {
                audit::append(
                    &tx,
                    &Actor::system(),
                    &Change {
                        action: "lock",
                        entity: "user",
                        entity_id: user,
                        period: None,
                        field: Some("login"),
                        old_value: None,
                        new_value: Some(name.clone()),
                        reason: Some(&reason),
                    },
                )?;
            }
            if locks.address {
                audit::append(
                    &tx,
                    &Actor::system(),
                    &Change {
                        action: "lock",
                        entity: "client",
                        entity_id: None,
                        period: None,
                        field: Some("login"),
                        old_value: None,
                        new_value: Some(ip_text),
                        reason: Some(&reason),
                    },
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
}

pub async fn logout(State(st): State<AppState>, headers: HeaderMap) -> Json<Done> {
    if let Some(t) = bearer(&headers) {
        st.sessions.revoke(t);
    }
    Json(Done { ok: true })
}

#[derive(Deserialize)]
pub struct Account {
    name: String,
}

/// An administrator lifts an account's sign-in lock.
pub async fn unlock(
    State(st): State<AppState>,
    super::routes::Signed(s, _): super::routes::Signed,
    b: Result<Json<Account>, JsonRejection>,
) -> Result<Json<Done>, HttpError> {
    let Json(a) = b.map_err(rejection)?;
    let throttle = st.throttle.clone();
    let ok = st
        .pool
        .run(move |db| {
            let actor = session::administrator(&*db, &s)?;
            let lifted = throttle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .unlock(&a.name);
            if lifted {
                let user = users::find_by_name(&*db, &a.name)?.map(|(u, _)| u.id);
                let tx = db.transaction()?;
                audit::append(
                    &tx,
                    &actor,
                    &Change {
                        action: "unlock",
                        entity: "user",
                        entity_id: user,
                        period: None,
                        field: Some("login"),
                        old_value: None,
                        new_value: Some(a.name.clone()),
                        reason: None,
                    },
                )?;
                tx.commit()?;
            }
            Ok(lifted)
        })
        .await?;
    Ok(Json(Done { ok }))
}

//! Saves that are not applied twice: a client sends an `Idempotency-Key` with each save and
//! the same key again when it retries because the answer was lost. The first answer is kept
//! here and given to the retry, which is not run again. A retry that arrives while the first
//! attempt still runs waits for it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::Notify;

use crate::api::ApiError;

/// How long an answer is kept: longer than any client waits before it gives up retrying.
pub const KEPT_FOR: Duration = Duration::from_secs(24 * 3600);

/// The longest key accepted (a UUID is 36 characters).
pub const MAX_KEY: usize = 100;

type Answer = Result<Value, ApiError>;

enum Entry {
    Running(Arc<Notify>),
    Done(Answer, Instant),
}

/// Keyed by user and key, so that one user's key never answers another's request.
#[derive(Default)]
pub struct Replies {
    entries: Mutex<HashMap<(i64, String), Entry>>,
}

/// What to do with a request that carries a key.
pub enum Turn {
    /// Run it, then [`Replies::finish`].
    Run,
    /// Already answered: send this.
    Answered(Answer),
}

impl Replies {
    /// Whether the request is to run or was answered; waits while a first attempt runs.
    pub async fn begin(&self, user: i64, key: &str) -> Turn {
        loop {
            let notify = {
                let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
                let now = Instant::now();
                map.retain(
                    |_, e| !matches!(e, Entry::Done(_, at) if now.duration_since(*at) > KEPT_FOR),
                );
                match map.get(&(user, key.to_string())) {
                    Some(Entry::Done(answer, _)) => return Turn::Answered(answer.clone()),
                    Some(Entry::Running(n)) => n.clone(),
                    None => {
                        map.insert(
                            (user, key.to_string()),
                            Entry::Running(Arc::new(Notify::new())),
                        );
                        return Turn::Run;
                    }
                }
            };
            let waiting = notify.notified();
            // Finished between the look and the wait: look again.
            if self.is_done(user, key) {
                continue;
            }
            waiting.await;
        }
    }

    fn is_done(&self, user: i64, key: &str) -> bool {
        let map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        !matches!(map.get(&(user, key.to_string())), Some(Entry::Running(_)))
    }

    /// Keeps the answer of a run begun with [`Replies::begin`] and wakes retries waiting for it.
    pub fn finish(&self, user: i64, key: &str, answer: &Answer) {
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let done = Entry::Done(answer.clone(), Instant::now());
        if let Some(Entry::Running(n)) = map.insert((user, key.to_string()), done) {
            n.notify_waiters();
        }
    }

    /// Forgets a run that ended without an answer worth keeping (the connection pool was
    /// closing): a retry runs again.
    pub fn abandon(&self, user: i64, key: &str) {
        let mut map = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(Entry::Running(n)) = map.remove(&(user, key.to_string())) {
            n.notify_waiters();
        }
    }
}

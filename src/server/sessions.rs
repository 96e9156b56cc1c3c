//! Sign-in tokens: random, expiring, kept in the server's memory (a restart signs everyone
//! out, which is what a token's holder expects of a server update). Every request is checked
//! here and then by the use case itself against the database (a disabled account stops at
//! once).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rand_core::{OsRng, RngCore};

use crate::auth::Session;

/// How long a token lives without use: a working day.
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(8 * 3600);

#[derive(Default)]
pub struct Sessions {
    by_token: Mutex<HashMap<String, (Session, Instant)>>,
}

impl Sessions {
    pub fn issue(&self, s: Session) -> String {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        let token = hex::encode(bytes);
        let mut map = self.by_token.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        map.retain(|_, (_, until)| *until > now);
        map.insert(token.clone(), (s, now + TOKEN_LIFETIME));
        token
    }

    /// The session of a live token; using it extends its life.
    pub fn get(&self, token: &str) -> Option<Session> {
        let mut map = self.by_token.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        match map.get_mut(token) {
            Some((s, until)) if *until > now => {
                *until = now + TOKEN_LIFETIME;
                Some(s.clone())
            }
            Some(_) => {
                map.remove(token);
                None
            }
            None => None,
        }
    }

    /// The token's session after its holder changed it (own password): the token stays.
    pub fn replace(&self, token: &str, s: Session) {
        let mut map = self.by_token.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entry) = map.get_mut(token) {
            entry.0 = s;
        }
    }

    pub fn revoke(&self, token: &str) {
        let mut map = self.by_token.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(token);
    }
}

//! What a command runs against: a connection and who is asking. The desktop shell's engine
//! holds one connection and the signed-in user; the server lends a pooled connection and the
//! token's session for one request ([`OnConnection`]).

use std::cell::{RefCell, RefMut};
use std::ops::DerefMut;

use crate::api::{session, ApiError, ErrorCode};
use crate::auth::Session;
use crate::store::db::Db;
use crate::store::Actor;

pub trait Engine {
    type Conn<'a>: DerefMut<Target = Db>
    where
        Self: 'a;

    /// The connection, for as long as the guard lives.
    fn db(&self) -> Result<Self::Conn<'_>, ApiError>;

    /// Who is asking, or `Unauthenticated`. Only a hint: every use case re-reads the user.
    fn session(&self) -> Result<Session, ApiError>;

    /// Keeps the caller's session after a command changed it (own password, refresh); `None`
    /// signs out.
    fn remember(&self, session: Option<Session>);

    /// `work` as any signed-in user (checked by the engine's one door).
    fn signed_in<T>(
        &self,
        work: impl FnOnce(&Db, &Session) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let s = self.session()?;
        let conn = self.db()?;
        let fresh = session::authorize(&*conn, &s)?;
        work(&conn, &fresh)
    }

    /// `work` as an administrator, with the audit log's actor.
    fn administrator<T>(
        &self,
        work: impl FnOnce(&mut Db, &Actor) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let s = self.session()?;
        let mut conn = self.db()?;
        let actor = session::administrator(&*conn, &s)?;
        work(&mut conn, &actor)
    }

    /// `work` with the session as it is, for use cases that check their own rules (role,
    /// department, workflow state).
    fn with_session<T>(
        &self,
        work: impl FnOnce(&mut Db, &Session) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let s = self.session()?;
        work(&mut *self.db()?, &s)
    }
}

/// One request's engine: a borrowed connection and the session of the token it came with.
pub struct OnConnection<'a, F: Fn(Option<Session>)> {
    db: RefCell<&'a mut Db>,
    session: Session,
    remember: F,
}

impl<'a, F: Fn(Option<Session>)> OnConnection<'a, F> {
    pub fn new(db: &'a mut Db, session: Session, remember: F) -> Self {
        OnConnection {
            db: RefCell::new(db),
            session,
            remember,
        }
    }
}

impl<F: Fn(Option<Session>)> Engine for OnConnection<'_, F> {
    type Conn<'b>
        = RefMut<'b, Db>
    where
        Self: 'b;

    fn db(&self) -> Result<RefMut<'_, Db>, ApiError> {
        let conn = self
            .db
            .try_borrow_mut()
            .map_err(|_| ApiError::new(ErrorCode::Internal, "连接已被本命令占用"))?;
        Ok(RefMut::map(conn, |d| &mut **d))
    }

    fn session(&self) -> Result<Session, ApiError> {
        Ok(self.session.clone())
    }

    fn remember(&self, session: Option<Session>) {
        (self.remember)(session)
    }
}

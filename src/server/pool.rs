//! The server's way to the store: the store and the use cases are synchronous (rusqlite, the
//! synchronous `postgres` client), so every call runs on tokio's blocking threads with a
//! connection from an r2d2 pool — never on an async worker, where one long query would stall
//! every other request.

use crate::api::{ApiError, ErrorCode};
use crate::store::db::{Db, Location, Sql};
use crate::store::StoreError;

/// Opens connections to one database location (each upgraded on open, which is a no-op once
/// the schema is current).
pub struct Connector {
    location: Location,
}

impl r2d2::ManageConnection for Connector {
    type Connection = Db;
    type Error = StoreError;

    fn connect(&self) -> Result<Db, StoreError> {
        Db::open(&self.location)
    }

    fn is_valid(&self, db: &mut Db) -> Result<(), StoreError> {
        db.query_scalar::<i64>("SELECT 1", crate::args![])
            .map(|_| ())
    }

    fn has_broken(&self, _: &mut Db) -> bool {
        false
    }
}

#[derive(Clone)]
pub struct Pool {
    inner: r2d2::Pool<Connector>,
    /// One permit per connection, taken before a blocking thread is: requests beyond the
    /// pool wait as cheap async tasks, not as parked threads (each with its own memory).
    permits: std::sync::Arc<tokio::sync::Semaphore>,
}

impl Pool {
    /// Opens the first connection at once, so a wrong location fails at start with the
    /// store's Chinese message rather than at the first request.
    /// A database file gets one connection whatever `size` says: SQLite lets one writer in
    /// at a time, and connections competing for it would wait in SQLite's busy loop (unfair,
    /// and failing after its timeout) instead of in turn.
    pub fn open(location: Location, size: u32) -> Result<Pool, ApiError> {
        let first = Db::open(&location)?;
        drop(first);
        let size = match location {
            Location::File(_) => 1,
            Location::Postgres(_) => size.max(1),
        };
        let inner = r2d2::Pool::builder()
            .max_size(size)
            .min_idle(Some(1))
            .build(Connector { location })
            .map_err(|e| ApiError::new(ErrorCode::Storage, format!("无法打开数据库连接池：{e}")))?;
        Ok(Pool {
            inner,
            permits: std::sync::Arc::new(tokio::sync::Semaphore::new(size as usize)),
        })
    }

    /// Runs `work` with a connection on a blocking thread.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Db) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::new(ErrorCode::Internal, "服务正在停止"))?;
        let pool = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut db = pool.get().map_err(|e| {
                ApiError::new(ErrorCode::Storage, format!("数据库繁忙，请稍后再试（{e}）"))
            })?;
            work(&mut db)
        })
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("服务器内部错误：{e}")))?
    }
}

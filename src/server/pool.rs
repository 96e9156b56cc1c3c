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
}

impl Pool {
    /// Opens the first connection at once, so a wrong location fails at start with the
    /// store's Chinese message rather than at the first request.
    pub fn open(location: Location, size: u32) -> Result<Pool, ApiError> {
        let first = Db::open(&location)?;
        drop(first);
        let inner = r2d2::Pool::builder()
            .max_size(size.max(1))
            .min_idle(Some(1))
            .build(Connector { location })
            .map_err(|e| ApiError::new(ErrorCode::Storage, format!("无法打开数据库连接池：{e}")))?;
        Ok(Pool { inner })
    }

    /// Runs `work` with a connection on a blocking thread.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Db) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut db = pool.get().map_err(|e| {
                ApiError::new(ErrorCode::Storage, format!("数据库繁忙，请稍后再试（{e}）"))
            })?;
            work(&mut db)
        })
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("服务器内部错误：{e}")))?
    }
}

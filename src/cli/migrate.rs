use std::path::PathBuf;

use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::store::db::Location;
use zhibiao::store::{self, postgres_open, transfer};

#[derive(clap::Args)]
pub struct Args {
    /// 要迁移的 SQLite 数据库文件
    #[arg(long)]
    from: PathBuf,
    /// 目标 PostgreSQL 数据库：postgres://用户:密码@主机:端口/库名（须为空库）
    #[arg(long)]
    to: String,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let Location::Postgres(url) = Location::parse(&a.to) else {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "--to 应为 postgres:// 开头的数据库地址",
        ));
    };
    if !a.from.is_file() {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!("找不到数据库文件 {}", a.from.display()),
        ));
    }
    // Opening brings an older file to the current schema (after a backup), as the app does.
    let from = store::open(&a.from)?;
    let mut to = postgres_open::open_postgres(&url)?;
    let t = transfer::copy_sqlite_to_postgres(&from, &mut to)?;
    println!(
        "已迁移 {} → {}",
        a.from.display(),
        Location::parse(&a.to).shown()
    );
    println!("表\t行数（源/目标）\t校验和（源/目标）");
    for (s, d) in t.source.iter().zip(&t.target) {
        println!(
            "{}\t{}/{}\t{}/{}",
            s.table, s.rows, d.rows, s.checksum, d.checksum
        );
    }
    Ok(())
}

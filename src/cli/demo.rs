//! `zhibiao demo`: creates (or fills, if it has no plans yet) a demo database: the demo
//! plans, departments, accounts with their published password, and progress values. Other
//! commands never add demo data.

use std::path::PathBuf;

use zhibiao::api::db_path::open_db;
use zhibiao::api::{session, ApiError};
use zhibiao::demo;

#[derive(clap::Args)]
pub struct Args {
    /// 演示数据库文件（必须指定，以免演示数据写入正式数据库）
    #[arg(long)]
    db: PathBuf,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let (mut conn, db) = open_db(Some(a.db))?;
    if demo::ensure_demo(&mut conn)? {
        println!("已创建演示数据库：{}", db.display());
    } else {
        println!("数据库 {} 已有规划，未添加演示数据", db.display());
    }
    session::ensure_admin(&mut conn)?;
    Ok(())
}

use std::path::PathBuf;

use zhibiao::api::db_path::open_db;
use zhibiao::api::plans::import_file_bytes;
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::store::Actor;

#[derive(clap::Args)]
pub struct Args {
    /// 文本文件（UTF-8 或 GB18030）
    file: PathBuf,
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let bytes = std::fs::read(&a.file).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("无法读取文件 {}：{e}", a.file.display()),
        )
    })?;
    let (mut conn, db) = open_db(a.db)?;
    let file_name = a.file.file_name().map(|n| n.to_string_lossy().into_owned());
    let s = import_file_bytes(&mut conn, &Actor::system(), &bytes, file_name.as_deref())?;
    println!("文件：{}", a.file.display());
    println!("数据库：{}", db.display());
    for p in &s.plans {
        let state = if p.created { "新建" } else { "已存在" };
        println!(
            "  [{}] {}（{state}）：新增指标表 {} 张、指标 {} 项；已有指标表 {} 张",
            p.plan_id, p.title, p.tables_added, p.indicators_added, p.tables_existing
        );
    }
    println!("{}", s.message);
    Ok(())
}

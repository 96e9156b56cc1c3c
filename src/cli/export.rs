use std::path::PathBuf;

use zhibiao::api::db_path::open_db;
use zhibiao::api::export::{export_csv, export_xlsx, ExportRequest};
use zhibiao::api::{ApiError, ErrorCode};

#[derive(clap::Args)]
pub struct Args {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
    /// 期间：季度（2025Q3）或年份（2025）
    #[arg(long)]
    period: String,
    /// 只导出该规划（编号见 `zhibiao list`）
    #[arg(long)]
    plan: Option<i64>,
    /// 只导出该责任单位牵头的指标（编号）
    #[arg(long)]
    department: Option<i64>,
    /// 输出文件：.xlsx 或 .csv（UTF-8，带 BOM，Excel 可直接打开）
    #[arg(long)]
    out: PathBuf,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let (conn, _) = open_db(a.db)?;
    let req = ExportRequest {
        period: super::status::parse_period(&a.period)?,
        plan_id: a.plan,
        department_id: a.department,
    };
    let ext = a
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match ext.as_deref() {
        Some("xlsx") => export_xlsx(&conn, &req)?,
        Some("csv") => export_csv(&conn, &req)?,
        _ => {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "输出文件应以 .xlsx 或 .csv 结尾",
            ));
        }
    };
    std::fs::write(&a.out, &bytes).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("无法写入 {}：{e}", a.out.display()),
        )
    })?;
    eprintln!("已导出 {}", a.out.display());
    Ok(())
}

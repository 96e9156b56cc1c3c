use std::path::PathBuf;

use zhibiao::api::db_path::open_store;
use zhibiao::api::export::{export_csv, export_xlsx, ExportRequest};
use zhibiao::api::{ApiError, ErrorCode};

use super::scope::ScopeArgs;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    scope: ScopeArgs,
    /// 输出文件：.xlsx 或 .csv（UTF-8，带 BOM，Excel 可直接打开）
    #[arg(long)]
    out: PathBuf,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let req = ExportRequest {
        period: a.scope.period()?,
        plan_id: a.scope.plan,
        department_id: a.scope.department,
    };
    let (conn, _) = open_store(a.scope.db)?;
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

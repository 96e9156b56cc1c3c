use std::path::PathBuf;
use std::time::Instant;

use zhibiao::api::db_path::open_store;
use zhibiao::api::report::{report_pdf, ReportRequest};
use zhibiao::api::{ApiError, ErrorCode};

use super::scope::ScopeArgs;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    scope: ScopeArgs,
    /// quarterly（季度）、annual（年度）或 completion（总结评估）；默认按期间选择
    #[arg(long)]
    kind: Option<String>,
    /// 报告落款日期（YYYY-MM-DD，默认今天）；固定日期时同一数据生成的 PDF 完全相同
    #[arg(long)]
    date: Option<chrono::NaiveDate>,
    /// 输出的 PDF 文件
    #[arg(long)]
    out: PathBuf,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let mut req = ReportRequest::new(a.scope.period()?);
    req.plan_id = a.scope.plan;
    req.department_id = a.scope.department;
    let (conn, _) = open_store(a.scope.db)?;
    req.kind = a.kind;
    req.date = a.date;
    let started = Instant::now();
    let pdf = report_pdf(&conn, &req)?;
    std::fs::write(&a.out, &pdf).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("无法写入 {}：{e}", a.out.display()),
        )
    })?;
    eprintln!(
        "已生成 {}（{} KB，用时 {} ms）",
        a.out.display(),
        pdf.len() / 1024,
        started.elapsed().as_millis()
    );
    Ok(())
}

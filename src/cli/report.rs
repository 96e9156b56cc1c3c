use std::path::PathBuf;
use std::time::Instant;

use zhibiao::api::db_path::open_db;
use zhibiao::api::report::{report_pdf, ReportRequest};
use zhibiao::api::{ApiError, ErrorCode};

#[derive(clap::Args)]
pub struct Args {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
    /// 报告期：季度（2025Q3）或年份（2025）
    #[arg(long)]
    period: String,
    /// 只报告该规划（编号见 `zhibiao list`）
    #[arg(long)]
    plan: Option<i64>,
    /// 只报告该责任单位牵头的指标（编号）
    #[arg(long)]
    department: Option<i64>,
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
    let (conn, _) = open_db(a.db)?;
    let mut req = ReportRequest::new(super::status::parse_period(&a.period)?);
    req.plan_id = a.plan;
    req.department_id = a.department;
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

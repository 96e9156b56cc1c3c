use std::path::PathBuf;

use zhibiao::api::charts::{chart_svg, svg_to_png, ChartKind, ChartRequest};
use zhibiao::api::db_path::open_store;
use zhibiao::api::status::StatusFilter;
use zhibiao::api::{ApiError, ErrorCode};

#[derive(clap::Args)]
pub struct Args {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
    /// gap（差距图）| trajectory（轨迹图）| summary（状态汇总图）
    #[arg(long)]
    kind: String,
    #[arg(long)]
    plan: Option<i64>,
    #[arg(long)]
    department: Option<i64>,
    /// 轨迹图的指标编号
    #[arg(long)]
    indicator: Option<i64>,
    /// 评估期（默认：今年）
    #[arg(long)]
    period: Option<String>,
    /// 输出文件：.svg 或 .png
    #[arg(long)]
    out: PathBuf,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let kind = ChartKind::parse(&a.kind).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "未知的图表类型“{}”：应为 gap、trajectory 或 summary",
                a.kind
            ),
        )
    })?;
    let period = match a.period.as_deref() {
        Some(p) => super::scope::parse_period(p)?,
        None => zhibiao::model::Period::Year(chrono::Datelike::year(&chrono::Local::now())),
    };
    let ext = a
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("svg" | "png")) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            "输出文件须以 .svg 或 .png 结尾",
        ));
    }
    let (conn, _) = open_store(a.db)?;
    let req = ChartRequest {
        kind,
        period,
        filter: StatusFilter {
            plan_id: a.plan,
            department_id: a.department,
            ..StatusFilter::default()
        },
        indicator_id: a.indicator,
    };
    let svg = chart_svg(&conn, &req)?;
    let bytes = if ext.as_deref() == Some("png") {
        svg_to_png(&svg)?
    } else {
        svg.into_bytes()
    };
    std::fs::write(&a.out, bytes).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("无法写入 {}：{e}", a.out.display()),
        )
    })?;
    println!("已写入 {}", a.out.display());
    Ok(())
}

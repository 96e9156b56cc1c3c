use std::path::PathBuf;

use zhibiao::api::db_path::open_db;
use zhibiao::api::status::{status, StatusFilter};
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::eval::Label;
use zhibiao::model::{Attribute, Period};

#[derive(clap::Args)]
pub struct Args {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
    /// 评估期：年份（2025）或季度（2025Q3）
    #[arg(long)]
    period: String,
    /// 只评估该规划（编号见 `zhibiao list`）
    #[arg(long)]
    plan: Option<i64>,
    /// 只看该责任单位（编号）
    #[arg(long)]
    department: Option<i64>,
    /// 约束性 / 预期性
    #[arg(long)]
    attribute: Option<String>,
    /// 只列出该状态（如 滞后）
    #[arg(long)]
    label: Option<String>,
    /// 以 JSON 输出
    #[arg(long)]
    json: bool,
}

pub(crate) fn parse_period(s: &str) -> Result<Period, ApiError> {
    s.parse::<Period>()
        .map_err(|e| ApiError::new(ErrorCode::InvalidInput, e.to_string()))
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |v| format!("{:.1}%", v * 100.0))
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let period = parse_period(&a.period)?;
    let attribute = match a.attribute.as_deref() {
        None => None,
        Some(s) => Some(Attribute::parse(s).ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!("未知的指标属性“{s}”：应为 约束性 或 预期性"),
            )
        })?),
    };
    let label =
        match a.label.as_deref() {
            None => None,
            Some(s) => Some(Label::parse(s).ok_or_else(|| {
                ApiError::new(ErrorCode::InvalidInput, format!("未知的状态“{s}”"))
            })?),
        };
    let (conn, _) = open_db(a.db)?;
    let filter = StatusFilter {
        plan_id: a.plan,
        department_id: a.department,
        attribute,
        label,
    };
    let report = status(&conn, period, &filter)?;
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("status serialises")
        );
        return Ok(());
    }
    println!(
        "评估期：{}（指标 {} 个）",
        period.label_zh(),
        report.overall.total
    );
    let counts: Vec<String> = report
        .overall
        .counts
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| format!("{} {}", c.label.as_zh(), c.count))
        .collect();
    println!(
        "状态：{}；约束性滞后 {}",
        counts.join("，"),
        report.overall.binding_lagging
    );
    println!("属性\t状态\t完成进度\t序时进度\tR\t预测(线性)\t指标\t原因");
    for r in &report.rows {
        let s = &r.status;
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.attribute.map_or("—", Attribute::as_str),
            s.label.as_zh(),
            pct(s.completion),
            pct(s.expected),
            s.cagr_ratio
                .map_or_else(|| "—".to_string(), |v| format!("{v:.2}")),
            num(s.forecast.and_then(|f| f.linear)),
            r.name,
            r.reason
        );
    }
    Ok(())
}

use zhibiao::api::db_path::open_store;
use zhibiao::api::status::{status, StatusFilter};
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::eval::Label;
use zhibiao::model::Attribute;

use super::scope::ScopeArgs;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    scope: ScopeArgs,
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

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |v| format!("{:.1}%", v * 100.0))
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let period = a.scope.period()?;
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
    let (conn, _) = open_store(a.scope.db)?;
    let filter = StatusFilter {
        plan_id: a.scope.plan,
        department_id: a.scope.department,
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

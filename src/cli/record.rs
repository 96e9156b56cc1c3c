//! `zhibiao record`: records one value under the same rules as the app (login, department,
//! workflow state, validation, audit).

use std::path::PathBuf;

use zhibiao::api::db_path::open_store;
use zhibiao::api::progress::{save_observation, ObservationInput};
use zhibiao::api::{session, ApiError, ErrorCode};
use zhibiao::model::Period;
use zhibiao::progress::{QualStatus, Severity, Vintage};

#[derive(clap::Args)]
pub struct Args {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
    /// 指标编号（见 `zhibiao list` 或应用中的指标详情）
    #[arg(long)]
    indicator: i64,
    /// 期间：年份（2025）或季度（2025Q3）
    #[arg(long)]
    period: String,
    /// 数值；定性指标填 达到 / 基本达到 / 未达到；空字符串清除该期数值
    #[arg(long, allow_hyphen_values = true)]
    value: String,
    /// 备注（变化较大时必填）
    #[arg(long)]
    note: Option<String>,
    /// 数据来源，如 统计公报、部门统计
    #[arg(long)]
    source: Option<String>,
    /// 数据版本：快报 / 年报 / 修订
    #[arg(long)]
    vintage: Option<String>,
    /// 定性指标的佐证材料说明
    #[arg(long)]
    evidence: Option<String>,
    /// 用户名；密码取自环境变量 ZHIBIAO_PASSWORD，否则提示输入
    #[arg(long)]
    user: String,
}

fn invalid(message: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

/// The password from `ZHIBIAO_PASSWORD`, else asked for without echo.
pub fn password() -> Result<String, ApiError> {
    if let Ok(p) = std::env::var("ZHIBIAO_PASSWORD") {
        return Ok(p);
    }
    rpassword::prompt_password("密码：").map_err(|e| invalid(format!("无法读取密码：{e}")))
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let period: Period = a
        .period
        .parse()
        .map_err(|e: zhibiao::model::PeriodParseError| invalid(e.to_string()))?;
    let vintage = match a.vintage.as_deref() {
        None => None,
        Some(v) => Some(
            Vintage::parse(v)
                .ok_or_else(|| invalid(format!("数据版本应为 快报、年报 或 修订，而不是“{v}”")))?,
        ),
    };
    let (mut conn, _) = open_store(a.db)?;
    let s = session::login(&conn, &a.user, &password()?)?;
    let status = QualStatus::parse(&a.value);
    let input = ObservationInput {
        indicator_id: a.indicator,
        period,
        value: if status.is_some() {
            None
        } else {
            Some(a.value.clone())
        },
        status,
        evidence: a.evidence,
        note: a.note,
        source: a.source,
        vintage,
        // The administrator's tool: what it replaces is in the audit log.
        expected_version: None,
    };
    let out = save_observation(&mut conn, &s, &input)?;
    match &out.observation {
        Some(o) => {
            let shown = o
                .value
                .map(|v| v.to_string())
                .or(o.status.map(|s| s.as_str().to_string()))
                .unwrap_or_default();
            println!(
                "已保存：指标 {} {} = {shown}（{}）",
                a.indicator,
                period,
                out.state.label_zh()
            );
        }
        None => println!("已清除：指标 {} {}", a.indicator, period),
    }
    for issue in &out.issues {
        let tag = match (issue.severity, issue.resolved) {
            (Severity::NeedsNote, true) => "已说明",
            (Severity::NeedsNote, false) => "需说明",
            (Severity::Error, _) => "错误",
        };
        println!("[{tag}] {}", issue.message);
    }
    Ok(())
}

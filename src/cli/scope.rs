//! The database, period and scope that `status`, `report` and `export` all take.

use std::path::PathBuf;

use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::model::Period;

#[derive(clap::Args)]
pub struct ScopeArgs {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// 期间：年份（2025）或季度（2025Q3）
    #[arg(long)]
    pub period: String,
    /// 只含该规划（编号见 `zhibiao list`）
    #[arg(long)]
    pub plan: Option<i64>,
    /// 只含该责任单位牵头的指标（编号）
    #[arg(long)]
    pub department: Option<i64>,
}

impl ScopeArgs {
    pub fn period(&self) -> Result<Period, ApiError> {
        parse_period(&self.period)
    }
}

/// Parsed here rather than by clap so that a bad period is an `ApiError` like any other.
pub fn parse_period(s: &str) -> Result<Period, ApiError> {
    s.parse::<Period>()
        .map_err(|e| ApiError::new(ErrorCode::InvalidInput, e.to_string()))
}

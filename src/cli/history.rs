//! `zhibiao history`: every recorded change to an indicator's values, targets and notes.

use std::path::PathBuf;

use zhibiao::api::db_path::open_store;
use zhibiao::api::progress::indicator_history;
use zhibiao::api::ApiError;

#[derive(clap::Args)]
pub struct Args {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
    /// 指标编号
    #[arg(long)]
    indicator: i64,
}

fn field_zh(field: &str) -> &str {
    match field {
        "value" => "数值",
        "status" => "完成状态",
        "evidence" => "佐证",
        "note" => "备注",
        "source" => "来源",
        "vintage" => "数据版本",
        "target" => "目标",
        "cause" => "原因分析",
        "measures" => "下一步措施",
        other => other,
    }
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let (conn, _) = open_store(a.db)?;
    let entries = indicator_history(&conn, a.indicator)?;
    if entries.is_empty() {
        println!("指标 {} 尚无修改记录", a.indicator);
        return Ok(());
    }
    println!("时间\t用户\t操作\t对象\t期间\t字段\t原值\t新值\t原因");
    let dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".to_string());
    for e in &entries {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.at,
            e.user_name,
            e.action,
            e.entity,
            dash(&e.period),
            e.field.as_deref().map(field_zh).unwrap_or("—"),
            dash(&e.old_value),
            dash(&e.new_value),
            dash(&e.reason)
        );
    }
    Ok(())
}

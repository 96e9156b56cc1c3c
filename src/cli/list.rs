use std::path::PathBuf;

use zhibiao::api::db_path::open_store;
use zhibiao::api::plans::list_plans;
use zhibiao::api::ApiError;

#[derive(clap::Args)]
pub struct Args {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
}

fn year(y: Option<i32>) -> String {
    y.map_or_else(|| "?".to_string(), |y| y.to_string())
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let (conn, db) = open_store(a.db)?;
    let plans = list_plans(&conn)?;
    println!("数据库：{}（规划 {} 个）", db, plans.len());
    if plans.is_empty() {
        println!("尚无规划；用 `zhibiao import 文件` 导入");
        return Ok(());
    }
    println!("编号\t文号\t规划期\t指标数（约束性/预期性/未标注）\t规划名称");
    for s in &plans {
        let p = &s.plan;
        let period = match (p.period_start, p.period_end) {
            (None, None) => "—".to_string(),
            (a, b) => format!("{}—{}", year(a), year(b)),
        };
        let review = if s.review_count > 0 {
            format!("，另有上期完成情况 {} 项", s.review_count)
        } else {
            String::new()
        };
        println!(
            "{}\t{}\t{period}\t{}（{}/{}/{}{review}）\t{}",
            p.id,
            p.doc_number.as_deref().unwrap_or("—"),
            s.indicator_count,
            s.binding_count,
            s.expected_count,
            s.unmarked_count,
            p.title
        );
    }
    Ok(())
}

use std::path::PathBuf;

use zhibiao::api::db_path::open_store;
use zhibiao::api::plans::import_file;
use zhibiao::api::ApiError;
use zhibiao::store::Actor;

#[derive(clap::Args)]
pub struct Args {
    /// 文本文件（UTF-8 或 GB18030）、Word 文档（.docx）、PDF 或网页（.html）
    file: PathBuf,
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let (mut conn, db) = open_store(a.db)?;
    let s = import_file(&mut conn, &Actor::system(), &a.file)?;
    println!("文件：{}", a.file.display());
    println!("数据库：{}", db);
    for p in &s.plans {
        let state = if p.created { "新建" } else { "已存在" };
        println!(
            "  [{}] {}（{state}）：新增指标表 {} 张、指标 {} 项；已有指标表 {} 张",
            p.plan_id, p.title, p.tables_added, p.indicators_added, p.tables_existing
        );
        for r in &p.revisions {
            println!("    修订“{}”：", r.title);
            for c in &r.changed {
                let fields: Vec<String> = c
                    .changes
                    .iter()
                    .map(|f| {
                        let side = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
                        format!("{} {} → {}", f.field, side(&f.old), side(&f.new))
                    })
                    .collect();
                println!("      更新 {}：{}", c.name, fields.join("；"));
            }
            for name in &r.added {
                println!("      新增 {name}");
            }
            for d in &r.dropped {
                let what = if d.kept_for_values {
                    "保留（已有填报数据）"
                } else {
                    "删除"
                };
                println!("      {what} {}", d.name);
            }
        }
    }
    println!("{}", s.message);
    Ok(())
}

//! `zhibiao link`: successor links between a later plan's indicator and the earlier plan's
//! indicator it continues — list the proposals and the confirmed links, confirm or correct
//! one, remove one. Writes need a 审核员 or 管理员 login, as in the app.

use std::path::PathBuf;

use clap::Subcommand;
use zhibiao::api::db_path::open_store;
use zhibiao::api::links::{
    link_suggestions, remove_link, save_link, successor_links, LinkInput, LinkedIndicator,
};
use zhibiao::api::{session, ApiError};

use super::record::password;

#[derive(clap::Args)]
pub struct Args {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    action: Action,
}

#[derive(Subcommand)]
enum Action {
    /// 列出建议的接续关系（同一发文机关、规划期衔接的规划之间，按名称、单位和牵头单位）
    Suggest,
    /// 列出已确认的接续关系
    List,
    /// 确认或更正一条接续关系：后一规划的指标接续前一规划的指标
    Set {
        /// 接续指标（后一规划）编号
        #[arg(long)]
        successor: i64,
        /// 被接续指标（前一规划）编号
        #[arg(long)]
        predecessor: i64,
        /// 换算系数：前一指标的数值 × 系数 = 接续指标的单位（如 元→万元 为 0.0001）
        #[arg(long)]
        factor: Option<f64>,
        /// 说明（更名、拆分、口径变化）
        #[arg(long)]
        note: Option<String>,
        /// 用户名；密码取自环境变量 ZHIBIAO_PASSWORD，否则提示输入
        #[arg(long)]
        user: String,
    },
    /// 删除一个指标的接续关系
    Remove {
        #[arg(long)]
        successor: i64,
        #[arg(long)]
        user: String,
    },
    /// 确认全部建议（逐条打印）
    ConfirmAll {
        #[arg(long)]
        user: String,
    },
}

fn name(i: &LinkedIndicator) -> String {
    let unit = i
        .unit
        .as_deref()
        .map(|u| format!("（{u}）"))
        .unwrap_or_default();
    format!("[{}] {}{unit}《{}》", i.id, i.name, i.plan_title)
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let (mut conn, _) = open_store(a.db)?;
    match a.action {
        Action::Suggest => {
            let list = link_suggestions(&conn)?;
            if list.is_empty() {
                println!("没有待确认的接续建议");
            }
            for s in list {
                println!(
                    "{} ← {}\t系数 {}\t{}",
                    name(&s.successor),
                    name(&s.predecessor),
                    s.factor,
                    s.reason
                );
            }
        }
        Action::List => {
            let list = successor_links(&conn)?;
            if list.is_empty() {
                println!("尚无已确认的接续关系；用 `zhibiao link suggest` 查看建议");
            }
            for l in list {
                println!(
                    "{} ← {}\t系数 {}\t{}",
                    name(&l.successor),
                    name(&l.predecessor),
                    l.factor,
                    l.note.unwrap_or_default()
                );
            }
        }
        Action::Set {
            successor,
            predecessor,
            factor,
            note,
            user,
        } => {
            let s = session::login(&conn, &user, &password()?)?;
            let input = LinkInput {
                successor_id: successor,
                predecessor_id: predecessor,
                factor,
                note,
            };
            let l = save_link(&mut conn, &s, &input)?;
            println!(
                "已确认：{} ← {}（系数 {}）",
                name(&l.successor),
                name(&l.predecessor),
                l.factor
            );
        }
        Action::Remove { successor, user } => {
            let s = session::login(&conn, &user, &password()?)?;
            match remove_link(&mut conn, &s, successor)? {
                true => println!("已删除指标 {successor} 的接续关系"),
                false => println!("指标 {successor} 没有接续关系"),
            }
        }
        Action::ConfirmAll { user } => {
            let s = session::login(&conn, &user, &password()?)?;
            for p in link_suggestions(&conn)? {
                let input = LinkInput {
                    successor_id: p.successor.id,
                    predecessor_id: p.predecessor.id,
                    factor: Some(p.factor),
                    note: Some(p.reason.clone()),
                };
                let l = save_link(&mut conn, &s, &input)?;
                println!("已确认：{} ← {}", name(&l.successor), name(&l.predecessor));
            }
        }
    }
    Ok(())
}

//! `zhibiao backup`, `zhibiao restore`, `zhibiao check`.

use std::path::PathBuf;
use std::process::ExitCode;

use zhibiao::api::backup::{backup_path, backup_to, backups_of, check_report, restore_file};
use zhibiao::api::db_path::default_db_path;
use zhibiao::api::{backup as use_case, ApiError};

#[derive(clap::Args)]
pub struct BackupArgs {
    /// 数据库文件（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<PathBuf>,
    /// 备份文件（须不存在）；不指定时存入数据库旁的备份目录
    #[arg(long)]
    out: Option<PathBuf>,
    /// 只列出已有备份
    #[arg(long)]
    list: bool,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// 备份文件，或备份目录中的文件名
    backup: PathBuf,
    /// 要恢复到的数据库文件（默认同上）；恢复前当前数据库会另存到备份目录
    #[arg(long)]
    db: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    /// 数据库或备份文件（默认同上）
    #[arg(long)]
    db: Option<PathBuf>,
}

fn size(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

pub fn backup(a: BackupArgs) -> Result<(), ApiError> {
    let db = a.db.unwrap_or_else(default_db_path);
    if a.list {
        let l = backups_of(&db)?;
        println!("备份目录：{}（{} 个备份）", l.folder, l.backups.len());
        for b in l.backups {
            println!(
                "{}\t{}\t{}\t{}",
                b.taken_at,
                b.kind_label,
                size(b.size),
                b.file_name
            );
        }
        return Ok(());
    }
    let (path, bytes) = match a.out {
        Some(out) => {
            let n = backup_to(&db, &out)?;
            (out, n)
        }
        None => {
            let b = use_case::backup_now(&db)?;
            (
                backup_path(&db, PathBuf::from(&b.file_name).as_path()),
                b.size,
            )
        }
    };
    println!(
        "已备份 {} → {}（{}，完整性检查通过）",
        db.display(),
        path.display(),
        size(bytes)
    );
    Ok(())
}

pub fn restore(a: RestoreArgs) -> Result<(), ApiError> {
    let db = a.db.unwrap_or_else(default_db_path);
    let from = backup_path(&db, &a.backup);
    let done = restore_file(&db, &from)?;
    println!("{}", done.message);
    Ok(())
}

/// Exit code 1 when the database has problems, so scripts can tell.
pub fn check(a: CheckArgs) -> Result<ExitCode, ApiError> {
    let db = a.db.unwrap_or_else(default_db_path);
    let (ok, lines) = check_report(&db)?;
    for l in lines {
        println!("{l}");
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

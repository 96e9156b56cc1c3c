//! Command-line interface over [`zhibiao::api`].

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod backup;
mod chart;
mod demo;
mod export;
mod extract;
mod history;
mod import;
mod link;
mod list;
mod migrate;
mod record;
mod report;
mod scope;
mod serve;
mod status;

#[derive(Parser)]
#[command(
    name = "zhibiao",
    version,
    about = "规划指标监测：五年规划指标表的读取、存储、评估与报告"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 评估各指标在某期的完成情况（状态、完成进度、序时进度、R、预测）
    Status(status::Args),
    /// 绘制差距图、轨迹图或状态汇总图（SVG 或 PNG）
    Chart(chart::Args),
    /// 读取文件中的指标表，以 JSON 输出（不写入数据库）
    Extract(extract::Args),
    /// 导入文件中的规划与指标表到数据库（重复导入不会产生重复数据）
    Import(import::Args),
    /// 列出数据库中的规划及指标数
    List(list::Args),
    /// 填报一个指标某期的数值（与应用相同的权限、校验和审计）
    Record(record::Args),
    /// 显示一个指标的修改历史
    History(history::Args),
    /// 生成季度、年度监测报告或总结评估报告（A4 PDF）
    Report(report::Args),
    /// 导出指标表（.xlsx 或 .csv），可作为填报模板
    Export(export::Args),
    /// 备份数据库（一致的快照，并做完整性检查）；--list 列出已有备份
    Backup(backup::BackupArgs),
    /// 从备份恢复数据库（先检查备份，并把当前数据库另存一份）
    Restore(backup::RestoreArgs),
    /// 检查数据库文件（integrity_check 与 foreign_key_check）
    Check(backup::CheckArgs),
    /// 创建演示数据库（演示规划、演示账号和填报数据；正式数据库不含这些）
    Demo(demo::Args),
    /// 接续指标：查看建议、确认或更正“十五五”指标与“十四五”指标的接续关系
    Link(link::Args),
    /// 把 SQLite 数据库整体迁移到空的 PostgreSQL 数据库（一个事务，逐表核对行数与校验和）
    Migrate(migrate::Args),
    /// 启动联网服务（HTTP/JSON），供各部门的客户端连接同一数据库
    Serve(serve::Args),
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    // The server logs one line per request; the other commands only what goes wrong.
    let default = if matches!(cli.command, Command::Serve(_)) {
        "info"
    } else {
        "warn"
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ZHIBIAO_LOG")
                .unwrap_or_else(|_| default.into()),
        )
        .with_writer(std::io::stderr)
        // Colour codes only for a person at a terminal, not in journald or a log file.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let result = match cli.command {
        Command::Status(a) => status::run(a),
        Command::Chart(a) => chart::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Import(a) => import::run(a),
        Command::List(a) => list::run(a),
        Command::Record(a) => record::run(a),
        Command::History(a) => history::run(a),
        Command::Report(a) => report::run(a),
        Command::Export(a) => export::run(a),
        Command::Backup(a) => backup::backup(a),
        Command::Restore(a) => backup::restore(a),
        Command::Demo(a) => demo::run(a),
        Command::Check(a) => match backup::check(a) {
            Ok(code) => return code,
            Err(e) => Err(e),
        },
        Command::Link(a) => link::run(a),
        Command::Migrate(a) => migrate::run(a),
        Command::Serve(a) => serve::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::FAILURE
        }
    }
}

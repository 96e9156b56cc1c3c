//! Command-line interface over [`zhibiao::api`].

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod extract;

#[derive(Parser)]
#[command(name = "zhibiao", version, about = "规划指标监测：五年规划指标表的读取、存储、评估与报告")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 读取文件中的指标表，以 JSON 输出（不写入数据库）
    Extract(extract::Args),
}

pub fn run() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ZHIBIAO_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::FAILURE
        }
    }
}

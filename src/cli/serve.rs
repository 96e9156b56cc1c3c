//! `zhibiao serve`: the HTTP server for a city's departments (see `zhibiao::server`).

use std::net::SocketAddr;

use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::server::{self, AppState};
use zhibiao::store::db::Location;

#[derive(clap::Args)]
pub struct Args {
    /// 监听地址（未配置 TLS 时只能是本机地址）
    #[arg(long, default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// 数据库：文件路径或 postgres://用户@主机:端口/库（默认：$ZHIBIAO_DB 或用户数据目录下的 zhibiao/zhibiao.db）
    #[arg(long)]
    db: Option<String>,
    /// 数据库连接数
    #[arg(long, default_value_t = 8)]
    connections: u32,
}

fn io(what: &str) -> impl FnOnce(std::io::Error) -> ApiError + '_ {
    move |e| ApiError::new(ErrorCode::Internal, format!("{what}：{e}"))
}

pub fn run(a: Args) -> Result<(), ApiError> {
    server::check_listen(a.listen)?;
    let db = a.db.unwrap_or_else(|| {
        zhibiao::api::db_path::default_db_path()
            .display()
            .to_string()
    });
    let state = AppState::open(Location::parse(&db), a.connections)?;
    let runtime = tokio::runtime::Runtime::new().map_err(io("无法启动服务"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(a.listen)
            .await
            .map_err(io(&format!("无法监听 {}", a.listen)))?;
        eprintln!("规划指标监测服务已启动：http://{}", a.listen);
        server::serve(listener, state).await.map_err(io("服务中断"))
    })
}

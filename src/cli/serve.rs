//! `zhibiao serve`: the HTTP server for a city's departments (see `zhibiao::server`).

use std::net::SocketAddr;

use zhibiao::api::evaluation_cache::on_disk;
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
    /// TLS 证书（PEM，可含中间证书）；与 --tls-key 一起给出时以 HTTPS 服务
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<std::path::PathBuf>,
    /// TLS 私钥（PEM）
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<std::path::PathBuf>,
    /// 创建第一个管理员（在控制台输入其密码）后退出；服务从不自动创建账号或演示数据
    #[arg(long)]
    init_admin: bool,
}

/// The first administrator of a server's database, with a password typed at the console
/// (twice); refused once an administrator has one.
fn init_admin(location: &Location) -> Result<(), ApiError> {
    let mut db = zhibiao::store::db::Db::open(location)?;
    zhibiao::api::session::ensure_admin(&mut db)?;
    let first = zhibiao::api::session::first_run(&db)?;
    if !first.admin_needs_password {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "已有设置了密码的管理员：请用该账号登录后管理用户",
        ));
    }
    let typed = super::record::password()?;
    if std::env::var_os("ZHIBIAO_PASSWORD").is_none() {
        let again = rpassword::prompt_password("再次输入密码：")
            .map_err(|e| ApiError::new(ErrorCode::InvalidInput, format!("无法读取密码：{e}")))?;
        if again != typed {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "两次输入的密码不一致",
            ));
        }
    }
    let s = zhibiao::api::session::set_first_password(&mut db, &typed)?;
    println!(
        "管理员 {} 已创建：现在可以启动服务（zhibiao serve）",
        s.name
    );
    Ok(())
}

fn io(what: &str) -> impl FnOnce(std::io::Error) -> ApiError + '_ {
    move |e| ApiError::new(ErrorCode::Internal, format!("{what}：{e}"))
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let tls = match (&a.tls_cert, &a.tls_key) {
        (Some(cert), Some(key)) => Some(server::Tls::from_pem_files(cert, key)?),
        _ => None,
    };
    server::check_listen(a.listen, tls.is_some())?;
    let db = a.db.unwrap_or_else(|| {
        zhibiao::api::db_path::default_db_path()
            .display()
            .to_string()
    });
    let location = Location::parse(&db);
    if a.init_admin {
        return init_admin(&location);
    }
    let state = AppState::open(location, a.connections)?;
    // Every plan's statuses kept between runs, as the app does: the first dashboard after a
    // restart reads them instead of evaluating every value again (unchanged data only).
    on_disk::keep_in(cache_dir().map(|d| d.join("evaluation")));
    let runtime = tokio::runtime::Runtime::new().map_err(io("无法启动服务"))?;
    let served = runtime.block_on(async {
        let tcp = tokio::net::TcpListener::bind(a.listen)
            .await
            .map_err(io(&format!("无法监听 {}", a.listen)))?;
        // The address bound (the port chosen when 0 was asked).
        let at = tcp.local_addr().map_err(io("无法监听"))?;
        match tls {
            Some(tls) => {
                eprintln!("规划指标监测服务已启动：https://{at}");
                eprintln!("证书指纹（SHA-256）：{}", tls.fingerprint);
                let listener = server::TlsListener {
                    tcp,
                    acceptor: tls.acceptor,
                };
                server::serve_tls(listener, state, stop_asked()).await
            }
            None => {
                eprintln!("规划指标监测服务已启动：http://{at}（仅本机）");
                server::serve(tcp, state, stop_asked()).await
            }
        }
        .map_err(io("服务中断"))
    });
    // Statuses saved in the last seconds: the next start reads them from the file.
    on_disk::write_pending();
    served?;
    eprintln!("服务已停止");
    Ok(())
}

/// `$CACHE_DIRECTORY` (what systemd's `CacheDirectory=` gives the service), else this user's
/// cache directory.
fn cache_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("CACHE_DIRECTORY")
        .filter(|d| !d.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(zhibiao::api::db_path::cache_dir)
}

/// Ctrl-C, or SIGTERM (systemd stopping or restarting the service).
async fn stop_asked() {
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    // A signal that cannot be listened for never stops the server.
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    tokio::select! {
        _ = interrupt => {}
        _ = terminate => {}
    }
    eprintln!("正在停止服务：进行中的请求处理完后退出");
}

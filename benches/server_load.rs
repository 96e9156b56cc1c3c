//! Load on the server (issue 17, point 7): N simulated staff clients on loopback, each saving
//! its own cell over HTTP for T seconds, all at once; prints per database p50/p99 latency,
//! saves/s and memory, and checks nothing was lost or doubled (audit rows = confirmed saves).
//! Server, database and clients share the machine.
//!   bash scripts/pg-test-cluster.sh cargo bench --workspace --bench server_load
//!   ZHIBIAO_LOAD_CLIENTS=100 ZHIBIAO_LOAD_SECONDS=60 (defaults)

#[path = "../tests/server/http_support.rs"]
mod http_support;
#[path = "../tests/server/load_support.rs"]
mod load_support;
#[path = "../tests/shared/pg_support.rs"]
mod pg_support;
#[path = "../tests/shared/progress_fixture.rs"]
mod progress_fixture;
#[path = "../tests/shared/serve_thread.rs"]
mod serve_thread;
#[path = "../tests/shared/shared_city.rs"]
mod shared_city;

use std::time::Duration;

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Resident memory of this process (server and clients together), from /proc.
fn rss_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let clients = env_or("ZHIBIAO_LOAD_CLIENTS", 100) as usize;
    let seconds = env_or("ZHIBIAO_LOAD_SECONDS", 60);
    let (places, who) = load_support::city("load_bench", clients);
    println!("服务器负载：{clients} 个客户端，各自保存本部门指标，持续 {seconds} s（服务器 2 个异步线程、8 个数据库连接）");
    println!("| 数据库 | 保存次数 | 每秒保存 | p50 ms | p99 ms | 拒绝 | 审计行 = 保存 | 进程 RSS MB（峰值） |");
    println!("|---|---|---|---|---|---|---|---|");
    for place in &places {
        let addr = http_support::start_with(place, 2, 8);
        let out = load_support::run(addr, &who, Duration::from_secs(seconds));
        let mut l = out.latencies_ms.clone();
        l.sort_by(f64::total_cmp);
        let audited = load_support::audited_saves(place);
        println!(
            "| {} | {} | {:.0} | {:.1} | {:.1} | {} | {} | {:.0}（{:.0}） |",
            place.name(),
            out.saved,
            out.saved as f64 / seconds as f64,
            percentile(&l, 0.50),
            percentile(&l, 0.99),
            out.refused,
            if audited == out.saved { "是" } else { "否" },
            rss_mb("VmRSS:"),
            rss_mb("VmHWM:"),
        );
    }
}

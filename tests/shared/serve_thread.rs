//! `zhibiao serve` (or its TLS form) for a test: on a thread of its own with its own runtime,
//! listening on an ephemeral loopback port.

use std::future::Future;
use std::net::SocketAddr;

use tokio::net::TcpListener;

/// Runs `serve` on a new thread with `workers` async workers; the address it listens on.
pub fn serve_on_thread<F, Fut>(workers: usize, serve: F) -> SocketAddr
where
    F: FnOnce(TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            serve(listener).await;
        });
    });
    rx.recv().unwrap()
}

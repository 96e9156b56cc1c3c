//! `zhibiao serve` and the engine's HTTP client: raw HTTP, TLS, the console, many staff at once.

mod http_support;
mod load_support;
#[path = "../shared/pg_support.rs"]
mod pg_support;
#[path = "../shared/progress_fixture.rs"]
mod progress_fixture;
#[path = "../shared/serve_thread.rs"]
mod serve_thread;
#[path = "../shared/shared_city.rs"]
mod shared_city;
#[path = "../shared/tls_support.rs"]
mod tls_support;

mod client;
mod server;
mod server_cli;
mod server_load;
mod server_tls;

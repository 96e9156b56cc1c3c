//! Zhibiao (规划指标监测) engine: five-year-plan indicator tables from gazette text to
//! stored plans, progress, evaluation, charts and reports.
//!
//! Data flows one way: text → [`grammar`] / [`import`] → [`model`] → [`store`];
//! store → [`eval`] → [`chart`] / [`report`]. The [`api`] module holds the use cases
//! that both the CLI and the desktop app call.

pub mod api;
pub mod auth;
pub mod bindings;
pub mod chart;
pub mod client;
pub mod demo;
pub mod document;
pub mod eval;
pub mod grammar;
pub mod import;
pub mod model;
pub mod progress;
pub mod report;
pub mod server;
pub mod store;
pub mod succession;
pub mod xlsx;

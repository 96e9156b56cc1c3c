//! The command line as a user runs it, and the TypeScript bindings the UI is typed by.

#[path = "../shared/progress_fixture.rs"]
mod progress_fixture;

mod cli;

mod cli_import;
mod document_cli;
mod link_cli;
mod progress_cli;
mod ts_bindings;

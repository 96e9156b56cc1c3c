//! The `zhibiao` program run as a person runs it from a console, on the database its
//! arguments name (never one from the environment).

use std::process::{Command, Output};

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhibiao"));
    c.args(args).env_remove("ZHIBIAO_DB");
    c
}

pub fn zhibiao(args: &[&str]) -> Output {
    command(args).output().expect("run zhibiao")
}

/// Signed in with `password` (what its password prompt reads when it is not a terminal).
pub fn zhibiao_as(args: &[&str], password: &str) -> Output {
    command(args)
        .env("ZHIBIAO_PASSWORD", password)
        .output()
        .expect("run zhibiao")
}

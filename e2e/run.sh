#!/usr/bin/env bash
# End-to-end tests in the real window: builds the UI and the app, then drives it under Xvfb
# through tauri-driver + WebKitWebDriver on a temporary database.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/setup.sh
(cd ui && npm run build >/dev/null)
# Same targets as `cargo test` in scripts/test.sh: the dev-dependencies then take part in
# feature resolution here too, so this reuses the test build instead of compiling gtk, tauri
# and krilla again with other features (≈ 4½ min on two cores with `-p zhibiao-app`).
cargo build --workspace --lib --bins --tests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p e2e/screenshots
export ZHIBIAO_E2E_APP="$root/target/debug/zhibiao-app"
# The server the second window signs in to (e2e/specs/server.mjs).
export ZHIBIAO_E2E_CLI="$root/target/debug/zhibiao"
export ZHIBIAO_E2E_WORK="$work"
# This computer's settings (the server chosen at sign-in) stay in the run's directory.
export ZHIBIAO_SETTINGS="$work/settings.json"
# Caches (the app's evaluation snapshots, WebKit's) too.
export XDG_CACHE_HOME="$work/cache"
export ZHIBIAO_E2E_DB="$work/e2e.db"
export ZHIBIAO_DB="$work/e2e.db"
export ZHIBIAO_E2E_SCREENSHOTS="$root/e2e/screenshots"
# 保存 PDF writes here instead of opening the native dialog (debug builds only).
export ZHIBIAO_E2E_OUTPUT_DIR="$work/out"
mkdir -p "$ZHIBIAO_E2E_OUTPUT_DIR"
# The demo's story is late 2026: 十四五 ended, 十五五 running.
export ZHIBIAO_TODAY=2026-11-30
# Xvfb, or the run would hang instead of failing; the test stops tauri-driver with SIGTERM.
timeout 600 xvfb-run -a -s "-screen 0 1280x800x24" node e2e/app.test.mjs

#!/usr/bin/env bash
# Every test: engine (unit, integration, goldens), shell (mock runtime), UI (vue-tsc,
# vitest), end-to-end in the real window (Xvfb + tauri-driver + WebKitWebDriver).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - start )) s)"; }

step "准备环境"
bash scripts/setup.sh

step "格式检查"
cargo fmt --all -- --check

if [ -f ui/package.json ]; then
  step "前端：类型检查与构建"
  (cd ui && npm run typecheck && npm run build)
fi

step "Rust 测试（引擎与外壳）"
cargo test --workspace --all-targets

if [ -f ui/package.json ]; then
  step "前端单元测试 (vitest)"
  (cd ui && npm test)
fi

if [ -f e2e/run.sh ]; then
  step "端到端测试（真实窗口）"
  bash e2e/run.sh
fi

step "全部完成，用时 $(( $(date +%s) - start )) 秒"

#!/usr/bin/env bash
# Builds the UI and the desktop app, then launches it on its demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
(cd ui && npm run build)
cargo build -p zhibiao-app
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "没有图形显示：在虚拟显示 (Xvfb) 中启动"
  exec xvfb-run -a -s "-screen 0 1280x800x24" target/debug/zhibiao-app --demo "$@"
fi
exec target/debug/zhibiao-app --demo "$@"

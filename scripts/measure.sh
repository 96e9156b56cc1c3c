#!/usr/bin/env bash
# Prints the desktop app's figures: cold start to first paint and idle memory (RSS of the
# app and its WebKit helper processes) on a fresh demo database. Needs a built app
# (`make run` or e2e/run.sh) and runs it under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
app=target/debug/zhibiao-app
[ "${1:-}" = "--release" ] && app=target/release/zhibiao-app
[ -x "$app" ] || { echo "先构建程序：cargo build -p zhibiao-app"; exit 1; }
work=$(mktemp -d)
log="$work/app.log"

run_once() {
  xvfb-run -a -s "-screen 0 1280x800x24" "$app" --db "$work/demo.db" --demo >"$log" 2>&1 &
  local runner=$!
  local ms=""
  for _ in $(seq 1 300); do
    ms=$(grep -o 'ms=[0-9]* first paint\|first paint.*ms=[0-9]*' "$log" | grep -o 'ms=[0-9]*' | head -1 | cut -d= -f2 || true)
    [ -n "$ms" ] && break
    sleep 0.2
  done
  echo "$ms" >"$work/ms"
  sleep 10 # idle
  local pid
  pid=$(pgrep -n -f "^$app --db $work/demo.db" || true)
  local rss=0
  if [ -n "$pid" ]; then
    for p in $pid $(pgrep -P "$pid" || true); do
      r=$(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
      rss=$((rss + r))
    done
    kill -TERM "$pid" 2>/dev/null || true
  fi
  wait "$runner" 2>/dev/null || true
  echo "$rss" >"$work/rss"
}

run_once # first start: creates the database and imports the demo plans
first=$(cat "$work/ms"); first_rss=$(cat "$work/rss")
run_once # second start: reuses it
second=$(cat "$work/ms"); rss=$(cat "$work/rss")
echo "首次启动（建库并导入示例规划）到首帧：${first:-?} ms"
echo "再次启动到首帧：${second:-?} ms"
echo "空闲内存（RSS，程序 + WebKit 子进程）：$((rss / 1024)) MB（首次启动后 $((first_rss / 1024)) MB）"
rm -rf "$work"

#!/usr/bin/env bash
# Prints the desktop app's figures: cold start to first paint, and idle memory 10 s after
# the first paint on a fresh demo database — RSS and PSS (from /proc/PID/smaps_rollup: PSS
# splits shared pages between the processes that map them, so the sum does not count the
# WebKit libraries twice), per process and in total.
#   scripts/measure.sh [--release]
# Needs a built app (`make run`, e2e/run.sh, or `cargo build --release --workspace` for
# --release) and runs it under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
app=target/debug/zhibiao-app
[ "${1:-}" = "--release" ] && app=target/release/zhibiao-app
[ -x "$app" ] || { echo "先构建程序：cargo build --workspace（或 --release）"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/app.log"

descendants() { # PID and every process below it
  echo "$1"
  for c in $(pgrep -P "$1" || true); do descendants "$c"; done
}

field() { # kB of a smaps_rollup / status field of PID, 0 if gone
  awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/$3" 2>/dev/null || echo 0
}

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
  : >"$work/procs"
  if [ -n "$pid" ]; then
    for p in $(descendants "$pid"); do
      local name rss pss
      name=$(tr -d '\n' <"/proc/$p/comm" 2>/dev/null || echo '?')
      rss=$(field "$p" Rss smaps_rollup)
      pss=$(field "$p" Pss smaps_rollup)
      [ "${rss:-0}" -gt 0 ] && echo "$name $rss $pss" >>"$work/procs"
    done
    kill -TERM "$pid" 2>/dev/null || true
  fi
  wait "$runner" 2>/dev/null || true
}

report() {
  awk '{printf "  %-22s RSS %6.1f MB   PSS %6.1f MB\n", $1, $2/1024, $3/1024; r += $2; p += $3}
       END {printf "  %-22s RSS %6.1f MB   PSS %6.1f MB\n", "合计", r/1024, p/1024}' "$work/procs"
}

run_once # first start: creates the database and imports the demo plans
first=$(cat "$work/ms")
run_once # second start: reuses it
second=$(cat "$work/ms")
echo "程序：$app（$(du -h "$app" | cut -f1)）"
echo "首次启动（建库并导入示例规划）到首帧：${first:-?} ms"
echo "再次启动到首帧：${second:-?} ms"
echo "空闲内存（再次启动、首帧后 10 秒；程序及其 WebKit 子进程）："
report

#!/usr/bin/env bash
# Crash trials, run by hand (not part of `make test`): N times `kill -9` of a process in the
# middle of saves, then `integrity_check` and every acknowledged save present with its audit
# row. Two kinds, N each (default 100):
#   api — a process saving through the use case the app's save_observation IPC command calls
#         (examples/crash_saves.rs: JSON in, api::progress), killed 50–1500 ms after start;
#   cli — `zhibiao record` run again and again, one value each, the running one killed at a
#         random moment (an ACK is written only after the CLI exited 0).
# Usage: bash scripts/crash-trials.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
n="${1:-100}"
# --workspace keeps the features of the test build: nothing is compiled twice.
cargo build --quiet --workspace --bins --examples || exit 1
bin=target/debug/zhibiao
driver=target/debug/examples/crash_saves
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ms_sleep() { sleep "$(awk -v m="$1" 'BEGIN { printf "%.3f", m / 1000 }')"; }

summary() { # kind ok total acked
  echo "$1: $2/$3 trials passed (integrity ok, every acknowledged save present with its audit row); $4 saves acknowledged in all"
}

run_api() {
  local ok=0 acked=0
  for i in $(seq 1 "$n"); do
    local db="$work/api$i.db" acks="$work/api$i.acks"
    "$driver" setup "$db"
    "$driver" drive "$db" >"$acks" 2>/dev/null &
    local pid=$!
    ms_sleep $((50 + RANDOM % 1450))
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    local out
    out=$("$driver" verify "$db" "$acks")
    echo "api trial $i: $out"
    [[ $out == OK* ]] && ok=$((ok + 1))
    acked=$((acked + $(grep -c ^ACK "$acks")))
    rm -rf "$db" "$db"-* "$acks"
  done
  summary "api (app's save path)" "$ok" "$n" "$acked"
}

run_cli() {
  local ok=0 acked=0
  for i in $(seq 1 "$n"); do
    local db="$work/cli$i.db" acks="$work/cli$i.acks"
    "$driver" setup "$db"
    : >"$acks"
    (
      k=1
      while true; do
        v="$((100 + k)).$((k % 10))"
        if ZHIBIAO_PASSWORD=crash-trial-1 "$bin" record --db "$db" --user crash \
          --indicator "$k" --period 2025 --value "$v" >/dev/null 2>&1; then
          echo "ACK $k $v" >>"$acks"
        fi
        k=$((k + 1))
      done
    ) &
    local loop=$!
    ms_sleep $((300 + RANDOM % 3000))
    # The record process running right now is killed mid-way; the loop first, so that it
    # starts no other one.
    local child
    child=$(pgrep -P "$loop" -x zhibiao | head -1)
    kill -9 "$loop" 2>/dev/null
    [[ -n $child ]] && kill -9 "$child" 2>/dev/null
    wait "$loop" 2>/dev/null
    local out
    out=$("$driver" verify "$db" "$acks")
    echo "cli trial $i: $out (killed: ${child:-none running})"
    [[ $out == OK* ]] && ok=$((ok + 1))
    acked=$((acked + $(grep -c ^ACK "$acks")))
    rm -rf "$db" "$db"-* "$acks"
  done
  summary "cli (zhibiao record)" "$ok" "$n" "$acked"
}

api_out=$(run_api | tee /dev/stderr | tail -1)
cli_out=$(run_cli | tee /dev/stderr | tail -1)
echo
echo "$api_out"
echo "$cli_out"

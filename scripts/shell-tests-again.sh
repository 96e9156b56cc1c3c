#!/usr/bin/env bash
# Runs the shell's (zhibiao-app) test binaries again with the given environment, without
# building anything: `cargo test --exclude zhibiao` would unify the workspace's features
# differently (no dev-dependencies of the engine) and recompile the shell and its tests,
# minutes on two cores. The binaries are those the step before built; cargo lists them.
set -uo pipefail
cd "$(dirname "$0")/.."
mapfile -t binaries < <(
  cargo test --workspace --lib --bins --tests --no-run --message-format=json 2>/dev/null |
    python3 -c '
import json, sys
for line in sys.stdin:
    try:
        msg = json.loads(line)
    except ValueError:
        continue
    if msg.get("reason") != "compiler-artifact" or not msg.get("executable"):
        continue
    if not msg["profile"]["test"]:
        continue  # the app itself, built for the integration tests
    if "#zhibiao-app@" in msg["package_id"]:
        print(msg["executable"])
'
)
if [ ${#binaries[@]} -eq 0 ]; then
  echo "没有找到外壳的测试程序（cargo test --no-run 失败？）" >&2
  exit 1
fi
status=0
for binary in "${binaries[@]}"; do
  echo "-- $(basename "$binary")"
  (cd src-tauri && "$binary" -q) || status=1
done
exit $status

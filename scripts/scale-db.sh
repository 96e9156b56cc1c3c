#!/usr/bin/env bash
# Builds the province-scale database for the scale benchmark: the demo plans copied until
# every year and quarter of every plan gives OBSERVATIONS values (default 1 000 000).
#   scripts/scale-db.sh OUT.db [OBSERVATIONS]
# A PostgreSQL copy of it: zhibiao migrate --from OUT.db --to postgres://…; both side by side
# on a throw-away cluster:
#   bash scripts/pg-test-cluster.sh bash -c 'target/release/zhibiao migrate --from OUT.db \
#     --to "$ZHIBIAO_TEST_PG" && ZHIBIAO_SCALE_DB=OUT.db ZHIBIAO_SCALE_PG="$ZHIBIAO_TEST_PG" \
#     cargo bench --workspace --bench scale'
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?用法：scripts/scale-db.sh 输出文件.db [观测值个数]}
wanted=${2:-1000000}
rm -f "$out" "$out-wal" "$out-shm"
cargo build --release --workspace --bin zhibiao --example scale_db
target/release/zhibiao demo --db "$out" >/dev/null
target/release/examples/scale_db "$out" "$wanted"

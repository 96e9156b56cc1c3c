#!/usr/bin/env bash
# Long run of the property tests (tests/reading/properties.rs): many cases per property, about ten
# minutes on the 2-core build machine. Usage: bash scripts/proptest-long.sh [cases]
# The short run (64 cases per property) is part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-${PROPTEST_CASES:-250000}}"
echo "property tests, ${cases} cases per property"
start=$(date +%s)
PROPTEST_CASES="$cases" cargo test --workspace --test reading properties:: -- --test-threads=2 --nocapture
echo "done in $(( $(date +%s) - start )) s"

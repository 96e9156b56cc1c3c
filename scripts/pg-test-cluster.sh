#!/usr/bin/env bash
# Runs one command against a throw-away PostgreSQL cluster: initdb in a temporary directory
# (as the `postgres` user when run as root: initdb refuses root), listening on loopback only,
# stopped and removed on exit whatever happens. The command sees
# ZHIBIAO_TEST_PG=postgres://postgres@127.0.0.1:PORT/zb, and ZHIBIAO_TEST_PG_LOGIN, the URL of a role
# that must give its password. fsync is off (tests need no durability);
# ZHIBIAO_TEST_PG_FSYNC=on for benchmark figures comparable with SQLite's synchronous=FULL.
#   bash scripts/pg-test-cluster.sh cargo test --workspace --test store store_on_both::
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "用法：$0 命令 [参数…]" >&2
  exit 2
fi
ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
if [ -z "$ver" ]; then
  echo "未安装 PostgreSQL（apt-get install postgresql）" >&2
  exit 1
fi
bin=/usr/lib/postgresql/$ver/bin
dir=$(mktemp -d)
port=${ZHIBIAO_TEST_PG_PORT:-55432}
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else bash -c "$1"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$dir"
stop() {
  as_pg "$bin/pg_ctl -D $dir/pg stop -m fast" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
as_pg "$bin/initdb -D $dir/pg -A trust -U postgres -E UTF8 --no-locale" >/dev/null
# One role signs in with a password (scram), as a city's server would: the wrong-password test.
as_pg "sed -i '1i host all zb_login 127.0.0.1/32 scram-sha-256' $dir/pg/pg_hba.conf"
as_pg "$bin/pg_ctl -D $dir/pg -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${ZHIBIAO_TEST_PG_FSYNC:-off}' -l $dir/log start -w" >/dev/null
as_pg "psql -h 127.0.0.1 -p $port -U postgres -qc 'create database zb'"
as_pg "psql -h 127.0.0.1 -p $port -U postgres -qc \"create role zb_login login password 'zb-login-pass'\""
export ZHIBIAO_TEST_PG="postgres://postgres@127.0.0.1:$port/zb"
export ZHIBIAO_TEST_PG_LOGIN="postgres://zb_login:zb-login-pass@127.0.0.1:$port/zb"
"$@"

#!/usr/bin/env bash
# An administrator's first steps with the server on this machine, then a check of /health and
# a sign-in over TLS: a self-signed certificate (openssl), the first administrator
# (serve --init-admin), the server with TLS, requests with curl trusting that certificate.
#   bash scripts/server-try.sh [DATABASE]   (default: a new SQLite file; or postgres://…)
# ZHIBIAO_BIN picks the binary (default target/release/zhibiao, else target/debug/zhibiao);
# ZHIBIAO_TRY_PORT the port (default 18443).
set -euo pipefail
bin=${ZHIBIAO_BIN:-target/release/zhibiao}
[ -x "$bin" ] || bin=target/debug/zhibiao
[ -x "$bin" ] || { echo "未找到 zhibiao 程序：请先 cargo build --release" >&2; exit 1; }
port=${ZHIBIAO_TRY_PORT:-18443}
dir=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
db=${1:-$dir/city.db}
password="Try-$(date +%s)-zb"

echo "== 1. 自签证书（生产环境可换成单位 CA 签发的证书）"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
  -subj /CN=zhibiao -addext subjectAltName=IP:127.0.0.1,DNS:localhost \
  -keyout "$dir/server.key" -out "$dir/server.crt" 2>/dev/null
openssl x509 -noout -fingerprint -sha256 -in "$dir/server.crt"

echo "== 2. 第一个管理员"
ZHIBIAO_PASSWORD=$password "$bin" serve --db "$db" --init-admin

echo "== 3. 启动服务（TLS）"
ZHIBIAO_LOG=info "$bin" serve --db "$db" --listen "127.0.0.1:$port" \
  --tls-cert "$dir/server.crt" --tls-key "$dir/server.key" 2>"$dir/server.log" &
pid=$!
url=https://127.0.0.1:$port
https() { curl -fsS --cacert "$dir/server.crt" "$@"; }
for _ in $(seq 100); do
  https "$url/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done

echo "== 4. 检查"
https "$url/health" | grep -q '"ok"'
token=$(https -H 'Content-Type: application/json' \
  -d "{\"name\":\"admin\",\"password\":\"$password\"}" "$url/api/login" |
  sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
[ -n "$token" ] || { echo "登录失败" >&2; exit 1; }
https -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d "{}" "$url/api/list_plans" | grep -q "\["
grep -q 'route=/api/login' "$dir/server.log" || { echo "缺少请求日志" >&2; exit 1; }
grep -q '证书指纹' "$dir/server.log"
echo "服务检查通过：$url（/health、登录、规划列表，均经 TLS）"

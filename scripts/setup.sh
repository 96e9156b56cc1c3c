#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks: system packages (apt), the UI's npm
# packages and tauri-driver. Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  pkg-config build-essential xvfb xauth webkit2gtk-driver fonts-noto-cjk poppler-utils
  poppler-data imagemagick xdotool
  # The store's tests also run on a throw-away PostgreSQL cluster (scripts/pg-test-cluster.sh).
  postgresql
  # The server's tests: certificates (openssl), requests over TLS (curl), the unit check.
  openssl curl systemd
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== 安装系统软件包: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# `npm install` rather than `npm ci`: the lock files only hold the platform packages the
# registry serves for linux-x64 (esbuild, rollup and the Tauri CLI list others as optional),
# and `npm ci` refuses a lock file without them. The lock still pins every version.
npm_deps() {
  local dir=$1 stamp=$1/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ] || [ "$dir/package.json" -nt "$stamp" ]; then
    echo "== 安装前端依赖 ($dir)"
    (cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error)
  fi
}
npm_deps ui
npm_deps e2e

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "== 安装 tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

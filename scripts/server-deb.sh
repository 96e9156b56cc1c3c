#!/usr/bin/env bash
# Builds the server's own package, zhibiao-server_VERSION_amd64.deb: the `zhibiao` program,
# the systemd unit, its settings file and a system user. The desktop app stays in its own
# package (make deb); a city's server machine needs no window system.
#   bash scripts/server-deb.sh   → target/zhibiao-server_*.deb
set -euo pipefail
cargo build --workspace --release --bin zhibiao
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -D -m 0755 target/release/zhibiao "$root/usr/bin/zhibiao"
install -D -m 0644 packaging/server/zhibiao-server.service "$root/lib/systemd/system/zhibiao-server.service"
install -D -m 0640 packaging/server/server.env "$root/etc/zhibiao/server.env"
install -D -m 0755 packaging/server/postinst "$root/DEBIAN/postinst"
echo /etc/zhibiao/server.env > "$root/DEBIAN/conffiles"
cat > "$root/DEBIAN/control" <<CONTROL
Package: zhibiao-server
Version: $version
Architecture: amd64
Maintainer: Zhibiao <zhibiao@localhost>
Depends: adduser, fonts-noto-cjk, poppler-utils
Recommends: postgresql
Section: misc
Priority: optional
Description: 规划指标监测服务
 各部门的客户端经此服务（HTTPS）共用一个数据库（PostgreSQL 或本机文件）。
CONTROL
dpkg-deb --root-owner-group --build "$root" "target/zhibiao-server_${version}_amd64.deb"

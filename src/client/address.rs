//! A server's address as a person types it, and the first contact with it.

use std::net::IpAddr;
use std::sync::Arc;

use serde_json::Value;

use super::connection::{agent, Connection};
use super::errors;
use super::fingerprint::{normalize_fingerprint, tls_config, AnyCertificate};
use super::Probe;
use crate::api::{ApiError, ErrorCode};

/// A server address, checked: `https://host:port`, or `http://` to this machine only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    base: String,
    tls: bool,
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidInput, message)
}

const EXAMPLE: &str = "例如 https://192.168.1.10:8443";

impl Server {
    /// `https://host:port`, `host:port` (HTTPS), `http://127.0.0.1:port` (this machine only).
    /// Without a port: 443 for HTTPS, 80 for HTTP.
    pub fn new(address: &str) -> Result<Server, ApiError> {
        let typed = address.trim();
        if typed.is_empty() {
            return Err(invalid(format!("请填写服务器地址，{EXAMPLE}")));
        }
        let lower = typed.to_ascii_lowercase();
        let (tls, rest) = if lower.starts_with("https://") {
            (true, &typed["https://".len()..])
        } else if lower.starts_with("http://") {
            (false, &typed["http://".len()..])
        } else if typed.contains("://") {
            return Err(invalid(format!(
                "服务器地址只能以 https:// 开头：{typed}（{EXAMPLE}）"
            )));
        } else {
            (true, typed)
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        if rest.is_empty() || rest.contains(['/', '?', '#', '@', ' ', '\\']) {
            return Err(invalid(format!(
                "服务器地址只需主机和端口：{typed}（{EXAMPLE}）"
            )));
        }
        let (host, port) = split_host_port(rest)
            .ok_or_else(|| invalid(format!("服务器地址无法识别：{typed}（{EXAMPLE}）")))?;
        let port = match port {
            Some(p) => p
                .parse::<u16>()
                .ok()
                .filter(|p| *p != 0)
                .ok_or_else(|| invalid(format!("端口应为 1–65535 的数字：{typed}")))?,
            None if tls => 443,
            None => 80,
        };
        let host = host.to_ascii_lowercase();
        let ip = host.parse::<IpAddr>().ok();
        if ip.is_none()
            && !host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        {
            return Err(invalid(format!("服务器地址无法识别：{typed}（{EXAMPLE}）")));
        }
        let loopback = ip.is_some_and(|ip| ip.is_loopback()) || host == "localhost";
        if !tls && !loopback {
            return Err(invalid(format!(
                "不能用 http:// 连接 {host}：密码和登录令牌会以明文在网络上传输。请改用 https://（服务器需配置 TLS 证书）；http:// 只能用于本机地址 127.0.0.1"
            )));
        }
        let shown = match ip {
            Some(IpAddr::V6(v6)) => format!("[{v6}]"),
            _ => host,
        };
        let scheme = if tls { "https" } else { "http" };
        Ok(Server {
            base: format!("{scheme}://{shown}:{port}"),
            tls,
        })
    }

    /// The canonical address, `https://host:port`.
    pub fn address(&self) -> &str {
        &self.base
    }

    pub fn uses_tls(&self) -> bool {
        self.tls
    }

    /// First contact: over HTTPS, accepts whatever certificate the server presents (only
    /// `/health` is asked, nothing secret is sent) and returns its fingerprint for the person
    /// to accept; checks that a Zhibiao server answers.
    pub fn probe(&self) -> Result<Probe, ApiError> {
        let seen = Arc::new(AnyCertificate::default());
        let agent = agent(self.tls.then(|| tls_config(seen.clone())));
        let stranger = || {
            invalid(format!(
                "{} 上运行的不是规划指标监测服务，请检查地址和端口",
                self.base
            ))
        };
        let health = match agent.get(&format!("{}/health", self.base)).call() {
            Ok(answer) => answer,
            // Some other web server: it has no `/health`, or refuses it.
            Err(ureq::Error::Status(..)) => return Err(stranger()),
            Err(e) => return Err(errors::from_ureq(e, &self.base, None)),
        };
        let body: Value = match health.into_json() {
            Ok(body) => body,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => return Err(stranger()),
            Err(e) => return Err(errors::reading(e, &self.base)),
        };
        if body["status"] != "ok" {
            return Err(stranger());
        }
        Ok(Probe {
            address: self.base.clone(),
            fingerprint: if self.tls { seen.fingerprint() } else { None },
        })
    }

    /// A connection that trusts only the certificate with `fingerprint` (the one the person
    /// accepted after [`Server::probe`]); ignored over plain HTTP to this machine.
    pub fn connect(&self, fingerprint: Option<&str>) -> Result<Connection, ApiError> {
        let pin = match (self.tls, fingerprint) {
            (false, _) => None,
            (true, Some(f)) => Some(normalize_fingerprint(f)?),
            (true, None) => {
                return Err(invalid(format!(
                    "尚未确认 {} 的证书指纹：请先连接一次，核对并接受服务器证书",
                    self.base
                )))
            }
        };
        Ok(Connection::new(self.clone(), pin))
    }
}

/// `host:port`, `host`, `[v6]:port`, `[v6]`.
fn split_host_port(s: &str) -> Option<(&str, Option<&str>)> {
    if let Some(inner) = s.strip_prefix('[') {
        let (host, after) = inner.split_once(']')?;
        host.parse::<std::net::Ipv6Addr>().ok()?;
        return match after {
            "" => Some((host, None)),
            a => Some((host, Some(a.strip_prefix(':')?))),
        };
    }
    match s.split_once(':') {
        // A bare IPv6 address needs brackets to carry a port.
        Some((_, port)) if port.contains(':') => None,
        Some(("", _)) => None,
        Some((host, port)) => Some((host, Some(port))),
        None => Some((s, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(a: &str) -> String {
        Server::new(a).unwrap().address().to_string()
    }

    #[test]
    fn addresses_as_people_type_them() {
        assert_eq!(
            base("https://Zb.City.GOV.cn:8443/"),
            "https://zb.city.gov.cn:8443"
        );
        assert_eq!(base(" 192.168.1.10:8443 "), "https://192.168.1.10:8443");
        assert_eq!(base("zb.city"), "https://zb.city:443");
        assert_eq!(base("HTTP://127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(base("http://localhost:8080"), "http://localhost:8080");
        assert_eq!(base("http://[::1]:8080"), "http://[::1]:8080");
        assert_eq!(base("[fe80::1]:8443"), "https://[fe80::1]:8443");
        assert!(Server::new("zb.city").unwrap().uses_tls());
    }

    #[test]
    fn clear_text_beyond_this_machine_and_malformed_addresses_are_refused() {
        for a in [
            "http://192.168.1.10:8080",
            "http://zb.city:80",
            "http://[fe80::1]:80",
        ] {
            let e = Server::new(a).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput);
            assert!(e.message.contains("明文"), "{a}: {}", e.message);
        }
        for a in [
            "",
            "ftp://zb.city",
            "https://zb.city:99999",
            "https://zb.city:0",
            "https://zb.city:port",
            "https://zb.city/api",
            "https://user@zb.city",
            "fe80::1:8443",
            "https://:8443",
            "https://zb city",
        ] {
            let e = Server::new(a).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput, "{a}");
            assert!(!e.message.contains("明文"), "{a}: {}", e.message);
        }
    }

    #[test]
    fn https_needs_an_accepted_fingerprint_and_loopback_http_does_not() {
        let e = Server::new("zb.city:8443")
            .unwrap()
            .connect(None)
            .err()
            .unwrap();
        assert!(e.message.contains("指纹"), "{}", e.message);
        assert!(Server::new("http://127.0.0.1:1")
            .unwrap()
            .connect(None)
            .is_ok());
    }
}

//! What went wrong with a request, as the [`ApiError`] the UI already understands: the
//! server's own JSON error as it sent it; an unreachable server as `Offline` (the UI keeps
//! the edits as drafts); a changed certificate with both fingerprints.

use std::io;

use serde_json::Value;

use super::fingerprint::Watched;
use super::CertificateChange;
use crate::api::{ApiError, ErrorCode};

/// Out of reach: refused, timed out, name unknown, connection cut.
pub(super) fn offline(address: &str, why: &str) -> ApiError {
    ApiError::new(
        ErrorCode::Offline,
        format!("无法连接服务器 {address}（{why}），请检查网络"),
    )
}

/// The answer is not HTTP, or not as expected.
fn unrecognised(address: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        format!("{address} 的回答无法识别：请检查地址和端口，以及应使用 https:// 还是 http://"),
    )
}

/// The pinned certificate was not the one presented.
pub fn certificate_changed(c: &CertificateChange) -> ApiError {
    ApiError::new(
        ErrorCode::CertificateChanged,
        format!(
            "服务器证书已更换，与已确认的指纹不同，连接已拒绝：可能有人冒充服务器，也可能是管理员更换了证书。请向管理员核对后再接受新证书。\n已确认的指纹：{}\n服务器出示的指纹：{}",
            c.expected, c.presented
        ),
    )
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => "连接被拒绝：服务未运行或端口不对".into(),
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => "等待超时".into(),
        io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::BrokenPipe
        | io::ErrorKind::UnexpectedEof => "连接中断".into(),
        io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable => "网络不通".into(),
        _ => e.to_string(),
    }
}

/// The TLS error somewhere in `e`'s sources (rustls reports through `io::Error`, whose
/// `source()` skips the wrapped error itself).
fn tls_error<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut next = Some(e);
    while let Some(e) = next {
        if let Some(t) = e.downcast_ref::<rustls::Error>() {
            return Some(t);
        }
        if let Some(inner) = e
            .downcast_ref::<io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|i| i.downcast_ref::<rustls::Error>())
        {
            return Some(inner);
        }
        next = e.source();
    }
    None
}

fn io_error<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a io::Error> {
    let mut next = Some(e);
    while let Some(e) = next {
        if let Some(io) = e.downcast_ref::<io::Error>() {
            return Some(io);
        }
        next = e.source();
    }
    None
}

/// A failed request. `pin` is the pinned connection's verifier, if any.
pub(super) fn from_ureq(e: ureq::Error, address: &str, pin: Option<&Watched>) -> ApiError {
    match e {
        ureq::Error::Status(status, response) => {
            let text = response.into_string().unwrap_or_default();
            from_status(status, &text)
        }
        ureq::Error::Transport(t) => {
            use ureq::ErrorKind as K;
            let source = std::error::Error::source(&t);
            if let Some(tls) = source.and_then(tls_error) {
                if let Some(change) = pin.and_then(Watched::change) {
                    return certificate_changed(&change);
                }
                return ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("无法与 {address} 建立加密连接（{tls}）：请检查地址和端口，以及服务器是否启用了 TLS"),
                );
            }
            match t.kind() {
                K::Dns => offline(address, "找不到该主机名"),
                K::BadStatus | K::BadHeader => unrecognised(address),
                K::ConnectionFailed | K::Io | K::ProxyConnect => match source.and_then(io_error) {
                    // Bytes that are not HTTP (a TLS server asked in plain HTTP): a wrong
                    // address, not a network fault to wait out.
                    Some(io)
                        if matches!(
                            io.kind(),
                            io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput
                        ) =>
                    {
                        unrecognised(address)
                    }
                    Some(io) => offline(address, &io_reason(io)),
                    None => offline(address, &t.to_string()),
                },
                _ => ApiError::new(
                    ErrorCode::Internal,
                    format!("与服务器 {address} 通信失败：{t}"),
                ),
            }
        }
    }
}

/// An answer with an error status: the server's JSON `ApiError` as sent; anything else (a
/// proxy's page, an older server) by its status.
pub(super) fn from_status(status: u16, body: &str) -> ApiError {
    let json: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    if let Ok(e) = serde_json::from_value::<ApiError>(json.clone()) {
        return e;
    }
    let code = match status {
        401 => ErrorCode::Unauthenticated,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        409 => ErrorCode::Conflict,
        413 | 400 => ErrorCode::InvalidInput,
        422 => ErrorCode::Validation,
        429 => ErrorCode::Throttled,
        // A proxy in front of a server that is down or restarting.
        502..=504 => ErrorCode::Offline,
        _ => ErrorCode::Internal,
    };
    // A code this version does not know yet still brings the server's message.
    let message = match json["message"].as_str() {
        Some(m) => m.to_string(),
        None => match status {
            401 => "登录已过期或无效，请重新登录".into(),
            404 => "服务器没有这项功能：请确认服务器与本程序的版本一致".into(),
            413 => "请求内容超过服务器的上限，已拒绝".into(),
            502..=504 => {
                format!("无法连接服务器（代理返回 {status}），请检查网络")
            }
            _ => format!("服务器返回错误（HTTP {status}）"),
        },
    };
    ApiError::new(code, message)
}

/// Reading an answer's body failed: cut off (offline) or not JSON.
pub(super) fn reading(e: io::Error, address: &str) -> ApiError {
    if e.kind() == io::ErrorKind::InvalidData {
        ApiError::new(
            ErrorCode::Internal,
            format!("服务器 {address} 的回答不是有效的 JSON：{e}"),
        )
    } else {
        offline(address, &io_reason(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_servers_json_error_is_kept_and_other_answers_go_by_status() {
        let sent = ApiError::new(ErrorCode::Locked, "本期已审核通过，不能再修改");
        let body = serde_json::to_string(&sent).unwrap();
        assert_eq!(from_status(409, &body), sent);
        let proxy = from_status(502, "<html>Bad Gateway</html>");
        assert_eq!(proxy.code, ErrorCode::Offline);
        assert!(proxy.message.contains("无法连接服务器"));
        let e = from_status(401, "");
        assert_eq!(e.code, ErrorCode::Unauthenticated);
        assert!(e.message.contains("重新登录"));
        let newer = from_status(409, r#"{"code":"some_new_code","message":"新的原因"}"#);
        assert_eq!(
            (newer.code, newer.message.as_str()),
            (ErrorCode::Conflict, "新的原因")
        );
        assert_eq!(from_status(418, "").code, ErrorCode::Internal);
    }
}

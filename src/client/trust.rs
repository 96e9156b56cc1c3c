//! Which server certificate this computer trusts, and who may change that: a connection
//! never re-pins a server already trusted to another certificate, whatever the window sends;
//! a renewed certificate is accepted only by a server administrator signing in through it.

use crate::api::machine_settings::MachineSettings;
use crate::api::{ApiError, ErrorCode};
use crate::auth::Role;

use super::{certificate_changed, normalize_fingerprint, CertificateChange, Connection};

/// Refuses `offered` for the server at `address` (its canonical address) when this computer
/// (`kept`) already trusts another certificate there. Another server, or none trusted yet,
/// is a first contact: the person accepts its fingerprint.
pub fn refuse_other_certificate(
    kept: &MachineSettings,
    address: &str,
    offered: Option<&str>,
) -> Result<(), ApiError> {
    let (Some(url), Some(expected), Some(offered)) =
        (&kept.server_url, &kept.server_cert_sha256, offered)
    else {
        return Ok(());
    };
    let offered = normalize_fingerprint(offered)?;
    if url == address && normalize_fingerprint(expected)? != offered {
        return Err(certificate_changed(&CertificateChange {
            expected: expected.clone(),
            presented: offered,
        }));
    }
    Ok(())
}

/// Signs in as `name` through `conn` (which trusts the renewed certificate) and out again:
/// `Ok` only for a server administrator.
pub fn confirm_administrator(
    conn: &Connection,
    name: &str,
    password: &str,
) -> Result<(), ApiError> {
    let (_, session) = conn.login(name, password)?;
    conn.logout()?;
    if session.role != Role::Admin {
        return Err(ApiError::new(
            ErrorCode::Forbidden,
            "只有服务器管理员可以接受新的服务器证书",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERVER: &str = "https://zhibiao.example.gov.cn";

    fn print(byte: &str) -> String {
        vec![byte; 32].join(":")
    }

    fn trusting(fingerprint: &str) -> MachineSettings {
        MachineSettings {
            server_url: Some(SERVER.into()),
            server_cert_sha256: Some(fingerprint.into()),
        }
    }

    #[test]
    fn another_certificate_for_the_trusted_server_is_refused_with_both_fingerprints() {
        let kept = trusting(&print("AB"));
        let e = refuse_other_certificate(&kept, SERVER, Some(&print("CD"))).unwrap_err();
        assert_eq!(e.code, ErrorCode::CertificateChanged);
        assert!(e.message.contains(&print("AB")) && e.message.contains(&print("CD")));
    }

    #[test]
    fn the_same_certificate_however_typed_another_server_or_none_trusted_pass() {
        let kept = trusting(&print("AB"));
        let typed = print("ab").replace(':', " ");
        assert!(refuse_other_certificate(&kept, SERVER, Some(&typed)).is_ok());
        let elsewhere = "https://other.example.gov.cn";
        assert!(refuse_other_certificate(&kept, elsewhere, Some(&print("CD"))).is_ok());
        assert!(refuse_other_certificate(&kept, SERVER, None).is_ok());
        let none = MachineSettings::default();
        assert!(refuse_other_certificate(&none, SERVER, Some(&print("CD"))).is_ok());
    }

    #[test]
    fn a_fingerprint_that_is_not_one_is_refused_as_input() {
        let kept = trusting(&print("AB"));
        let e = refuse_other_certificate(&kept, SERVER, Some("AB:CD")).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput);
    }
}

//! Certificate verifiers that also remember what the server presented: the first contact
//! (accept any certificate, note its fingerprint) and a pinned connection (only the accepted
//! certificate; a refused one is noted so the error can show both fingerprints).

use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, Error, SignatureScheme};

use super::CertificateChange;
use crate::api::{ApiError, ErrorCode};
use crate::server::{fingerprint, Pinned};

/// A fingerprint as people copy it (`ab:cd:…`, `ABCD…`, with spaces) in the form
/// [`crate::server::fingerprint`] prints: `AB:CD:…`.
pub fn normalize_fingerprint(typed: &str) -> Result<String, ApiError> {
    let hex: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .collect();
    if hex.len() != 64 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!(
                "证书指纹格式不对：应为 SHA-256 的 64 位十六进制数，如 AB:CD:…（收到「{typed}」）"
            ),
        ));
    }
    let upper = hex.to_ascii_uppercase();
    Ok(upper
        .as_bytes()
        .chunks(2)
        .map(|p| std::str::from_utf8(p).expect("ASCII"))
        .collect::<Vec<_>>()
        .join(":"))
}

/// A client configuration (ring, TLS 1.2/1.3) trusting what `verifier` decides.
pub(super) fn tls_config(verifier: Arc<dyn ServerCertVerifier>) -> Arc<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Arc::new(
        rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("ring supports the default protocol versions")
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth(),
    )
}

/// First contact: any certificate is accepted (its fingerprint is what the person checks),
/// but the handshake signatures are still verified, so the server holds its key.
#[derive(Debug)]
pub(super) struct AnyCertificate {
    /// Only its handshake-signature checks are used (the same as a pinned connection's);
    /// the certificate itself is judged by the person.
    signatures: Pinned,
    seen: Mutex<Option<String>>,
}

impl Default for AnyCertificate {
    fn default() -> Self {
        AnyCertificate {
            signatures: Pinned::new(""),
            seen: Mutex::new(None),
        }
    }
}

impl AnyCertificate {
    pub(super) fn fingerprint(&self) -> Option<String> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        *self.seen.lock().unwrap_or_else(|p| p.into_inner()) = Some(fingerprint(end_entity));
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.signatures.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.signatures.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.signatures.supported_verify_schemes()
    }
}

/// [`Pinned`], noting the fingerprint of a certificate it refused: the handshake error
/// itself carries only a message.
#[derive(Debug)]
pub(super) struct Watched {
    pinned: Pinned,
    expected: String,
    refused: Mutex<Option<String>>,
}

impl Watched {
    pub(super) fn new(expected: String) -> Watched {
        Watched {
            pinned: Pinned::new(&expected),
            expected,
            refused: Mutex::new(None),
        }
    }

    pub(super) fn expected(&self) -> &str {
        &self.expected
    }

    /// The last certificate refused on this connection, beside the accepted one.
    pub(super) fn change(&self) -> Option<CertificateChange> {
        let refused = self.refused.lock().unwrap_or_else(|p| p.into_inner());
        refused.as_ref().map(|presented| CertificateChange {
            expected: self.expected.clone(),
            presented: presented.clone(),
        })
    }
}

impl ServerCertVerifier for Watched {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let verdict = self.pinned.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        );
        // The latest handshake's verdict: a certificate changed back is no longer reported.
        *self.refused.lock().unwrap_or_else(|p| p.into_inner()) =
            verdict.is_err().then(|| fingerprint(end_entity));
        verdict
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.pinned.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.pinned.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.pinned.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_read_as_people_copy_them() {
        let canonical = fingerprint(&CertificateDer::from(b"certificate".to_vec()));
        for typed in [
            canonical.clone(),
            canonical.to_lowercase(),
            canonical.replace(':', ""),
            format!("  {}\n", canonical.replace(':', " ")),
        ] {
            assert_eq!(normalize_fingerprint(&typed).unwrap(), canonical);
        }
        let not_hex = format!("G{}", &canonical[1..]);
        for bad in ["", "AB:CD", &canonical[3..], &not_hex] {
            assert_eq!(
                normalize_fingerprint(bad).unwrap_err().code,
                ErrorCode::InvalidInput
            );
        }
    }
}

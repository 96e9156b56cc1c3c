use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::progress::CellConflict;

/// Stable error codes: the UI may branch on them, so never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Bad input from the user (empty paste, unknown period, invalid value).
    InvalidInput,
    /// The document could not be read (binary, unknown encoding).
    UnreadableDocument,
    /// Nothing to import: no indicator table found.
    NoTables,
    /// An old binary format (`.doc`, `.wps`, RTF) that must be saved as `.docx` first.
    UnsupportedFormat,
    /// A scanned PDF: pages are images, there is no text to read.
    NoTextLayer,
    /// A password-protected document.
    Encrypted,
    NotFound,
    /// Not signed in, wrong password.
    Unauthenticated,
    /// Signed in, but the role or department does not allow this.
    Forbidden,
    /// The value breaks a validation rule.
    Validation,
    /// The workflow state does not allow this (e.g. editing an approved period).
    Locked,
    /// Already exists, or changed by someone else since it was read (then `conflict` says
    /// how, for a cell).
    Conflict,
    /// Too many failed sign-ins from this account or address: refused for a while.
    Throttled,
    /// The database cannot do what was asked and nothing was changed: disk full, read-only
    /// file, damaged or foreign file. The UI keeps what the user typed.
    Storage,
    /// Storage or other internal failure.
    Internal,
    /// The server (desktop app as a client) cannot be reached: refused, timed out, unknown
    /// host, connection cut. The UI keeps the edits as offline drafts and sends them later.
    Offline,
    /// The server presented another certificate than the one this computer accepted: maybe
    /// someone posing as the server, maybe a renewed certificate (an administrator accepts it).
    CertificateChanged,
}

/// The one error type that crosses the IPC boundary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    /// Chinese, for the user.
    pub message: String,
    /// A cell saved by someone else meanwhile: both values, for the person to choose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub conflict: Option<Box<CellConflict>>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            conflict: None,
        }
    }

    pub fn with_conflict(mut self, conflict: CellConflict) -> Self {
        self.conflict = Some(Box::new(conflict));
        self
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> Self {
        use crate::store::StoreError as S;
        let code = match &e {
            S::NotFound { .. } => ErrorCode::NotFound,
            S::Conflict(_) => ErrorCode::Conflict,
            S::Invalid(_) => ErrorCode::InvalidInput,
            S::DiskFull
            | S::ReadOnly
            | S::Busy
            | S::Damaged { .. }
            | S::Foreign { .. }
            | S::Connect { .. }
            | S::TooNew { .. } => ErrorCode::Storage,
            _ => ErrorCode::Internal,
        };
        if code == ErrorCode::Internal {
            tracing::error!(error = %e, "store error");
        }
        ApiError::new(code, e.to_string())
    }
}

impl From<crate::import::ImportError> for ApiError {
    fn from(e: crate::import::ImportError) -> Self {
        use crate::import::ImportError as I;
        let code = match &e {
            I::Decode(_) => ErrorCode::UnreadableDocument,
            I::Empty | I::Selection => ErrorCode::InvalidInput,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<crate::document::DocumentError> for ApiError {
    fn from(e: crate::document::DocumentError) -> Self {
        use crate::document::DocumentError as D;
        let code = match &e {
            D::OldWordFormat => ErrorCode::UnsupportedFormat,
            D::ScannedPdf => ErrorCode::NoTextLayer,
            D::EncryptedPdf => ErrorCode::Encrypted,
            D::TooLarge { .. } | D::DocxTooLarge { .. } | D::PdfTextTooLarge { .. } => {
                ErrorCode::InvalidInput
            }
            D::Text(_)
            | D::NotDocx
            | D::BrokenDocx(_)
            | D::NotPdf
            | D::BrokenPdf(_)
            | D::PdfTimeout { .. }
            | D::Io(_) => ErrorCode::UnreadableDocument,
            D::PdfToolMissing => ErrorCode::Internal,
        };
        if code == ErrorCode::Internal {
            tracing::error!(error = %e, "document reader");
        }
        ApiError::new(code, e.to_string())
    }
}

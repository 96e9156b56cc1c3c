//! Errors over HTTP: the same `ApiError` (stable code, Chinese message, a conflict's both
//! values) as over IPC, with the HTTP status a client or a proxy expects.

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::api::{ApiError, ErrorCode};

pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::Conflict | ErrorCode::Locked => StatusCode::CONFLICT,
        ErrorCode::Throttled => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Validation => StatusCode::UNPROCESSABLE_ENTITY,
        // Offline is the client's own code (the server out of reach); a server that could
        // not reach something it depends on answers 503 like a busy store.
        ErrorCode::Storage | ErrorCode::Offline => StatusCode::SERVICE_UNAVAILABLE,
        // Also the client's own: it never leaves a server.
        ErrorCode::CertificateChanged => StatusCode::FORBIDDEN,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        ErrorCode::InvalidInput
        | ErrorCode::UnreadableDocument
        | ErrorCode::NoTables
        | ErrorCode::UnsupportedFormat
        | ErrorCode::NoTextLayer
        | ErrorCode::Encrypted => StatusCode::BAD_REQUEST,
    }
}

/// An `ApiError` as a response, with its HTTP status.
pub struct HttpError {
    status: StatusCode,
    error: ApiError,
}

impl From<ApiError> for HttpError {
    fn from(error: ApiError) -> Self {
        HttpError {
            status: status_of(error.code),
            error,
        }
    }
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        (self.status, Json(self.error)).into_response()
    }
}

/// A request body over [`super::BODY_LIMIT`]: refused by the server (413), and by the
/// client before it sends one.
pub fn body_too_large() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        format!(
            "请求内容超过 {} MB，已拒绝",
            super::BODY_LIMIT / (1024 * 1024)
        ),
    )
}

/// A body that is not the JSON a route takes (400), or larger than the limit (413).
pub fn rejection(r: JsonRejection) -> HttpError {
    let (status, message) = match r.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            return HttpError {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                error: body_too_large(),
            }
        }
        _ => (
            StatusCode::BAD_REQUEST,
            format!("请求内容不是有效的 JSON：{}", r.body_text()),
        ),
    };
    HttpError {
        status,
        error: ApiError::new(ErrorCode::InvalidInput, message),
    }
}

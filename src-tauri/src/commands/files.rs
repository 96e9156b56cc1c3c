//! Files on this computer (chosen in the save and open dialogs). They stay with the shell:
//! with a remote backend the data comes from the server, but files are still local.

use std::path::Path;

use zhibiao::api::{ApiError, ErrorCode};

/// Only files of the kind the save dialog offered, so a command cannot overwrite others.
pub fn require_extension(path: &Path, allowed: &[&str]) -> Result<(), ApiError> {
    let ok = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| allowed.iter().any(|a| e.eq_ignore_ascii_case(a)));
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::InvalidInput,
            format!("文件名应以 .{} 结尾", allowed.join(" 或 .")),
        ))
    }
}

pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    std::fs::write(path, bytes).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidInput,
            format!("无法写入 {}：{e}", path.display()),
        )
    })
}

/// Reads a chosen file of at most `max` bytes; `too_big` says why a larger one is refused.
pub fn read_file(
    path: &Path,
    max: u64,
    too_big: impl FnOnce(u64) -> String,
) -> Result<Vec<u8>, ApiError> {
    let unreadable = |e: std::io::Error| {
        ApiError::new(
            ErrorCode::UnreadableDocument,
            format!("无法读取文件 {}：{e}", path.display()),
        )
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > max {
        return Err(ApiError::new(ErrorCode::InvalidInput, too_big(size)));
    }
    std::fs::read(path).map_err(unreadable)
}

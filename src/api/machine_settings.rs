//! Settings of this computer, in a JSON file outside any database: what the app needs before
//! it opens one (a server's address and the certificate it trusts). See [`super::settings`]
//! for why the two levels.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ApiError, ErrorCode};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MachineSettings {
    /// Address of the shared server (e.g. `https://zhibiao.example.gov.cn`); none: this
    /// computer works on its local database.
    pub server_url: Option<String>,
    /// SHA-256 fingerprint (hex) of the server certificate this computer trusts.
    pub server_cert_sha256: Option<String>,
}

/// `$ZHIBIAO_SETTINGS` if set, else `$XDG_CONFIG_HOME/zhibiao/settings.json`, else
/// `~/.config/zhibiao/settings.json`, else `./zhibiao-settings.json`.
pub fn default_path() -> PathBuf {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(p) = var("ZHIBIAO_SETTINGS") {
        return p;
    }
    let dir = var("XDG_CONFIG_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|h| h.join(".config")));
    match dir {
        Some(d) => d.join("zhibiao").join("settings.json"),
        None => PathBuf::from("zhibiao-settings.json"),
    }
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("无法读写本机设置文件 {}：{e}", path.display()),
    )
}

/// The settings in `path`; defaults when the file does not exist yet.
pub fn load(path: &Path) -> Result<MachineSettings, ApiError> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| io_error(path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(MachineSettings::default()),
        Err(e) => Err(io_error(path, e)),
    }
}

/// Writes the settings whole (to a temporary file renamed over the old one, so a crash
/// leaves either the old or the new file).
pub fn save(path: &Path, settings: &MachineSettings) -> Result<(), ApiError> {
    if let Some(url) = &settings.server_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "服务器地址应以 https:// 开头",
            ));
        }
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error(path, e))?;
    }
    let tmp = path.with_extension("json.tmp");
    let text = serde_json::to_vec_pretty(settings).map_err(|e| io_error(path, e))?;
    std::fs::write(&tmp, text).map_err(|e| io_error(path, e))?;
    std::fs::rename(&tmp, path).map_err(|e| io_error(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults_and_a_saved_file_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("settings.json");
        assert_eq!(load(&path).unwrap(), MachineSettings::default());
        let s = MachineSettings {
            server_url: Some("https://zhibiao.example.gov.cn".into()),
            server_cert_sha256: Some("ab12".into()),
        };
        save(&path, &s).unwrap();
        assert_eq!(load(&path).unwrap(), s);
        let bad = MachineSettings {
            server_url: Some("zhibiao.example".into()),
            ..s
        };
        assert_eq!(save(&path, &bad).unwrap_err().code, ErrorCode::InvalidInput);
    }
}

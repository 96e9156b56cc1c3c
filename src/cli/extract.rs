use std::path::PathBuf;

use zhibiao::api::ApiError;

#[derive(clap::Args)]
pub struct Args {
    /// 文本文件（UTF-8 或 GB18030）
    file: PathBuf,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let bytes = std::fs::read(&a.file).map_err(|e| {
        ApiError::new(
            zhibiao::api::ErrorCode::InvalidInput,
            format!("无法读取文件 {}：{e}", a.file.display()),
        )
    })?;
    let text = zhibiao::import::decode(&bytes).map_err(zhibiao::import::ImportError::from)?;
    let doc = zhibiao::import::extract(&text)?;
    println!(
        "{}",
        serde_json::to_string_pretty(&doc.tables).expect("tables serialise")
    );
    Ok(())
}

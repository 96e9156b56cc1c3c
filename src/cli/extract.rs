use std::path::PathBuf;

use zhibiao::api::ApiError;

#[derive(clap::Args)]
pub struct Args {
    /// 文本文件（UTF-8 或 GB18030）、Word 文档（.docx）、PDF 或网页（.html）
    file: PathBuf,
}

pub fn run(a: Args) -> Result<(), ApiError> {
    let text = zhibiao::document::read_file(&a.file)?;
    let doc = zhibiao::import::extract(&text)?;
    println!(
        "{}",
        serde_json::to_string_pretty(&doc.tables).expect("tables serialise")
    );
    Ok(())
}

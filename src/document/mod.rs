//! Plans as they arrive — Word `.docx`, PDF, HTML (a paste from WPS, Word or a browser) or
//! plain text — turned into the text the importer reads: paragraphs as lines, each table row
//! one line of TAB-separated cells. Everything after this (`import::extract`) is the same
//! whatever the format. Pure apart from running `pdftotext`; never touches SQLite.

pub mod docx;
mod error;
pub mod html;
pub mod pdf;
mod table;

use std::io::Read;
use std::path::Path;

pub use error::DocumentError;

/// Largest `.docx` or PDF file read (their text is limited separately).
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;
/// Larger plain-text files are not gazette text; refusing them keeps the app responsive.
pub const MAX_TEXT_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// HTML (Word's 另存为网页, clipboard markup) is several times its text.
pub const MAX_HTML_BYTES: u64 = 64 * 1024 * 1024;

/// What a file holds, judged by its first bytes and then its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Pdf,
    Html,
    /// `.doc`, `.wps`, an encrypted `.docx` (OLE2 containers) or RTF.
    OldWord,
    Text,
}

const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn extension(name: Option<&str>) -> String {
    name.and_then(|n| Path::new(n).extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// The kind of a file from its first bytes (a kilobyte is enough) and its name. Content wins
/// over the extension: a `.doc` that is really a `.docx` reads as one.
pub fn kind_of(head: &[u8], name: Option<&str>) -> Result<Kind, DocumentError> {
    let ext = extension(name);
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let trimmed = start.trim_ascii_start();
    let lower: Vec<u8> = trimmed
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    let kind = if head.starts_with(OLE2_MAGIC) || head.starts_with(b"{\\rtf") {
        Kind::OldWord
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Kind::Docx
    } else if head[..head.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        Kind::Pdf
    } else if ext == "docx" {
        return Err(DocumentError::NotDocx);
    } else if ext == "pdf" {
        return Err(DocumentError::NotPdf);
    } else if matches!(ext.as_str(), "doc" | "wps" | "rtf" | "dot" | "wpt") {
        Kind::OldWord
    } else if matches!(ext.as_str(), "html" | "htm" | "xhtml")
        || lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
    {
        Kind::Html
    } else {
        Kind::Text
    };
    Ok(kind)
}

/// Reads a file of any supported kind as importer text.
pub fn read_file(path: &Path) -> Result<String, DocumentError> {
    let size = std::fs::metadata(path)?.len();
    let mut head = Vec::with_capacity(1024);
    std::fs::File::open(path)?
        .take(1024)
        .read_to_end(&mut head)?;
    let name = path.file_name().and_then(|n| n.to_str());
    let kind = kind_of(&head, name)?;
    check_size(kind, size)?;
    match kind {
        // pdftotext reads the file itself: the PDF never has to be in our memory.
        Kind::Pdf => pdf::read(path),
        Kind::OldWord => Err(DocumentError::OldWordFormat),
        _ => read_kind(kind, &std::fs::read(path)?),
    }
}

/// Reads a file's bytes (as received, e.g. from a drop) as importer text.
pub fn read_bytes(bytes: &[u8], name: Option<&str>) -> Result<String, DocumentError> {
    let kind = kind_of(&bytes[..bytes.len().min(1024)], name)?;
    check_size(kind, bytes.len() as u64)?;
    read_kind(kind, bytes)
}

/// Reads pasted or copied HTML (a clipboard's `text/html`) as importer text.
pub fn read_html(html: &str) -> String {
    html::read(html)
}

fn check_size(kind: Kind, size: u64) -> Result<(), DocumentError> {
    let limit = match kind {
        Kind::Text => MAX_TEXT_FILE_BYTES,
        Kind::Html => MAX_HTML_BYTES,
        _ => MAX_FILE_BYTES,
    };
    if size > limit {
        return Err(DocumentError::TooLarge {
            size_mb: size as f64 / 1048576.0,
            limit_mb: limit / 1024 / 1024,
        });
    }
    Ok(())
}

fn read_kind(kind: Kind, bytes: &[u8]) -> Result<String, DocumentError> {
    match kind {
        Kind::Docx => docx::read(bytes),
        Kind::Pdf => pdf::read_bytes(bytes),
        Kind::OldWord => Err(DocumentError::OldWordFormat),
        Kind::Html => Ok(html::read(&crate::import::decode(bytes)?)),
        Kind::Text => Ok(crate::import::decode(bytes)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_the_kind_before_the_name() {
        let zip = b"PK\x03\x04rest";
        assert_eq!(kind_of(zip, Some("计划.doc")).unwrap(), Kind::Docx);
        assert_eq!(kind_of(b"%PDF-1.7\n", Some("a.txt")).unwrap(), Kind::Pdf);
        assert_eq!(kind_of(OLE2_MAGIC, Some("a.docx")).unwrap(), Kind::OldWord);
        assert_eq!(kind_of(b"{\\rtf1\\ansi", None).unwrap(), Kind::OldWord);
        assert_eq!(kind_of(b"abc", Some("A.WPS")).unwrap(), Kind::OldWord);
        assert_eq!(kind_of(b" <!DOCTYPE html>", None).unwrap(), Kind::Html);
        assert_eq!(
            kind_of("规划".as_bytes(), Some("a.txt")).unwrap(),
            Kind::Text
        );
        assert_eq!(kind_of(b"", None).unwrap(), Kind::Text);
    }

    #[test]
    fn a_name_that_promises_what_the_content_is_not_is_refused() {
        assert!(matches!(
            kind_of(b"plain", Some("a.docx")),
            Err(DocumentError::NotDocx)
        ));
        assert!(matches!(
            kind_of(b"plain", Some("a.pdf")),
            Err(DocumentError::NotPdf)
        ));
    }

    #[test]
    fn old_formats_ask_for_docx() {
        let err = read_bytes(OLE2_MAGIC, Some("规划.wps")).unwrap_err();
        assert!(err.to_string().contains("请另存为 .docx 后导入"), "{err}");
    }

    #[test]
    fn oversized_text_is_refused_before_decoding() {
        let big = vec![b'a'; MAX_TEXT_FILE_BYTES as usize + 1];
        assert!(matches!(
            read_bytes(&big, Some("a.txt")),
            Err(DocumentError::TooLarge { .. })
        ));
    }
}

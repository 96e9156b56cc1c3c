//! Files that are not what they claim, too big, encrypted, scanned or in old formats: each a
//! typed error with a Chinese message, never a panic or a hang.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use zhibiao::api::plans::{preview_import_bytes, preview_import_file, preview_import_html};
use zhibiao::api::{ApiError, ErrorCode};
use zhibiao::document::{self, DocumentError};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn is_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn preview_err(path: &Path) -> ApiError {
    let e = preview_import_file(path).unwrap_err();
    assert!(is_chinese(&e.message), "{e:?}");
    e
}

const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

#[test]
fn old_word_and_wps_files_ask_to_be_saved_as_docx() {
    let dir = tempfile::tempdir().unwrap();
    let mut ole = OLE2.to_vec();
    ole.resize(4096, 0);
    for name in ["规划.doc", "规划.wps", "规划.docx", "规划.txt"] {
        let e = preview_err(&write(dir.path(), name, &ole));
        assert_eq!(e.code, ErrorCode::UnsupportedFormat, "{name}");
        assert!(
            e.message.contains("请另存为 .docx 后导入"),
            "{name}: {}",
            e.message
        );
    }
}

#[test]
fn a_docx_that_is_not_a_zip_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let e = preview_err(&write(dir.path(), "a.docx", "这不是 Word 文档".as_bytes()));
    assert_eq!(e.code, ErrorCode::UnreadableDocument);
    assert!(e.message.contains("Word"), "{}", e.message);

    // A zip without a document in it (an .xlsx, say).
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let e = preview_err(&write(dir.path(), "b.docx", &bytes));
    assert_eq!(e.code, ErrorCode::UnreadableDocument);

    // A real .docx cut in half.
    let real = std::fs::read(fixture("own-merged-category.docx")).unwrap();
    let e = preview_err(&write(dir.path(), "c.docx", &real[..real.len() / 2]));
    assert_eq!(e.code, ErrorCode::UnreadableDocument);
}

#[test]
fn a_zip_bomb_is_stopped_at_the_limit() {
    // 100 MB of XML that compresses to about 100 KB.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated),
    )
    .unwrap();
    zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>")
        .unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..100 {
        zip.write_all(&chunk).unwrap();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 2 << 20, "{} bytes", bytes.len());
    let err = document::read_bytes(&bytes, Some("bomb.docx")).unwrap_err();
    assert!(matches!(err, DocumentError::DocxTooLarge { .. }), "{err:?}");
    let e = preview_import_bytes(&bytes, Some("bomb.docx")).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("MB"), "{}", e.message);
}

#[test]
fn a_scanned_pdf_says_it_has_no_text() {
    let e = preview_err(&fixture("scanned.pdf"));
    assert_eq!(e.code, ErrorCode::NoTextLayer);
    assert_eq!(
        e.message,
        "该PDF为扫描件，没有可读取的文字，请使用Word版或粘贴文字"
    );
}

#[test]
fn an_encrypted_pdf_says_it_is_encrypted() {
    let e = preview_err(&fixture("encrypted.pdf"));
    assert_eq!(e.code, ErrorCode::Encrypted);
    assert!(e.message.contains("加密"), "{}", e.message);
}

#[test]
fn broken_pdfs_are_refused_without_panic() {
    let dir = tempfile::tempdir().unwrap();
    let e = preview_err(&write(dir.path(), "a.pdf", "不是PDF".as_bytes()));
    assert_eq!(e.code, ErrorCode::UnreadableDocument);
    let e = preview_err(&write(dir.path(), "b.pdf", b"%PDF-1.7\n%garbage\n"));
    assert_eq!(e.code, ErrorCode::UnreadableDocument, "{e:?}");
}

#[test]
fn a_300_page_pdf_without_tables_ends_quickly_with_a_clear_message() {
    let started = Instant::now();
    let e = preview_err(&fixture("prose-300-pages.pdf"));
    assert_eq!(e.code, ErrorCode::NoTables);
    assert!(e.message.starts_with("未找到指标表"), "{}", e.message);
    // Not a speed goal (see benches/documents.rs): only that nothing hangs.
    assert!(started.elapsed() < Duration::from_secs(120));
}

#[test]
fn html_without_a_table_falls_back_to_the_pasted_text() {
    let text = std::fs::read_to_string(fixture("own-merged-category.txt")).unwrap();
    let html = "<div>某市规划</div><div>没有表格的网页内容</div>";
    let preview = preview_import_html(html, Some(&text)).unwrap();
    let rows: usize = preview
        .plans
        .iter()
        .flat_map(|p| &p.tables)
        .map(|t| t.rows.len())
        .sum();
    assert_eq!(rows, 5);
    let e = preview_import_html(html, None).unwrap_err();
    assert_eq!(e.code, ErrorCode::NoTables);
}

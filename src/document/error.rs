/// Why a document could not be turned into text. Every message is Chinese and says what the
/// user can do instead.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("无法读取文件：{0}")]
    Io(#[from] std::io::Error),
    #[error("文件过大（{size_mb:.1} MB，上限 {limit_mb} MB），请只保留含指标表的章节")]
    TooLarge { size_mb: f64, limit_mb: u64 },
    /// `.doc`, `.wps`, an encrypted `.docx` (all OLE2 containers) or RTF.
    #[error(
        "这是旧版 Word/WPS 格式（.doc/.wps）或加密的文档，无法直接读取；请另存为 .docx 后导入"
    )]
    OldWordFormat,
    #[error("文件扩展名为 .docx，但内容不是 Word 文档（文件可能已损坏）；请在 Word/WPS 中重新另存为 .docx")]
    NotDocx,
    #[error("Word 文档已损坏，无法读取：{0}")]
    BrokenDocx(String),
    /// Zip bomb or a gigantic document: the uncompressed text is over the limit.
    #[error("Word 文档解压后超过 {limit_mb} MB，不像是规划文件；请只保留含指标表的章节")]
    DocxTooLarge { limit_mb: u64 },
    #[error("文件扩展名为 .pdf，但内容不是 PDF（文件可能已损坏）")]
    NotPdf,
    #[error("该PDF为扫描件，没有可读取的文字，请使用Word版或粘贴文字")]
    ScannedPdf,
    #[error("该PDF已加密（需要密码），无法读取文字；请使用Word版或粘贴文字")]
    EncryptedPdf,
    #[error("PDF 已损坏，无法读取：{0}")]
    BrokenPdf(String),
    #[error("读取 PDF 超过 {seconds} 秒仍未完成，已停止；请只保留含指标表的页面，或使用Word版")]
    PdfTimeout { seconds: u64 },
    #[error("PDF 的文字超过 {limit_mb} MB，不像是规划文件；请只保留含指标表的页面")]
    PdfTextTooLarge { limit_mb: u64 },
    #[error("未找到读取 PDF 所需的程序 pdftotext（软件包 poppler-utils），请安装后重试")]
    PdfToolMissing,
    /// A text file that is neither UTF-8 nor GB18030, or a binary file of unknown kind.
    #[error(transparent)]
    Text(#[from] crate::import::DecodeError),
}

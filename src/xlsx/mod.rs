//! Excel and CSV: export of the indicator table (values and labels) and import of progress
//! values from a filled-in export template. Pure file handling: the database side is in
//! `api::export` and `api::xlsx_import`.

mod export;
mod import;
pub mod layout;

pub use export::{
    csv_text, format_number, write_csv, write_xlsx, CellValue, ExportRow, ExportTable,
};
pub use import::{read_filled_template, ImportedValue, SheetContents, SheetRejection, SheetRow};

#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    #[error("写入 Excel 文件失败：{0}")]
    Write(#[from] rust_xlsxwriter::XlsxError),
    #[error("写入 CSV 失败：{0}")]
    Csv(String),
    #[error("无法读取该文件（应为 .xlsx 格式的 Excel 文件）：{0}")]
    Unreadable(String),
    #[error("文件中没有名为“指标监测”的工作表（现有工作表：{0}），请使用本程序导出的模板填报")]
    WrongSheet(String),
    #[error("找不到表头（应有“编号”“指标名称”“本期值”等列），请使用本程序导出的模板填报")]
    NoHeadings,
    #[error("表头缺少列：{0}。请勿删除或改动模板的列")]
    MissingColumns(String),
}

impl From<csv::Error> for XlsxError {
    fn from(e: csv::Error) -> Self {
        XlsxError::Csv(e.to_string())
    }
}

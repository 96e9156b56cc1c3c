//! The exported sheet's layout, shared by the writer and the reader so that a filled-in
//! template reads back without guessing.

/// Name of the worksheet; a file whose sheet has another name is not our template.
pub const SHEET_NAME: &str = "指标监测";

/// Row (0-based) of the column headings; the title is above, data rows below.
pub const HEADER_ROW: u32 = 1;
pub const FIRST_DATA_ROW: u32 = 2;

/// Column headings, in order. The first column holds the indicator id (hidden, locked):
/// it is how an imported row is matched back to its indicator.
pub const HEADINGS: [&str; 13] = [
    "编号",
    "序号",
    "类别",
    "指标名称",
    "单位",
    "属性",
    "基期值",
    "目标值",
    "本期值",
    "完成进度",
    "序时进度",
    "状态",
    "责任单位",
];

pub const COL_ID: u16 = 0;
pub const COL_NAME: u16 = 3;
/// The column users fill in.
pub const COL_CURRENT: u16 = 8;
pub const COL_COMPLETION: u16 = 9;
pub const COL_SCHEDULE: u16 = 10;

/// Column widths in Excel character units (CJK characters count about two).
pub const WIDTHS: [f64; 13] = [
    8.0, 6.0, 14.0, 36.0, 10.0, 8.0, 12.0, 14.0, 12.0, 10.0, 10.0, 12.0, 18.0,
];

/// Prefix of the hidden cell A1 that names the period, e.g. `期间:2025Q3`.
pub const PERIOD_PREFIX: &str = "期间:";

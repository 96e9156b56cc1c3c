//! The bundled CJK font (Noto Sans CJK SC subset, SIL OFL 1.1: `assets/fonts/OFL.txt`).
//! Compiled in so that charts and reports look the same on every machine.

/// Family name as written in the font: SVG consumers (resvg, Typst, the webview) resolve it.
pub const FAMILY: &str = "Noto Sans CJK SC";

pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.otf");
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Bold.otf");

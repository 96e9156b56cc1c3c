//! The embedded CJK font (Noto Sans CJK SC, SIL OFL 1.1), shared with the charts so that
//! the binary carries it once and reports never depend on the machine's fonts.

pub use crate::chart::font::{BOLD, FAMILY, REGULAR};

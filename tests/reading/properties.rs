//! Property tests: the value grammar, the table finder and the Excel import never panic on
//! arbitrary input; the grammar and the finder keep the raw text of every cell they read,
//! and reading a cell's raw text again gives the same value.
//!
//! A short run here (`PROPTEST_CASES` unset: 64 cases per property); the long run is
//! `scripts/proptest-long.sh`, which sets `PROPTEST_CASES` high and runs for ~10 minutes.

use proptest::prelude::*;
use zhibiao::grammar::parse_value;
use zhibiao::import::extract;

/// Pieces of real gazette cells and their hazards, so that random strings look like
/// values often enough to reach the deep paths of the grammar.
const FRAGMENTS: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "9",
    "42",
    "60",
    "2020",
    "2025",
    ".",
    ".5",
    "%",
    "％",
    "‰",
    "≥",
    "≤",
    "<",
    ">",
    "＜",
    "＞",
    "左右",
    "以上",
    "以内",
    "[",
    "]",
    "〔",
    "〕",
    "【",
    "】",
    "（",
    "）",
    "(",
    ")",
    "下降",
    "提高",
    "增长",
    "累计",
    "年均",
    "：",
    ":",
    "1:1.1",
    "按省下达目标",
    "完成省定目标",
    "保持稳定",
    "基本消除",
    "—",
    "-",
    "－",
    "+",
    "~",
    "～",
    "—",
    "万",
    "亿元",
    "万人",
    "个",
    "¹",
    "²",
    "*",
    "注",
    " ",
    "\t",
    "\u{3000}",
    "\u{200B}",
    "\u{202E}",
    "\u{0}",
    "\r",
    "e",
    "E",
    "１",
    "２",
    "．",
    "约束性",
    "预期性",
    "十四五",
    "以下",
    "不低于",
    "不高于",
    "达到",
    "力争",
];

fn gazette_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..14).prop_map(|v| v.concat())
}

/// Any Unicode at all, or text built from gazette fragments.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), gazette_like()]
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // Failures are reported with their minimal input; no files written into tests/.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A table as gazettes print it: a header the finder recognises, then rows whose cells are
/// generated.
fn table_text() -> impl Strategy<Value = (String, Vec<[String; 3]>)> {
    let cell =
        || gazette_like().prop_map(|s| s.replace(['\n', '\t', '\r'], " ").trim().to_string());
    let name = prop_oneof![
        Just("地区生产总值增长".to_string()),
        Just("森林覆盖率".to_string()),
        "[\\p{Han}]{1,12}".prop_map(|s| s),
    ];
    let row = (name, cell(), cell()).prop_map(|(n, b, t)| [n, b, t]);
    (
        prop::collection::vec(row, 1..8),
        prop_oneof![Just("\t"), Just("  ")],
    )
        .prop_map(|(rows, sep)| {
            let mut text = String::from("表1 主要指标\n");
            text.push_str(&["序号", "指标名称", "2020年", "2025年", "指标属性"].join(sep));
            text.push('\n');
            for (i, [n, b, t]) in rows.iter().enumerate() {
                let cells = [
                    (i + 1).to_string(),
                    n.clone(),
                    b.clone(),
                    t.clone(),
                    "约束性".into(),
                ];
                text.push_str(&cells.join(sep));
                text.push('\n');
            }
            (text, rows)
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn grammar_never_panics_and_keeps_the_raw_text(s in cell_text()) {
        let v = parse_value(&s);
        prop_assert_eq!(&v.raw, s.trim());
    }

    #[test]
    fn grammar_reads_its_own_raw_text_the_same_way(s in cell_text()) {
        let v = parse_value(&s);
        let again = parse_value(&v.raw);
        prop_assert_eq!(again, v);
    }

    #[test]
    fn table_finder_never_panics_on_any_text(s in prop_oneof![any::<String>(), gazette_like()]) {
        let _ = extract(&s);
    }

    #[test]
    fn table_finder_keeps_raw_cells_and_their_values((text, _rows) in table_text()) {
        let doc = extract(&text);
        prop_assert!(doc.is_ok());
        for t in doc.unwrap().tables {
            for ind in t.indicators {
                for (raw, value) in [(&ind.baseline_raw, &ind.baseline), (&ind.target_raw, &ind.target)] {
                    if let (Some(raw), Some(value)) = (raw, value) {
                        prop_assert!(text.contains(raw.as_str()), "raw {:?} not in the text", raw);
                        prop_assert_eq!(&value.raw, raw.trim());
                        prop_assert_eq!(&parse_value(raw), value);
                    }
                }
            }
        }
    }

    #[test]
    fn xlsx_import_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = zhibiao::xlsx::read_filled_template(&bytes);
    }

    #[test]
    fn xlsx_import_never_panics_on_a_damaged_template(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..32)) {
        let mut bytes = template().to_vec();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let _ = zhibiao::xlsx::read_filled_template(&bytes);
    }
}

/// An exported template, damaged by the property above.
fn template() -> &'static [u8] {
    use std::sync::OnceLock;
    use zhibiao::model::Period;
    use zhibiao::xlsx::{write_xlsx, CellValue, ExportRow, ExportTable};
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let rows = (1..=5)
            .map(|i| ExportRow {
                id: i,
                seq: i.to_string(),
                category: "经济发展".into(),
                name: format!("指标{i}"),
                unit: "%".into(),
                attribute: "预期性".into(),
                baseline: CellValue::Number(50.0),
                target: CellValue::Text("≥60".into()),
                current: CellValue::Number(55.0 + i as f64),
                completion: Some(0.5),
                schedule: Some(0.6),
                status: "基本符合预期".into(),
                department: "市统计局".into(),
            })
            .collect();
        write_xlsx(&ExportTable {
            title: "模板".into(),
            period: Period::Year(2025),
            rows,
        })
        .unwrap()
    })
}

/// Found by the long run (one byte of the template turned into `a` overflowed calamine's cell
/// reference arithmetic): every single byte changed so gives an error or a reading, no panic.
#[test]
fn every_byte_of_the_template_damaged_alone_is_survived() {
    let template = template();
    for i in 0..template.len() {
        let mut bytes = template.to_vec();
        bytes[i] = b'a';
        let _ = zhibiao::xlsx::read_filled_template(&bytes);
    }
}

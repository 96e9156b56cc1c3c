//! Unit tests of the value grammar, one group per form, including every example of issue 2.

use super::parse_value;
use crate::model::{Direction, NumberRange, Qualifier, Value, ValueKind};

fn number(raw: &str) -> Value {
    let v = parse_value(raw);
    assert_eq!(v.kind, ValueKind::Number, "{raw:?} → {v:?}");
    v
}

fn assert_reading(raw: &str, value: f64, qualifier: Option<Qualifier>, unit: Option<&str>) {
    let v = number(raw);
    assert_eq!(v.value, Some(value), "{raw:?}");
    assert_eq!(v.qualifier, qualifier, "{raw:?}");
    assert_eq!(v.unit_in_cell.as_deref(), unit, "{raw:?}");
}

#[test]
fn plain_numbers_keep_raw_and_have_no_text() {
    for (raw, want) in [
        ("2170.6", 2170.6),
        ("0", 0.0),
        (" 51 ", 51.0),
        ("0.002", 0.002),
    ] {
        let v = number(raw);
        assert_eq!(v.value, Some(want));
        assert_eq!(v.raw, raw.trim());
        assert_eq!(v.text, None);
        assert!(!v.cumulative);
    }
}

#[test]
fn thousands_separators_and_negative_numbers() {
    assert_reading("1,000", 1000.0, None, None);
    assert_reading("12,345.6", 12345.6, None, None);
    assert_reading("-2.5", -2.5, None, None);
    assert_reading("−3", -3.0, None, None);
}

#[test]
fn full_width_digits_and_signs_are_normalised() {
    assert_reading("１２３．５", 123.5, None, None);
    assert_reading("＜5.5", 5.5, Some(Qualifier::Lt), None);
    assert_reading("＞90", 90.0, Some(Qualifier::Gt), None);
    assert_reading("≥60％", 60.0, Some(Qualifier::Ge), Some("%"));
}

#[test]
fn comparison_prefixes() {
    assert_reading("< 42.5", 42.5, Some(Qualifier::Lt), None);
    assert_reading("≤3.32", 3.32, Some(Qualifier::Le), None);
    assert_reading("> 5.5", 5.5, Some(Qualifier::Gt), None);
    assert_reading("≥97", 97.0, Some(Qualifier::Ge), None);
    assert_reading("<=10", 10.0, Some(Qualifier::Le), None);
    assert_reading(">=10", 10.0, Some(Qualifier::Ge), None);
    assert_reading("不低于95", 95.0, Some(Qualifier::Ge), None);
    assert_reading("不超过12", 12.0, Some(Qualifier::Le), None);
    assert_eq!(parse_value("<1.3").text, None);
}

#[test]
fn comparison_suffixes() {
    assert_reading("8以上", 8.0, Some(Qualifier::Ge), None);
    assert_reading("90以上", 90.0, Some(Qualifier::Ge), None);
    assert_reading("5以下", 5.0, Some(Qualifier::Le), None);
    assert_reading("3以内", 3.0, Some(Qualifier::Le), None);
    assert_reading("10%以上", 10.0, Some(Qualifier::Ge), Some("%"));
    assert_eq!(parse_value("75以上").text, None);
}

#[test]
fn approximate_values() {
    assert_reading("6.0 左右", 6.0, Some(Qualifier::Approx), None);
    assert_reading("40左右", 40.0, Some(Qualifier::Approx), None);
    assert_reading("约3.5", 3.5, Some(Qualifier::Approx), None);
    assert_reading(
        "9000亿元左右",
        9000.0,
        Some(Qualifier::Approx),
        Some("亿元"),
    );
    assert_eq!(parse_value("6.0 左右").text, None);
}

#[test]
fn cumulative_brackets() {
    for raw in ["[19.5]", "〔19.5〕", "【19.5】", "［19.5］"] {
        let v = number(raw);
        assert!(v.cumulative, "{raw}");
        assert_eq!(v.value, Some(19.5));
        assert_eq!(v.text, None);
    }
    let v = number("[>1.2]");
    assert!(v.cumulative);
    assert_eq!((v.value, v.qualifier), (Some(1.2), Some(Qualifier::Gt)));
    let v = number("[≥25]");
    assert_eq!((v.value, v.qualifier), (Some(25.0), Some(Qualifier::Ge)));
    let v = number("[36.45%]");
    assert_eq!(v.unit_in_cell.as_deref(), Some("%"));
    let v = number("〔100 万〕");
    assert!(v.cumulative);
    assert_eq!(
        (v.value, v.unit_in_cell.as_deref()),
        (Some(100.0), Some("万"))
    );
}

#[test]
fn relative_changes() {
    let v = parse_value("下降16%");
    assert_eq!(v.kind, ValueKind::Relative);
    assert_eq!(v.value, Some(16.0));
    let r = v.relative.clone().unwrap();
    assert_eq!(
        (r.direction, r.percent, r.reference),
        (Direction::Decrease, true, None)
    );
    assert_eq!(v.text.as_deref(), Some("下降16%"));

    let v = parse_value("比2020年下降10%以上");
    assert_eq!(v.kind, ValueKind::Relative);
    assert_eq!((v.value, v.qualifier), (Some(10.0), Some(Qualifier::Ge)));
    assert_eq!(v.unit_in_cell.as_deref(), Some("%"));
    let r = v.relative.unwrap();
    assert_eq!(r.direction, Direction::Decrease);
    assert_eq!(r.reference.as_deref(), Some("比2020年"));
    assert_eq!(v.text.as_deref(), Some("比2020年下降10%以上"));

    let v = parse_value("提高1.4岁");
    let r = v.relative.clone().unwrap();
    assert_eq!(
        (v.value, r.direction, r.percent),
        (Some(1.4), Direction::Increase, false)
    );
    assert_eq!(v.unit_in_cell.as_deref(), Some("岁"));

    let v = parse_value("比“十三五”末提高30%");
    assert_eq!(v.kind, ValueKind::Relative);
    assert_eq!(v.value, Some(30.0));
    assert_eq!(
        v.relative.unwrap().reference.as_deref(),
        Some("比“十三五”末")
    );

    let v = parse_value("增长5%左右");
    assert_eq!(
        (v.kind, v.qualifier),
        (ValueKind::Relative, Some(Qualifier::Approx))
    );
}

#[test]
fn a_level_reached_is_not_a_change() {
    let v = parse_value("降至13%左右");
    assert_eq!(v.kind, ValueKind::Number);
    assert_eq!(
        (v.value, v.qualifier),
        (Some(13.0), Some(Qualifier::Approx))
    );
    assert_eq!(v.text.as_deref(), Some("降至13%左右"));
}

#[test]
fn ratios() {
    let v = parse_value("1:1.01");
    assert_eq!(v.kind, ValueKind::Ratio);
    let r = v.ratio.clone().unwrap();
    assert_eq!((r.left, r.right), (1.0, 1.01));
    assert!((v.value.unwrap() - 1.01).abs() < 1e-12);
    assert_eq!(parse_value("1：1.1").kind, ValueKind::Ratio);
    assert_eq!(parse_value("0:1").value, None);
}

#[test]
fn units_inside_the_cell() {
    assert_reading("2.49万张", 2.49, None, Some("万张"));
    assert_reading("≥1所", 1.0, Some(Qualifier::Ge), Some("所"));
    assert_reading("37.3%", 37.3, None, Some("%"));
    assert_reading("1人", 1.0, None, Some("人"));
    assert_reading("0.55所", 0.55, None, Some("所"));
    assert_reading("5966万吨标准煤", 5966.0, None, Some("万吨标准煤"));
    assert_reading("3.2‰", 3.2, None, Some("‰"));
    assert_eq!(parse_value("2.49万张").text, None);
}

#[test]
fn footnote_marks() {
    let v = number("77.8 ¹");
    assert_eq!(
        (v.value, v.footnote.as_deref(), v.text),
        (Some(77.8), Some("1"), None)
    );
    let v = number("56.09*");
    assert_eq!((v.value, v.footnote.as_deref()), (Some(56.09), Some("*")));
    assert_eq!(number("95 ³").footnote.as_deref(), Some("3"));
    assert_eq!(number("29.1%*").unit_in_cell.as_deref(), Some("%"));
    let v = parse_value("²");
    assert_eq!((v.value, v.footnote.as_deref()), (None, Some("2")));
}

#[test]
fn placeholders() {
    for raw in ["—", "-", "——", "/", "－", "无", "— —", "–", "…"] {
        let v = parse_value(raw);
        assert_eq!(v.kind, ValueKind::Placeholder, "{raw:?}");
        assert_eq!((v.value, v.text.clone()), (None, None));
        assert_eq!(v.raw, raw);
    }
}

#[test]
fn pending_targets() {
    for raw in [
        "按省下达目标",
        "完成省定目标",
        "完成省下达目标",
        "按国家要求",
        "按省要求",
        "待定",
    ] {
        let v = parse_value(raw);
        assert_eq!(v.kind, ValueKind::Pending, "{raw:?}");
        assert_eq!(v.text.as_deref(), Some(raw));
        assert_eq!(v.value, None);
    }
}

#[test]
fn qualitative_text() {
    for raw in [
        "保持稳定",
        "基本消除",
        "不减少",
        "稳中向好",
        "负增长",
        "与GDP增长基本同步",
        "有效保障",
        "逐步提高",
        "持续改善",
        "城市（含县城）建成区黑臭水体基本消除",
    ] {
        let v = parse_value(raw);
        assert_eq!(v.kind, ValueKind::Qualitative, "{raw:?}");
        assert_eq!(v.text.as_deref(), Some(raw));
        assert_eq!(v.value, None);
    }
    assert_eq!(parse_value("基本建 立").text.as_deref(), Some("基本建立"));
    assert_eq!(
        parse_value("与 GDP 增长基本同步").text.as_deref(),
        Some("与GDP增长基本同步")
    );
}

#[test]
fn numbers_with_words_keep_the_words_as_text() {
    let v = number("1（国家级）");
    assert_eq!(
        (v.value, v.text.as_deref()),
        (Some(1.0), Some("1（国家级）"))
    );
    let v = number("达到85%");
    assert_eq!((v.value, v.qualifier), (Some(85.0), None));
    assert_eq!(v.text.as_deref(), Some("达到85%"));
    let v = number("力争达到8人");
    assert_eq!(
        (v.unit_in_cell.as_deref(), v.text.as_deref()),
        (Some("人"), Some("力争达到8人"))
    );
    let v = number("＜5.5（年均）");
    assert_eq!((v.value, v.qualifier), (Some(5.5), Some(Qualifier::Lt)));
    assert!(v.text.is_some());
    let v = number(">1.3万亿元，年均增速高于GDP增速1个百分点以上");
    assert_eq!(
        (v.value, v.unit_in_cell.as_deref()),
        (Some(1.3), Some("万亿元"))
    );
}

#[test]
fn a_year_is_a_reference_not_the_value() {
    let v = parse_value("到2025年基本消除");
    assert_eq!(v.kind, ValueKind::Qualitative);
    let v = number("2025年达到60%");
    assert_eq!(v.value, Some(60.0));
}

#[test]
fn ranges_keep_both_bounds_and_the_unit() {
    for (raw, low, high, unit) in [
        ("3~5", 3.0, 5.0, None),
        ("3～5家", 3.0, 5.0, Some("家")),
        ("2%—3%", 2.0, 3.0, Some("%")),
        ("1至2所", 1.0, 2.0, Some("所")),
        ("5-6个", 5.0, 6.0, Some("个")),
        ("力争4.5–5.5", 4.5, 5.5, None),
        ("-1~1", -1.0, 1.0, None),
        ("[10~12]", 10.0, 12.0, None),
    ] {
        let v = number(raw);
        assert_eq!(v.range, Some(NumberRange { low, high }), "{raw:?}");
        assert_eq!(v.value, Some(low), "{raw:?}");
        assert_eq!(v.qualifier, None, "{raw:?}");
        assert_eq!(v.unit_in_cell.as_deref(), unit, "{raw:?}");
        assert_eq!(v.text.as_deref(), Some(raw), "{raw:?}");
    }
    assert!(parse_value("[10~12]").cumulative);
}

#[test]
fn what_only_looks_like_a_range() {
    for raw in [
        "2021-2025",    // years
        "5~3",          // not increasing
        "3%~5万人",     // two units
        "≥3~5",         // a bound before it
        "3~5家以上",    // a qualifier after it
        "3~5，其中2家", // words after it
        "12.5",
        "-5",
    ] {
        assert_eq!(parse_value(raw).range, None, "{raw:?}");
    }
    // Not a range, still read as before: the first number.
    assert_eq!(parse_value("5~3").value, Some(5.0));
}

#[test]
fn empty_cells() {
    for raw in ["", "   ", "\t"] {
        let v = parse_value(raw);
        assert_eq!(v.kind, ValueKind::Empty);
        assert_eq!(v.raw, "");
    }
}

#[test]
fn odd_input_never_panics() {
    let long_digits = "9".repeat(10_000);
    let long_text = "指标".repeat(5_000);
    let odd = [
        long_digits.as_str(),
        long_text.as_str(),
        "\u{0}\u{1}\u{7f}",
        "[]",
        "[",
        "]",
        "〔〕",
        "1:",
        ":1",
        "%",
        "😀",
        "😀12😀",
        "-",
        "--5",
        "1.2.3",
        ",",
        "1,",
        "1,00",
        "比",
        "下降",
        "下降%",
        "¹²³",
        "[[1]]",
        "左右",
        "≥",
        "年",
        "2025年",
    ];
    for raw in odd {
        let v = parse_value(raw);
        assert_eq!(v.raw, raw.trim());
        if let Some(x) = v.value {
            assert!(x.is_finite(), "{raw:?}");
        }
    }
    assert_eq!(parse_value("[]").kind, ValueKind::Placeholder);
    assert_eq!(parse_value("%").kind, ValueKind::Qualitative);
    assert_eq!(parse_value(&long_digits).value, None);
}

//! Hostile cell text — formulas, HTML, 10 000-character names, zero-width and right-to-left
//! marks, control characters — stays inert text in every output: CSV (neutralised, numbers
//! kept), .xlsx (no formula written), the chart SVG (still well-formed, the name shown) and
//! the PDF (renders, pdftotext shows the name, page count bounded).

use std::process::Command;

use resvg::usvg::roxmltree::Document;
use zhibiao::chart::{self, Chart, GapChart, GapItem};
use zhibiao::eval::Label;
use zhibiao::model::Period;
use zhibiao::report::{
    render_pdf, ChartImage, CountTable, FeasibilityLine, ReportData, ReportKind, ReportRow,
    RowGroup, Tone,
};
use zhibiao::xlsx::{layout, write_csv, write_xlsx, CellValue, ExportRow, ExportTable};

const FORMULA: &str = "=HYPERLINK(\"http://example.com/x\",\"点我\")";
const DDE: &str = "-2+3+cmd|' /C calc'!A0";
const HTML: &str = "<script>alert('x')</script><b>粗体</b>&amp;\"引号\"";
const MARKS: &str = "地区\u{200B}生产\u{200D}总值\u{200F}增长\u{202E}率\u{202C}\u{FEFF}";
const CONTROL: &str = "能源\u{0}综合\u{1}生产\u{7}能力\u{8}\u{1b}[31m\u{7f}\r\n第二行";

fn long_name() -> String {
    "很长的指标名称"
        .repeat(10_000 / 7 + 1)
        .chars()
        .take(10_000)
        .collect()
}

fn names() -> Vec<String> {
    vec![
        FORMULA.into(),
        DDE.into(),
        "@SUM(A1:A9)".into(),
        "\t=1+1".into(),
        HTML.into(),
        MARKS.into(),
        CONTROL.into(),
        long_name(),
    ]
}

fn export_row(id: i64, name: &str, current: CellValue) -> ExportRow {
    ExportRow {
        id,
        seq: id.to_string(),
        category: "+经济".into(),
        name: name.into(),
        unit: "%".into(),
        attribute: "约束性".into(),
        baseline: CellValue::Number(-3.5),
        target: CellValue::Text("-".into()),
        current,
        completion: Some(0.5),
        schedule: None,
        status: "滞后".into(),
        department: "=部门".into(),
    }
}

fn table() -> ExportTable {
    ExportTable {
        title: "监测表".into(),
        period: Period::Quarter(2025, 4),
        rows: names()
            .iter()
            .enumerate()
            .map(|(i, n)| export_row(i as i64 + 1, n, CellValue::Number(-12.25)))
            .collect(),
    }
}

#[test]
fn csv_neutralises_formula_text_and_keeps_numbers_and_placeholders() {
    let csv = write_csv(&table()).unwrap();
    let mut r = csv::Reader::from_reader(&csv[3..]);
    let heads = r.headers().unwrap().clone();
    let col = |h: &str| heads.iter().position(|x| x == h).unwrap();
    let name = col(layout::HEADINGS[3]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), names().len());
    for (row, original) in rows.iter().zip(names()) {
        let cell = &row[name];
        let dangerous = original.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if dangerous {
            assert_eq!(cell, format!("'{original}"), "neutralised with a leading '");
        } else {
            assert_eq!(cell, original, "other text is kept as it was");
        }
        for c in 0..row.len() {
            let v = &row[c];
            let number = v.trim_end_matches('%').parse::<f64>().is_ok();
            assert!(
                !v.starts_with(['=', '@', '\t', '\r'])
                    && (!v.starts_with(['+', '-']) || number || v == "-"),
                "cell {c} could run as a formula: {v:?}"
            );
        }
        // Numbers read back as the same numbers; the placeholder stays.
        assert_eq!(row[6].parse::<f64>().unwrap(), -3.5);
        assert_eq!(&row[7], "-");
        assert_eq!(row[8].parse::<f64>().unwrap(), -12.25);
        assert_eq!(&row[2], "'+经济");
        assert_eq!(&row[12], "'=部门");
    }
}

#[test]
fn xlsx_writes_formula_text_as_text_not_as_formulas() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = write_xlsx(&table()).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let formulas = wb.worksheet_formula(layout::SHEET_NAME).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell carries a formula"
    );
    let values = wb.worksheet_range(layout::SHEET_NAME).unwrap();
    let cells: Vec<String> = values
        .used_cells()
        .filter_map(|(_, _, v)| match v {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert!(
        cells.iter().any(|c| c == FORMULA),
        "the name is there, as text"
    );
    assert!(cells.iter().any(|c| c == DDE));
    // And the sheet XML has no <f> element at all.
    let mut zip = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
    zip.retain(|c| !c.is_whitespace());
    assert!(
        !zip.contains("<f>") && !zip.contains("<f "),
        "formula element written"
    );
}

/// One file of the .xlsx (a zip), via `unzip -p`.
fn zip_entry(bytes: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("unzip")
        .args(["-p", path.to_str().unwrap(), name])
        .output()
        .expect("unzip runs");
    String::from_utf8(out.stdout).unwrap()
}

fn gap_svg() -> String {
    let items = names()
        .into_iter()
        .map(|name| GapItem {
            name,
            category: Some(HTML.into()),
            label: Label::Lagging,
            completion: Some(0.4),
            expected: Some(0.6),
            binding: false,
        })
        .collect();
    chart::svg(&Chart::Gap(GapChart {
        title: format!("标题{HTML}{CONTROL}"),
        items,
    }))
    .unwrap()
}

#[test]
fn chart_svg_stays_well_formed_and_shows_names_as_text() {
    let svg = gap_svg();
    let doc = Document::parse(&svg).expect("the SVG still parses");
    assert!(
        !doc.descendants()
            .any(|n| n.has_tag_name("script") || n.has_tag_name("b")),
        "markup from a name became elements"
    );
    let text: String = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        text.contains("<script>alert('x')</script>"),
        "HTML shown as text"
    );
    assert!(text.contains("=HYPERLINK("));
    assert!(text.contains("很长的指标名称"));
    // resvg renders it too (what the PNG export does).
    assert!(chart::png(&svg).is_ok());
}

fn report(names: &[String], svg: String) -> ReportData {
    let rows = names
        .iter()
        .enumerate()
        .map(|(i, n)| ReportRow {
            seq: (i + 1).to_string(),
            name: n.clone(),
            unit: "%".into(),
            baseline: "6.0".into(),
            target: "-".into(),
            current: "60.5".into(),
            completion: "40%".into(),
            schedule: "60%".into(),
            status: "滞后".into(),
            tone: Tone::Warn,
            attribute: "约束性".into(),
            department: HTML.into(),
            successor: FORMULA.into(),
        })
        .collect();
    ReportData {
        kind: ReportKind::Quarterly,
        title: format!("报告{HTML}"),
        period_label: "（2025年第四季度）".into(),
        issuer: CONTROL.into(),
        date: "2026年11月30日".into(),
        header: MARKS.into(),
        baseline_title: "基期值".into(),
        target_title: "目标".into(),
        successor_title: None,
        current_title: "本期".into(),
        summary: vec![FORMULA.into()],
        counts: CountTable::default(),
        warnings: Vec::new(),
        groups: vec![RowGroup {
            category: HTML.into(),
            rows,
        }],
        // The 目标可行性 section takes names and reasons from the plans as well.
        feasibility: vec![FeasibilityLine {
            name: DDE.into(),
            unit: HTML.into(),
            baseline: "1".into(),
            target: FORMULA.into(),
            required: "5.79%".into(),
            realised: "—".into(),
            forecast: "—".into(),
            judgement: "无法评估".into(),
            reason: CONTROL.into(),
        }],
        charts: vec![ChartImage {
            title: HTML.into(),
            wide: true,
            svg,
        }],
    }
}

fn pdftotext(pdf: &[u8]) -> (String, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, pdf).unwrap();
    let text = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    (text, pages)
}

#[test]
fn pdf_renders_hostile_names_as_text_with_a_bounded_page_count() {
    let pdf = render_pdf(&report(&names(), gap_svg()), (2026, 11, 30)).expect("renders");
    let (text, pages) = pdftotext(&pdf);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        flat.contains("<script>alert('x')</script>"),
        "HTML shown as text"
    );
    assert!(flat.contains("=HYPERLINK("), "formula shown as text");
    assert!(
        flat.contains("目标可行性") && flat.contains("cmd|'"),
        "the feasibility section shows its hostile name as text"
    );
    assert!(flat.contains("能源"), "the control-character name is shown");
    assert!(
        flat.contains("很长的指标名称很长的指标名称"),
        "the long name is shown"
    );
    // A report of 8 rows with one chart: a 10 000-character name may take a few pages, not
    // hundreds.
    assert!(pages <= 12, "{pages} pages");
}

//! How merged (or repeated) category cells are read: where their text stands in their rows.

use super::tests::{layout, rows};

type Line = Vec<(usize, String)>;

/// A wrapped header: 分类, 序号, 指标名称, 单位, 2025年, 指标属性.
fn header() -> String {
    layout(&[
        &[
            (0, "分类"),
            (8, "序号"),
            (14, "指标名称"),
            (36, "单位"),
            (42, "2025年"),
            (52, "指标"),
        ],
        &[(52, "属性")],
        &[],
    ])
}

/// A one-line row `n`, with `category` on its line when given.
fn row(n: usize, category: Option<&str>) -> Line {
    let mut l: Line = Vec::new();
    if let Some(c) = category {
        l.push((0, c.to_string()));
    }
    l.extend([
        (8, n.to_string()),
        (14, format!("第{n}项指标完成率")),
        (36, "%".to_string()),
        (42, format!("{}", 50 + n)),
        (52, "预期性".to_string()),
    ]);
    l
}

/// Rows one blank line apart.
fn body(rows: &[Line]) -> String {
    let mut out = String::new();
    for r in rows {
        let cells: Vec<(usize, &str)> = r.iter().map(|(c, t)| (*c, t.as_str())).collect();
        out.push_str(&layout(&[&cells, &[]]));
    }
    out
}

/// The category of each row read.
fn categories(text: &str) -> Vec<String> {
    rows(text)
        .iter()
        .filter(|r| !r.starts_with("分类"))
        .map(|r| r.split('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn categories_on_the_first_row_of_a_page_start_their_blocks() {
    // Each category on the first of its rows (4, 5 and 3 rows). Read as centred, the same
    // lines give blocks of 1, 7 and 4 rows, each centred on its category too: the first row
    // holding a category says that categories here stand at the top of their rows.
    let rows: Vec<Line> = (1..=12)
        .map(|n| {
            let c = match n {
                1 => Some("污染物减排"),
                5 => Some("风险防控"),
                10 => Some("生态保护"),
                _ => None,
            };
            row(n, c)
        })
        .collect();
    let text = header() + &body(&rows);
    let mut want = vec!["污染物减排"; 4];
    want.extend(["风险防控"; 5]);
    want.extend(["生态保护"; 3]);
    assert_eq!(categories(&text), want, "{text}");
}

#[test]
fn rows_under_a_repeated_header_before_its_first_category_go_on_with_the_category_above() {
    // The table goes on under its header repeated: rows 3 and 4 leave the category empty (the
    // one above goes on); `生态保护` stands centred on rows 5 to 7.
    let mut text = header() + &body(&[row(1, Some("环境质量")), row(2, None)]);
    text.push_str(&header());
    text.push_str(&body(&[
        row(3, None),
        row(4, None),
        row(5, None),
        row(6, Some("生态保护")),
        row(7, None),
    ]));
    let got = categories(&text);
    assert_eq!(
        got,
        [
            "环境质量",
            "环境质量",
            "",
            "",
            "生态保护",
            "生态保护",
            "生态保护"
        ],
        "{text}"
    );
}

#[test]
fn a_category_cut_by_a_page_may_stand_at_the_top_of_its_rows_on_the_first_page() {
    // `城市安全保障` covers rows 3 to 6 and is cut by the page after row 4: LibreOffice sets it
    // at the top of its rows on the first page, where it looks centred on rows 2 to 4.
    let mut text = header() + &body(&[row(1, Some("绿色生活"))]);
    text.push_str(&header());
    text.push_str(&body(&[
        row(2, None),
        row(3, Some("城市安全保障")),
        row(4, None),
    ]));
    text.push('\u{c}');
    text.push_str(&body(&[row(5, None), row(6, None)]));
    assert_eq!(
        categories(&text),
        [
            "绿色生活",
            "",
            "城市安全保障",
            "城市安全保障",
            "城市安全保障",
            "城市安全保障"
        ],
        "{text}"
    );
}

#[test]
fn a_category_spread_letter_by_letter_over_its_narrow_cell_is_one_word() {
    // `群 众 获 得` / `感`: single letters one space apart from the category column on, the
    // last ones where the names start on other lines.
    let text = layout(&[
        &[
            (0, "分类"),
            (6, "指标名称"),
            (30, "单位"),
            (36, "2025年"),
            (46, "指标"),
        ],
        &[(46, "属性")],
        &[],
        &[
            (0, "示范"),
            (6, "骨干企业数量"),
            (30, "个"),
            (36, "10"),
            (46, "预期性"),
        ],
        &[],
        &[
            (6, "骨干企业产值"),
            (30, "亿元"),
            (36, "20"),
            (46, "预期性"),
        ],
        &[],
        &[(0, "群 众 获 得"), (8, "政府、企业")],
        &[(6, "公众参与度"), (30, "%"), (36, "90"), (46, "预期性")],
        &[(0, "感")],
    ]);
    assert_eq!(
        rows(&text)[1..],
        [
            "示范\t骨干企业数量\t个\t10\t预期性",
            "示范\t骨干企业产值\t亿元\t20\t预期性",
            "群众获得感\t政府、企业公众参与度\t%\t90\t预期性",
        ],
        "{text}"
    );
}

use super::*;

/// A layout line with each text starting at its character column.
fn line(cells: &[(usize, &str)]) -> String {
    let mut out = String::new();
    for (col, text) in cells {
        let len = out.chars().count();
        let pad = if len == 0 {
            *col
        } else {
            col.saturating_sub(len).max(1)
        };
        out.push_str(&" ".repeat(pad));
        out.push_str(text);
    }
    out
}

pub(super) fn layout(lines: &[&[(usize, &str)]]) -> String {
    lines.iter().map(|l| line(l) + "\n").collect()
}

pub(super) fn rows(text: &str) -> Vec<String> {
    tables_as_rows(text)
        .lines()
        .filter(|l| l.contains('\t'))
        .map(str::to_string)
        .collect()
}

#[test]
fn text_without_a_table_is_left_as_it_is() {
    let text = "某市规划\n\n第一章 总则\n坚持生态优先、绿色发展，统筹推进污染治理。\n";
    assert_eq!(tables_as_rows(text), text);
}

#[test]
fn a_table_of_one_line_rows_under_a_one_line_header_is_left_to_the_spaced_reader() {
    let text = layout(&[
        &[
            (2, "指标名称"),
            (20, "2020年"),
            (30, "2025年"),
            (40, "属性"),
        ],
        &[
            (2, "森林覆盖率（%）"),
            (20, "25"),
            (30, "26"),
            (40, "约束性"),
        ],
        &[
            (2, "耕地保有量（万亩）"),
            (20, "100"),
            (30, "98"),
            (40, "约束性"),
        ],
    ]);
    assert_eq!(tables_as_rows(&text), text);
}

#[test]
fn wrapped_names_and_a_centred_category_make_one_row_each() {
    // `基期` over `2025 年`: one header cell over two lines; a merged category cell stands
    // once in the middle of its rows; a unit and a value set one space apart.
    let text = layout(&[
        &[(50, "基期"), (58, "目标")],
        &[
            (2, "类别"),
            (10, "序号"),
            (22, "指标名称"),
            (40, "单位"),
            (66, "属性"),
        ],
        &[(49, "2025 年 2030 年")],
        &[],
        &[(17, "细颗粒物")],
        &[],
        &[
            (10, "1"),
            (17, "（PM2.5）"),
            (38, "微克/立方米 35"),
            (58, "≤30"),
            (66, "约束性"),
        ],
        &[],
        &[(0, "环境质量"), (17, "年均浓度")],
        &[],
        &[
            (10, "2"),
            (17, "空气质量优良天数比率"),
            (40, "%"),
            (50, "85.2"),
            (58, "≥88"),
            (66, "约束性"),
        ],
        &[],
        &[
            (10, "3"),
            (17, "非化石能源占一次能源"),
            (40, "%"),
            (50, "12.5"),
            (58, "15"),
            (66, "预期性"),
        ],
        &[(0, "绿色发展"), (17, "消费比重")],
        &[
            (10, "4"),
            (17, "森林覆盖率"),
            (40, "%"),
            (50, "25"),
            (58, "26"),
            (66, "约束性"),
        ],
        &[],
        &[(0, "注：[]内为五年累计数。")],
    ]);
    let out = tables_as_rows(&text);
    assert_eq!(out.lines().count(), text.lines().count(), "{out}");
    assert!(out.contains("注：[]内为五年累计数。"));
    assert_eq!(
        rows(&text),
        [
            "类别\t序号\t指标名称\t单位\t基期2025 年\t目标2030 年\t属性",
            "环境质量\t1\t细颗粒物（PM2.5）年均浓度\t微克/立方米\t35\t≤30\t约束性",
            "环境质量\t2\t空气质量优良天数比率\t%\t85.2\t≥88\t约束性",
            "绿色发展\t3\t非化石能源占一次能源消费比重\t%\t12.5\t15\t预期性",
            "绿色发展\t4\t森林覆盖率\t%\t25\t26\t约束性",
        ]
    );
}

#[test]
fn wrapped_header_words_and_wrapped_values_join_per_column() {
    // `序` / `号` and `指标属` / `性` wrap in the header; a target wraps above and below its
    // row's value line; a baseline stands on the first line of a wrapped name; no blank lines
    // between rows.
    let text = layout(&[
        &[(1, "序"), (40, "2020 年"), (50, "2025 年"), (60, "指标属")],
        &[(9, "指标名称")],
        &[(1, "号"), (40, "基准值"), (50, "目标值"), (61, "性")],
        &[],
        &[(50, "完成省定")],
        &[
            (1, "1"),
            (9, "PM2.5浓度（微克/立方米）"),
            (40, "51"),
            (60, "约束性"),
        ],
        &[(50, "目标")],
        &[
            (1, "2"),
            (9, "空气质量优良天数比率（%）"),
            (40, "72.1"),
            (50, "78"),
            (60, "约束性"),
        ],
        &[(9, "地下水国家考核区域点位V类"), (40, "—")],
        &[(1, "3"), (50, "25"), (60, "预期性")],
        &[(9, "水比例（%）")],
    ]);
    assert_eq!(
        rows(&text),
        [
            "序号\t指标名称\t2020 年基准值\t2025 年目标值\t指标属性",
            "1\tPM2.5浓度（微克/立方米）\t51\t完成省定目标\t约束性",
            "2\t空气质量优良天数比率（%）\t72.1\t78\t约束性",
            "3\t地下水国家考核区域点位V类水比例（%）\t—\t25\t预期性",
        ]
    );
}

#[test]
fn without_a_number_column_rows_are_the_lines_of_several_cells() {
    // A line of one or two cells belongs to the row beside it; a heading stands alone.
    let text = layout(&[
        &[(2, "指标"), (25, "2020 年"), (35, "2025 年"), (45, "属性")],
        &[(2, "名称")],
        &[(2, "常住人口城镇化率"), (35, "61"), (45, "预期性")],
        &[(2, "（%）"), (25, "55.13")],
        &[(2, "一、民生福祉")],
        &[
            (2, "城镇调查失业率（%）"),
            (25, "6左右"),
            (35, "<5.5"),
            (45, "预期性"),
        ],
    ]);
    assert_eq!(
        rows(&text),
        [
            "指标名称\t2020 年\t2025 年\t属性",
            "常住人口城镇化率（%）\t55.13\t61\t预期性",
            "一、民生福祉\t",
            "城镇调查失业率（%）\t6左右\t<5.5\t预期性",
        ]
    );
}

#[test]
fn a_category_printed_on_the_next_page_leaves_the_rows_before_it_to_the_category_above() {
    let mut text = layout(&[
        &[
            (1, "序号"),
            (8, "分类"),
            (19, "指标名称"),
            (40, "单位"),
            (47, "2025 年"),
            (57, "属性"),
        ],
        &[
            (1, "5"),
            (19, "绿色工厂企业占比"),
            (40, "%"),
            (47, "2.0"),
            (57, "预期性"),
        ],
    ]);
    // pdftotext ends a page with a form feed.
    text.push('\u{c}');
    text.push_str(&layout(&[
        &[
            (1, "6"),
            (19, "农膜回收率"),
            (40, "%"),
            (47, "96.0"),
            (57, "预期性"),
        ],
        &[(8, "农业绿色")],
        &[
            (1, "7"),
            (19, "秸秆综合利用率"),
            (40, "%"),
            (47, "96.0"),
            (57, "预期性"),
        ],
        &[(8, "转型")],
        &[
            (1, "8"),
            (19, "农药包装回收率"),
            (40, "%"),
            (47, "60"),
            (57, "预期性"),
        ],
    ]));
    let rows = rows(&text);
    let cats: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(
        cats,
        ["", "农业绿色转型", "农业绿色转型", "农业绿色转型"],
        "{rows:?}"
    );
    assert!(!tables_as_rows(&text).contains('\u{c}'));
}

/// A wrapped header over six columns, as `pdftotext` prints it on the table's first page.
pub(super) fn shifted_header() -> String {
    layout(&[
        &[(1, "序"), (46, "2020"), (53, "2025"), (60, "指标")],
        &[(18, "指标名称"), (39, "单位")],
        &[(1, "号"), (47, "年"), (54, "年"), (60, "属性")],
        &[],
    ])
}

const SHIFTED_ROWS: [&str; 6] = [
    "序号\t指标名称\t单位\t2020年\t2025年\t指标属性",
    "1\t一般工业固体废物产生强度\t吨/万元\t0.18\t0.17\t预期性",
    "2\t绿色矿山建成率\t%\t0.09\t60.0\t预期性",
    "3\t农膜综合回收率\t%\t95.5\t96.0\t预期性",
    "4\t开展生态工业园区建设、循环化改造的工业园区占比\t%\t80.0\t100\t约束性",
    "5\t生活垃圾清运量\t万吨\t111.56\t126\t预期性",
];

#[test]
fn columns_set_elsewhere_on_the_next_page_are_found_again_from_its_own_lines() {
    // pdftotext sets each page's columns after the widest text to their left on that page:
    // the header is printed once, on the first page; the second page's columns stand 6 to 9
    // characters further left.
    let mut text = shifted_header();
    text.push_str(&layout(&[
        &[
            (0, "1"),
            (18, "一般工业固体废物产生强度"),
            (39, "吨/万元"),
            (47, "0.18"),
            (54, "0.17"),
            (60, "预期性"),
        ],
        &[],
        &[
            (0, "2"),
            (18, "绿色矿山建成率"),
            (39, "%"),
            (47, "0.09"),
            (54, "60.0"),
            (60, "预期性"),
        ],
    ]));
    text.push('\u{c}');
    text.push_str(&layout(&[
        &[
            (0, "3"),
            (6, "农膜综合回收率"),
            (30, "%"),
            (38, "95.5"),
            (45, "96.0"),
            (52, "预期性"),
        ],
        &[],
        &[(6, "开展生态工业园区建设、循环化改造")],
        &[
            (0, "4"),
            (30, "%"),
            (38, "80.0"),
            (45, "100"),
            (52, "约束性"),
        ],
        &[(6, "的工业园区占比")],
        &[],
        &[
            (0, "5"),
            (6, "生活垃圾清运量"),
            (30, "万吨"),
            (38, "111.56"),
            (45, "126"),
            (52, "预期性"),
        ],
    ]));
    assert_eq!(rows(&text), SHIFTED_ROWS, "{text}");
}

#[test]
fn rows_of_a_page_set_further_right_than_the_rows_above_them_keep_their_columns() {
    // A part of a page printed as its own block: the last three rows' columns stand 5 to 7
    // characters right of the rows above, on the same page.
    let mut text = shifted_header();
    text.push_str(&layout(&[
        &[
            (0, "1"),
            (18, "一般工业固体废物产生强度"),
            (39, "吨/万元"),
            (47, "0.18"),
            (54, "0.17"),
            (60, "预期性"),
        ],
        &[],
        &[
            (0, "2"),
            (18, "绿色矿山建成率"),
            (39, "%"),
            (47, "0.09"),
            (54, "60.0"),
            (60, "预期性"),
        ],
        &[],
        &[
            (5, "3"),
            (24, "农膜综合回收率"),
            (45, "%"),
            (53, "95.5"),
            (60, "96.0"),
            (67, "预期性"),
        ],
        &[],
        &[(24, "开展生态工业园区建设、循环化改造")],
        &[
            (5, "4"),
            (45, "%"),
            (53, "80.0"),
            (60, "100"),
            (67, "约束性"),
        ],
        &[(24, "的工业园区占比")],
        &[],
        &[
            (5, "5"),
            (24, "生活垃圾清运量"),
            (45, "万吨"),
            (53, "111.56"),
            (60, "126"),
            (67, "预期性"),
        ],
    ]));
    assert_eq!(rows(&text), SHIFTED_ROWS, "{text}");
}

#[test]
fn names_wrapped_over_several_lines_and_a_row_cut_by_a_page_keep_their_pieces() {
    // Rows set apart by blank lines; a name over four lines with its row's line in the
    // middle; a row cut by the page: its line at the top of its cell, the rest of its name
    // on the next page, whose columns stand one character further left.
    let mut text = layout(&[
        &[(5, "指标"), (19, "2025"), (25, "2030")],
        &[(0, "序号"), (12, "单位"), (31, "属性")],
        &[(5, "名称"), (20, "年"), (26, "年")],
        &[],
        &[(5, "第1")],
        &[(31, "约束")],
        &[(0, "1"), (5, "类指"), (12, "%"), (19, "10.1"), (25, "≥20")],
        &[(31, "性")],
        &[(5, "标1")],
        &[],
        &[(5, "第1")],
        &[(5, "类指"), (12, "%"), (31, "预期")],
        &[(0, "2"), (19, "11.1"), (25, "≥21")],
        &[(5, "标"), (31, "性")],
        &[(5, "11")],
        &[],
        &[
            (0, "3"),
            (5, "第1"),
            (12, "%"),
            (19, "12.1"),
            (25, "≥22"),
            (31, "预期"),
        ],
        &[(5, "类指"), (31, "性")],
        &[(5, "标")],
        &[],
    ]);
    text.push('\u{c}');
    text.push_str(&layout(&[
        &[(4, "12")],
        &[],
        &[(4, "第1")],
        &[(30, "约束")],
        &[(0, "4"), (4, "类指"), (11, "%"), (18, "13.1"), (24, "≥23")],
        &[(30, "性")],
        &[(4, "标4")],
    ]));
    assert_eq!(
        rows(&text),
        [
            "序号\t指标名称\t单位\t2025年\t2030年\t属性",
            "1\t第1类指标1\t%\t10.1\t≥20\t约束性",
            "2\t第1类指标11\t%\t11.1\t≥21\t预期性",
            "3\t第1类指标12\t%\t12.1\t≥22\t预期性",
            "4\t第1类指标4\t%\t13.1\t≥23\t约束性",
        ],
        "{text}"
    );
}

#[test]
fn the_rest_of_a_cut_row_under_a_repeated_header_and_a_value_moved_over_a_wrapped_one() {
    let header: &[&[(usize, &str)]] = &[
        &[
            (0, "序号"),
            (6, "指标名称"),
            (30, "单位"),
            (36, "2020年"),
            (46, "2025年"),
            (56, "指标"),
        ],
        &[(56, "属性")],
        &[],
    ];
    let mut text = layout(header);
    text.push_str(&layout(&[
        &[
            (0, "1"),
            (6, "生活垃圾清运量"),
            (30, "万吨"),
            (36, "111.56"),
            (46, "126"),
            (56, "预期性"),
        ],
        &[],
        &[(6, "完成大宗工业固体废物堆存场所综合整治的堆")],
        &[
            (0, "2"),
            (30, "%"),
            (36, "100"),
            (46, "100"),
            (56, "约束性"),
        ],
        &[(6, "场数")],
        &[],
    ]));
    text.push('\u{c}');
    text.push_str(&layout(header));
    // `初步建` / `立` is the baseline; pdftotext moved the target `推动执行` left onto the
    // baseline's middle line.
    text.push_str(&layout(&[
        &[(6, "量占比")],
        &[],
        &[(35, "初步建")],
        &[
            (0, "3"),
            (6, "“无废城市”建设协调机制"),
            (30, "/"),
            (39, "推动执行"),
            (56, "预期性"),
        ],
        &[(35, "立")],
        &[],
        &[
            (0, "4"),
            (6, "“无废城市”绿色贷款余额"),
            (30, "亿元"),
            (35, "80.31"),
            (45, "200"),
            (56, "预期性"),
        ],
    ]));
    assert_eq!(
        rows(&text),
        [
            "序号\t指标名称\t单位\t2020年\t2025年\t指标属性",
            "1\t生活垃圾清运量\t万吨\t111.56\t126\t预期性",
            "2\t完成大宗工业固体废物堆存场所综合整治的堆场数\t%\t100\t100\t约束性",
            "序号\t指标名称\t单位\t2020年\t2025年\t指标属性",
            "\t量占比\t\t\t\t",
            "3\t“无废城市”建设协调机制\t/\t初步建立\t推动执行\t预期性",
            "4\t“无废城市”绿色贷款余额\t亿元\t80.31\t200\t预期性",
        ],
        "{text}"
    );
}

#[test]
fn a_page_without_a_full_line_moves_the_columns_as_far_as_its_numbers_stand() {
    // Every row's name and attribute wrap, so no line fills the columns: the header's page
    // keeps the header's columns, the next page moves them 12 to 14 characters left as its units
    // and numbers stand.
    let mut text = shifted_header();
    text.push_str(&layout(&[
        &[(18, "一般工业固体废物"), (60, "预期")],
        &[(0, "1"), (39, "%"), (47, "0.18"), (54, "0.17")],
        &[(18, "产生强度"), (60, "性")],
        &[],
    ]));
    text.push('\u{c}');
    text.push_str(&layout(&[
        &[(6, "农膜综合"), (46, "预期")],
        &[(0, "2"), (25, "%"), (33, "95.5"), (40, "96.0")],
        &[(6, "回收率"), (46, "性")],
        &[],
        &[(6, "生活垃圾"), (46, "约束")],
        &[(0, "3"), (25, "万吨"), (33, "111.56"), (40, "126")],
        &[(6, "清运量"), (46, "性")],
    ]));
    assert_eq!(
        rows(&text)[1..],
        [
            "1\t一般工业固体废物产生强度\t%\t0.18\t0.17\t预期性",
            "2\t农膜综合回收率\t%\t95.5\t96.0\t预期性",
            "3\t生活垃圾清运量\t万吨\t111.56\t126\t约束性",
        ],
        "{text}"
    );
}

//! Rows of pages whose columns `pdftotext` sets elsewhere line by line: the first column at
//! the margin, parts told apart, sub-names beside names, values in narrow cells and pushed
//! into the attribute column.

use super::tests::{layout, rows, shifted_header};

#[test]
fn the_first_column_of_a_page_without_a_full_line_stays_at_the_margin() {
    // pdftotext moves a column by the width of the text to its left; the first column has
    // none. Here the next page's values stand 14 characters left of the first page's, further
    // than its names stand from the 序号: the 序号 must not move with them.
    let mut text = layout(&[
        &[(1, "序"), (46, "2020"), (53, "2025"), (60, "指标")],
        &[(18, "指标名称"), (39, "单位")],
        &[(1, "号"), (47, "年"), (54, "年"), (60, "属性")],
        &[],
    ]);
    text.push_str(&layout(&[
        &[
            (0, "1"),
            (3, "绿色矿山建成率"),
            (39, "%"),
            (47, "0.09"),
            (54, "60.0"),
            (60, "预期性"),
        ],
        &[],
        &[
            (0, "2"),
            (3, "农膜综合回收率"),
            (39, "%"),
            (47, "95.5"),
            (54, "96.0"),
            (60, "预期性"),
        ],
        &[],
    ]));
    text.push('\u{c}');
    text.push_str(&layout(&[
        &[(5, "一般工业固体废物"), (46, "预期")],
        &[(0, "3"), (25, "吨"), (33, "0.18"), (40, "0.17")],
        &[(5, "产生强度"), (46, "性")],
        &[],
        &[(5, "生活垃圾"), (46, "约束")],
        &[(0, "4"), (25, "万吨"), (33, "111.56"), (40, "126")],
        &[(5, "清运量"), (46, "性")],
    ]));
    assert_eq!(
        rows(&text)[3..],
        [
            "3\t一般工业固体废物产生强度\t吨\t0.18\t0.17\t预期性",
            "4\t生活垃圾清运量\t万吨\t111.56\t126\t约束性",
        ],
        "{text}"
    );
}

#[test]
fn rows_whose_values_stand_elsewhere_start_a_part_though_their_first_columns_agree() {
    // The last rows of a page printed as their own block: 序号, name and attribute stand where
    // they stand above (the 序号 at the margin), unit and values 8 characters right.
    let mut text = shifted_header();
    let a = |n: &'static str, name: &'static str, v: [&'static str; 3], attr: &'static str| {
        [
            (0, n),
            (18, name),
            (39, v[0]),
            (47, v[1]),
            (54, v[2]),
            (70, attr),
        ]
    };
    let b = |n: &'static str, name: &'static str, v: [&'static str; 3], attr: &'static str| {
        [
            (0, n),
            (18, name),
            (47, v[0]),
            (55, v[1]),
            (62, v[2]),
            (70, attr),
        ]
    };
    text.push_str(&layout(&[
        &a(
            "1",
            "一般工业固体废物产生强度",
            ["吨/万元", "0.18", "0.17"],
            "预期性",
        ),
        &[],
        &a("2", "绿色矿山建成率", ["%", "0.09", "60.0"], "预期性"),
        &[],
        &a("3", "农膜综合回收率", ["%", "95.5", "96.0"], "预期性"),
        &[],
        &b("4", "工业园区占比", ["%", "80.0", "100"], "约束性"),
        &[],
        &b("5", "生活垃圾清运量", ["万吨", "111.56", "126"], "预期性"),
    ]));
    assert_eq!(
        rows(&text)[1..],
        [
            "1\t一般工业固体废物产生强度\t吨/万元\t0.18\t0.17\t预期性",
            "2\t绿色矿山建成率\t%\t0.09\t60.0\t预期性",
            "3\t农膜综合回收率\t%\t95.5\t96.0\t预期性",
            "4\t工业园区占比\t%\t80.0\t100\t约束性",
            "5\t生活垃圾清运量\t万吨\t111.56\t126\t预期性",
        ],
        "{text}"
    );
}

#[test]
fn sub_names_beside_a_name_under_one_name_label_are_a_cell_of_their_own() {
    // The header prints one name column over two: a row with sub-indicators sets its name
    // on its middle line and each sub-name, wrapped above and below, beside it. The sub-name
    // is an extra cell after the name; names that fill both cells stay whole.
    let mut text = shifted_header();
    text.push_str(&layout(&[
        &[
            (0, "1"),
            (3, "绿色矿山建成率"),
            (39, "%"),
            (47, "0.09"),
            (54, "60.0"),
            (60, "预期性"),
        ],
        &[],
        &[(22, "每千人拥有执业")],
        &[
            (0, "2"),
            (3, "卫生技术人员数"),
            (39, "人"),
            (47, "2.49"),
            (54, "3.29"),
            (60, "预期性"),
        ],
        &[(22, "医师数")],
        &[],
        &[(22, "每千人口注册")],
        &[(39, "人"), (47, "2.53"), (54, "3.92")],
        &[(22, "护士数")],
        &[],
        &[(5, "开展生态工业园区建设")],
        &[
            (0, "3"),
            (39, "%"),
            (47, "80.0"),
            (54, "100"),
            (60, "约束性"),
        ],
        &[(5, "的工业园区占比")],
    ]));
    assert_eq!(
        rows(&text)[1..],
        [
            "1\t绿色矿山建成率\t%\t0.09\t60.0\t预期性",
            "2\t卫生技术人员数\t每千人拥有执业医师数\t人\t2.49\t3.29\t预期性",
            "\t\t每千人口注册护士数\t人\t2.53\t3.92\t",
            "3\t开展生态工业园区建设的工业园区占比\t%\t80.0\t100\t约束性",
        ],
        "{text}"
    );
}

#[test]
fn a_value_wrapped_in_a_narrow_cell_left_of_the_next_cells_value_is_its_own_columns() {
    // `[25]` wraps in its narrow cell as `[25` / `]`, which pdftotext sets past the column
    // boundary, wholly left of the next column's `—` on the row's line: cells stand side by
    // side, so the pieces are the empty column's before it.
    let mut text = shifted_header();
    text.push_str(&layout(&[
        &[
            (0, "1"),
            (18, "绿色矿山建成率"),
            (39, "%"),
            (47, "0.09"),
            (54, "60.0"),
            (60, "预期性"),
        ],
        &[],
        &[(18, "能源消耗"), (52, "[25"), (62, "约束")],
        &[(0, "2"), (39, "%"), (56, "—")],
        &[(18, "降低"), (52, "]"), (62, "性")],
        &[],
        &[
            (0, "3"),
            (18, "农膜综合回收率"),
            (39, "%"),
            (47, "95.5"),
            (54, "96.0"),
            (60, "预期性"),
        ],
    ]));
    assert_eq!(
        rows(&text)[1..],
        [
            "1\t绿色矿山建成率\t%\t0.09\t60.0\t预期性",
            "2\t能源消耗降低\t%\t[25]\t—\t约束性",
            "3\t农膜综合回收率\t%\t95.5\t96.0\t预期性",
        ],
        "{text}"
    );
}

#[test]
fn text_before_the_attribute_in_its_column_is_the_value_cells_before_it() {
    // A long target (`与 GDP 同步`) runs past its column's boundary into the attribute
    // column, before `预期性` on the same line: the attribute cell holds its word alone.
    let mut text = shifted_header();
    text.push_str(&layout(&[
        &[
            (0, "1"),
            (18, "绿色矿山建成率"),
            (39, "%"),
            (47, "0.09"),
            (54, "60.0"),
            (60, "预期性"),
        ],
        &[],
        &[
            (0, "2"),
            (18, "居民收入增长"),
            (39, "%"),
            (47, "7.41"),
            (54, "与 GDP"),
            (60, "同步"),
            (64, "预期性"),
        ],
        &[],
        &[
            (0, "3"),
            (18, "农膜综合回收率"),
            (39, "%"),
            (47, "95.5"),
            (54, "96.0"),
            (60, "预期性"),
        ],
        &[(18, "（试行）")],
    ]));
    assert_eq!(
        rows(&text)[1..],
        [
            "1\t绿色矿山建成率\t%\t0.09\t60.0\t预期性",
            "2\t居民收入增长\t%\t7.41\t与 GDP 同步\t预期性",
            "3\t农膜综合回收率（试行）\t%\t95.5\t96.0\t预期性",
        ],
        "{text}"
    );
}

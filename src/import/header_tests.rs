use super::*;
use crate::import::lines::split_cells;

fn header(a: &str, b: Option<&str>) -> Option<(Header, usize)> {
    let first = split_cells(a);
    let second = b.map(split_cells);
    detect(&first, second.as_deref())
}

#[test]
fn reads_a_simple_header() {
    let (h, used) = header(
        "指标分类\t序号\t指标名称\t2020 年 (基准值)\t2025 年\t指标性质",
        None,
    )
    .unwrap();
    assert_eq!(used, 1);
    use Role::*;
    assert_eq!(
        h.roles,
        vec![
            Category,
            Seq,
            Name,
            Value(Slot::Baseline, Sub::Absolute),
            Value(Slot::Target, Sub::Absolute),
            Attribute
        ]
    );
    assert_eq!((h.baseline_year, h.target_year), (Some(2020), Some(2025)));
}

#[test]
fn merges_a_two_row_header() {
    let (h, used) = header(
        "序号\t指标名称\t2015年\t“十三五”规划目标\t\t“十三五”完成情况\t\t指标属性\t",
        Some("\t\t\t2020年\t年均增长(%)\t2020年\t年均增长(%)\t\t"),
    )
    .unwrap();
    assert_eq!(used, 2);
    assert_eq!(h.roles[2], Role::Value(Slot::Baseline, Sub::Absolute));
    assert_eq!(h.roles[3], Role::Value(Slot::Target, Sub::Absolute));
    assert_eq!(h.roles[4], Role::Value(Slot::Target, Sub::Growth));
    assert_eq!(h.roles[5], Role::Value(Slot::Actual, Sub::Absolute));
    assert_eq!((h.baseline_year, h.target_year), (Some(2015), Some(2020)));
}

#[test]
fn reads_other_layouts() {
    let (h, _) = header("类别\t指标\t2025 年\t2030 年\t年均/累计\t属性", None).unwrap();
    assert_eq!(h.roles[4], Role::Value(Slot::Target, Sub::Growth));
    assert_eq!((h.baseline_year, h.target_year), (Some(2025), Some(2030)));
    let (h, _) = header("指标\t现值\t2030 目标\t属性", None).unwrap();
    assert_eq!((h.baseline_year, h.target_year), (None, Some(2030)));
    let (h, _) = header("领域\t指标\t\t2025年", None).unwrap();
    assert_eq!((h.name_col(), h.name_end()), (1, 2));
    assert!(!h.has_slot(Slot::Baseline));
}

#[test]
fn rejects_rows_that_are_not_headers() {
    assert!(header("序号\t行政区\t优先保护单元\t重点管控单元", None).is_none());
    assert!(header("1\t地区生产总值\t3449\t预期性", None).is_none());
    assert!(header("专栏1 主要指标\t\t", None).is_none());
}

#[test]
fn recognises_a_repeated_header() {
    let (h, _) = header("指标类别\t指标\t2020年 (基准值)\t2025年\t指标性质", None).unwrap();
    assert!(h.repeats(
        &split_cells("指标类别\t指标\t2020年 (基准值)\t2025年\t指标性质"),
        0
    ));
    assert!(!h.repeats(&split_cells("生态保护\t23.森林覆盖率(%)\t—\t95\t约束性"), 0));
}

#[test]
fn a_regional_table_has_a_column_per_indicator_whatever_its_words() {
    let cells = split_cells("县（市、区）\tPM2.5年均浓度（微克/立方米）\t优良天数比率（%）");
    let (h, _) = detect(&cells, None).expect("a header");
    assert_eq!(h.roles, vec![Role::Region, Role::Other, Role::Other]);
    assert!(is_indicator_label(&h.labels[1]));
    assert!(!is_indicator_label("年均增长（%）"));
    assert!(!is_indicator_label("“十四五”目标（%）"));
}

use super::*;
use crate::import::header::detect;
use crate::import::lines::split_cells;

fn table(header_rows: &[&str], body: &[(&str, bool)]) -> Vec<Row> {
    let first = split_cells(header_rows[0]);
    let second = header_rows.get(1).map(|s| split_cells(s));
    let (h, _) = detect(&first, second.as_deref()).expect("header");
    let body: Vec<BodyLine> = body
        .iter()
        .enumerate()
        .map(|(i, (l, brk))| BodyLine {
            line: i + 10,
            lines: vec![i + 10],
            cells: split_cells(l),
            after_break: *brk,
        })
        .collect();
    assemble(&h, &body)
}

#[test]
fn carries_category_down_and_splits_units() {
    let rows = table(
        &["指标分类\t序号\t指标名称\t2020 年 (基准值)\t2025 年\t指标性质"],
        &[
            (
                "环境质量改善\t1\tPM _{2.5} 浓度 (微克/立方米)\t51\t完成省定目标\t约束性",
                false,
            ),
            (
                "\t2\t空气质量优良天数比率 (%)\t72.1\t完成省定目标\t约束性",
                false,
            ),
            (
                "生 态 保 护\t3\t生态保护红线面积（平方公里）\t—\t不减少\t约束性",
                false,
            ),
        ],
    );
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].name, "PM2.5浓度");
    assert_eq!(rows[0].unit.as_deref(), Some("微克/立方米"));
    assert_eq!(rows[1].category.as_deref(), Some("环境质量改善"));
    assert_eq!(rows[2].category.as_deref(), Some("生态保护"));
    assert_eq!(rows[2].baseline_raw.as_deref(), Some("—"));
    assert_eq!(rows[2].attribute, Some(Attribute::Binding));
}

#[test]
fn handles_extra_columns_groups_and_growth_cells() {
    let rows = table(
        &[
            "序号\t指标名称\t“十三五”基数\t\t“十四五”目标\t\t指标属性",
            "\t\t2020年绝对值\t年均增长(%)\t2025年绝对值\t年均增长(%)\t",
        ],
        &[
            ("一、民生福祉\t\t\t\t\t\t", false),
            ("9\t城镇新增就业人数(万人)\t[35.2]\t—\t[25]\t—\t预期性", false),
            ("\t城镇调查失业率(%)\t—\t6左右\t—\t< 5.5\t", false),
            ("11\t每千人口卫生技术人员数\t每千人拥有执业（助理）医师数（人）\t2.49\t—\t3.29\t—\t预期性", false),
            ("\t\t每千人口注册护士数（人）\t2.53\t—\t3.92\t—\t", false),
        ],
    );
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].category.as_deref(), Some("民生福祉"));
    assert_eq!(rows[1].seq.as_deref(), Some("9"));
    assert_eq!(rows[1].baseline_raw.as_deref(), Some("6左右"));
    assert_eq!(rows[1].target_raw.as_deref(), Some("< 5.5"));
    assert_eq!(rows[1].attribute, Some(Attribute::Expected));
    assert_eq!(rows[2].group.as_deref(), Some("每千人口卫生技术人员数"));
    assert_eq!(rows[3].name, "每千人口注册护士数");
    assert_eq!(rows[3].group.as_deref(), Some("每千人口卫生技术人员数"));
    assert_eq!(rows[3].target_raw.as_deref(), Some("3.92"));
}

#[test]
fn joins_a_name_split_across_a_page_break() {
    let rows = table(
        &["序号\t分类\t指标名称\t单位\t2020年\t2025年\t指标类型"],
        &[
            (
                "5\t\t完成大宗工业固体废物堆存场所综合整治的堆场数\t%\t100\t100\t约束性",
                false,
            ),
            ("\t\t量占比\t\t\t\t", true),
            (
                "6\t\t通过清洁生产审核评估工业企业占比\t%\t/\t40\t预期性",
                false,
            ),
        ],
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0].name,
        "完成大宗工业固体废物堆存场所综合整治的堆场数量占比"
    );
    assert_eq!(rows[0].lines, vec![10, 11]);
    assert_eq!(rows[0].unit.as_deref(), Some("%"));
}

#[test]
fn reads_a_row_missing_its_category_cell_and_sub_items() {
    let rows = table(
        &["类别\t规划指标\t规划目标\t规划目标完成情况\t属性\t备注"],
        &[
            (
                "水生态环境保护\t中心城区污水处理率（%）\t96\t98.1\t预期性\t",
                false,
            ),
            ("畜禽粪污综合利用率（%）\t75\t75\t预期性\t\t", false),
            ("\t其中：规模养殖场（%）\t80\t85\t预期性\t", false),
        ],
    );
    assert_eq!(rows[1].category.as_deref(), Some("水生态环境保护"));
    assert_eq!(rows[1].name, "畜禽粪污综合利用率");
    assert_eq!(rows[1].actual_raw.as_deref(), Some("75"));
    assert_eq!(rows[1].baseline_raw, None);
    assert_eq!(rows[2].parent.as_deref(), Some("畜禽粪污综合利用率"));
}

#[test]
fn reads_sequence_under_a_spanning_name_header_and_cell_units() {
    let rows = table(
        &["领域\t指标\t\t2025年"],
        &[
            (
                "伤害致残防控行动\t17\t生产安全事故发生起数\t比2020年下降10%以上",
                false,
            ),
            ("\t19\t每10万人口康复医师人数\t力争达到8人", false),
        ],
    );
    assert_eq!(rows[0].seq.as_deref(), Some("17"));
    assert_eq!(rows[0].unit, None);
    assert_eq!(rows[1].unit.as_deref(), Some("人"));
    assert_eq!(rows[1].category.as_deref(), Some("伤害致残防控行动"));
}

#[test]
fn carries_regions_down_in_regional_tables() {
    let rows = table(
        &["县（市、区）\t指标\t2020年\t2025年\t属性"],
        &[
            ("禹州市\t森林覆盖率（%）\t20\t22\t约束性", false),
            ("\t空气质量优良天数比率（%）\t70\t75\t约束性", false),
            ("长葛市\t森林覆盖率（%）\t18\t19\t约束性", false),
        ],
    );
    let regions: Vec<_> = rows.iter().map(|r| r.region.as_deref()).collect();
    assert_eq!(
        regions,
        vec![Some("禹州市"), Some("禹州市"), Some("长葛市")]
    );
    assert_eq!(rows[1].target_raw.as_deref(), Some("75"));
}

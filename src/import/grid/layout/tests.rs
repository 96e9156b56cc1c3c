use super::*;

fn rows(text: &str) -> Vec<String> {
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
    let text = "  指标名称          2020年    2025年    属性\n  \
                森林覆盖率（%）   25        26        约束性\n  \
                耕地保有量（万亩）100       98        约束性\n";
    assert_eq!(tables_as_rows(text), text);
}

#[test]
fn wrapped_names_and_a_centred_category_make_one_row_each() {
    let text = "\
                           基期     目标
  类别   序号     指标名称        单位                  属性
                                  2025 年 2030 年

                细颗粒物
         1      （PM2.5）       微克/立方米 35       ≤30      约束性
环境质量          年均浓度

         2      空气质量优良天数比率  %        85.2   ≥88      约束性

         3      非化石能源占一次能源   %        12.5   15       预期性
绿色发展        消费比重
         4      森林覆盖率            %        25     26       约束性

注：[]内为五年累计数。
";
    let out = tables_as_rows(text);
    assert_eq!(out.lines().count(), text.lines().count(), "{out}");
    let rows = rows(text);
    assert_eq!(rows[0], "类别\t序号\t指标名称\t单位\t基期2025 年\t目标2030 年\t属性");
    assert_eq!(
        rows[1..],
        [
            "环境质量\t1\t细颗粒物（PM2.5）年均浓度\t微克/立方米\t35\t≤30\t约束性",
            "环境质量\t2\t空气质量优良天数比率\t%\t85.2\t≥88\t约束性",
            "绿色发展\t3\t非化石能源占一次能源消费比重\t%\t12.5\t15\t预期性",
            "绿色发展\t4\t森林覆盖率\t%\t25\t26\t约束性",
        ]
    );
    assert!(out.contains("注：[]内为五年累计数。"));
}

#[test]
fn wrapped_header_words_and_wrapped_values_join_per_column() {
    // `序` / `号` and `指标属` / `性` wrap in the header; a target wraps above and below the
    // row's value line; rows follow each other without blank lines.
    let text = "\
 序                          2020 年  2025 年   指标属
         指标名称
 号                           基准值  目标值    性
                                      完成省定
 1       PM2.5浓度（微克/立方米）  51                约束性
                                      目标
 2       空气质量优良天数比率（%）  72.1    78        约束性
         地下水国家考核区域点位V类
 3                                  —       25        预期性
         水比例（%）
";
    assert_eq!(
        rows(text),
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
    // A line of one or two cells belongs to the row beside it.
    let text = "\
  指标                 2020 年    2025 年    属性
  名称
  常住人口城镇化率               61         预期性
  （%）                55.13
  一、民生福祉
  城镇调查失业率（%）  6左右      <5.5       预期性
";
    assert_eq!(
        rows(text),
        [
            "指标名称\t2020 年\t2025 年\t属性",
            "常住人口城镇化率（%）\t55.13\t61\t预期性",
            "一、民生福祉\t",
            "城镇调查失业率（%）\t6左右\t<5.5\t预期性",
        ]
    );
}

#[test]
fn a_category_split_by_a_page_leaves_the_rows_before_it_to_the_category_above() {
    let text = "\
 序号   分类       指标名称             单位   2025 年   属性
 5                 绿色工厂企业占比     %      2.0       预期性

 6                 农膜回收率           %      96.0      预期性
        农业绿色
 7                 秸秆综合利用率       %      96.0      预期性
        转型
 8                 农药包装回收率       %      60        预期性
";
    let rows = rows(text);
    let cats: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(cats, ["", "农业绿色转型", "农业绿色转型", "农业绿色转型"], "{rows:?}");
}

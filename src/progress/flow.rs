//! Flow (year-to-date cumulative) versus stock indicators.

/// Guesses whether an indicator is a flow: an amount that accumulates within a year, so
/// quarterly values are year-to-date sums and Q4 equals the annual value (城镇新增就业人数,
/// 新增造林面积). Rates, shares, densities and levels are stocks. Used for demo data and as
/// the default offered when an indicator is imported; the stored flag is what counts.
pub fn suggest_flow(name: &str, unit: Option<&str>) -> bool {
    let unit = unit.unwrap_or("").trim();
    // Ratios and per-capita or per-unit measures never add up over quarters.
    if unit.contains('%') || unit.contains('‰') || unit.contains('/') || unit.contains("每") {
        return false;
    }
    let stock_words = [
        "率",
        "比重",
        "占比",
        "比例",
        "密度",
        "人均",
        "每万",
        "每千",
        "保有量",
        "总量",
        "规模",
        "指数",
        "年限",
        "寿命",
        "强度",
        "面积占",
        "浓度",
        "天数比例",
    ];
    if stock_words.iter().any(|w| name.contains(w)) {
        return false;
    }
    let flow_words = [
        "新增",
        "累计",
        "完成投资",
        "投资额",
        "营业收入",
        "销售额",
        "进出口",
        "新建",
        "改造",
        "培训",
        "接待",
        "转移就业",
        "造林",
        "发放",
        "引进",
        "总产值",
        "增加值",
    ];
    flow_words.iter().any(|w| name.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_jobs_and_investment_are_flows() {
        assert!(suggest_flow("城镇新增就业人数", Some("万人")));
        assert!(suggest_flow("新增造林面积", Some("万亩")));
        assert!(suggest_flow("固定资产投资完成投资额", Some("亿元")));
    }

    #[test]
    fn rates_shares_and_levels_are_stocks() {
        assert!(!suggest_flow("常住人口城镇化率", Some("%")));
        assert!(!suggest_flow("新增建设用地占比", Some("%")));
        assert!(!suggest_flow("每千人口拥有执业（助理）医师数", Some("人")));
        assert!(!suggest_flow("森林覆盖率", None));
        assert!(!suggest_flow("人均预期寿命", Some("岁")));
        assert!(!suggest_flow("耕地保有量", Some("万亩")));
        assert!(!suggest_flow(
            "细颗粒物（PM2.5）平均浓度",
            Some("微克/立方米")
        ));
    }
}

//! Direction inference: whether a higher value of a metric, as named, is better.
//! Generic keyword rules over the name, the unit and the shape of the target; the result is
//! only a default that users can edit.

use crate::model::{Direction, Qualifier, Value, ValueKind};

/// Names that measure a reduction achieved (…降低(%), …下降幅度, 减排量): more is better.
const REDUCTION_WORDS: &[&str] = &[
    "降低", "下降", "减排", "削减", "减少", "压减", "减幅", "降幅",
];

/// Metrics that are reduction targets themselves when written as 负增长.
const NEGATIVE_GROWTH: &str = "负增长";

/// Burdens and caps: a higher level is worse.
const BURDEN_WORDS: &[&str] = &[
    "浓度",
    "劣V类",
    "劣Ⅴ类",
    "用水总量",
    "用水量",
    "能耗",
    "能源消耗",
    "煤炭消费",
    "排放量",
    "排放强度",
    "排放总量",
    "产生强度",
    "产生量",
    "死亡率",
    "发生率",
    "发病率",
    "患病率",
    "致残率",
    "失业率",
    "漏损率",
    "施用量",
    "事故",
    "超标",
    "恩格尔系数",
    "不良贷款",
    "负债率",
];

/// Ratios of a bad class (地下水 V类水比例) unless the name says "reaching or better than".
const BAD_CLASS_WORDS: &[&str] = &["V类水", "Ⅴ类水"];
const GOOD_CLASS_WORDS: &[&str] = &["好于", "优于", "达到", "优良"];

/// 黑臭水体比例 is a burden; 黑臭水体控制比例 / 消除比例 is an achievement.
const BLACK_ODOROUS: &str = "黑臭";
const BLACK_ODOROUS_GOOD: &[&str] = &["控制", "消除", "治理", "整治"];

/// Quantities whose good direction depends on what is measured (more refuse collected means
/// both better service and more refuse): no default.
const AMBIGUOUS_WORDS: &[&str] = &["清运量"];

/// Targets that ask to keep a level (保持稳定, 稳定达到Ⅱ类).
const STABILITY_WORDS: &[&str] = &[
    "保持稳定",
    "稳定达到",
    "稳定保持",
    "保持不变",
    "持平",
    "不减少",
];

/// Names whose stock is to be preserved rather than grown (耕地保有量 不减少). A protected
/// area (生态保护红线面积 不减少) is a floor, and more of it is better: not listed.
const STOCK_WORDS: &[&str] = &["保有量"];

/// Words in a name that make it a measurable quantity (a qualitative target on it still
/// implies "more is better").
const QUANTITY_WORDS: &[&str] = &[
    "率", "比例", "比重", "占比", "指数", "数量", "人数", "个数", "规模", "总额", "总量", "面积",
    "收入",
];

/// Words in a qualitative target that state a direction.
const UP_WORDS: &[&str] = &["提升", "提高", "增加", "增长", "向好", "改善", "扩大"];
const DOWN_WORDS: &[&str] = &["下降", "降低", "减少", "负增长"];

/// Infers the default direction of an indicator from its name, unit and values.
pub fn infer_direction(
    name: &str,
    unit: Option<&str>,
    baseline: Option<&Value>,
    target: Option<&Value>,
) -> Direction {
    let name: String = crate::grammar::normalize(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let target_text = target.and_then(|t| t.text.as_deref()).unwrap_or("");
    let target_says = |words: &[&str]| words.iter().any(|w| target_text.contains(w));

    if name.contains(NEGATIVE_GROWTH) {
        return Direction::Decrease;
    }
    if has(REDUCTION_WORDS) {
        return Direction::Increase;
    }
    if is_burden(&name) {
        return Direction::Decrease;
    }
    if has(AMBIGUOUS_WORDS) {
        return Direction::Unknown;
    }
    let stability = target_says(STABILITY_WORDS);
    if stability && (unit.is_none() || has(STOCK_WORDS)) {
        return Direction::Maintain;
    }
    if is_status_item(&name, unit, baseline, target) && !target_says(UP_WORDS) {
        return Direction::Unknown;
    }
    if let Some(t) = target {
        if let Some(d) = direction_of_target(t) {
            return d;
        }
    }
    // 不减少 is a floor, not a request to go down.
    if !stability && target_says(DOWN_WORDS) {
        return Direction::Decrease;
    }
    Direction::Increase
}

fn is_burden(name: &str) -> bool {
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(BURDEN_WORDS) {
        return true;
    }
    if has(BAD_CLASS_WORDS) && !has(GOOD_CLASS_WORDS) {
        return true;
    }
    name.contains(BLACK_ODOROUS) && !has(BLACK_ODOROUS_GOOD)
}

/// A status item: no unit, no quantity in the name, and no number on either side
/// (法规制定 基本制定 → 推动执行).
fn is_status_item(
    name: &str,
    unit: Option<&str>,
    baseline: Option<&Value>,
    target: Option<&Value>,
) -> bool {
    let numeric = |v: Option<&Value>| v.is_some_and(|v| v.value.is_some());
    let unit_given = unit.is_some_and(|u| !u.trim().is_empty());
    !unit_given
        && !QUANTITY_WORDS.iter().any(|w| name.contains(w))
        && !numeric(baseline)
        && !numeric(target)
}

/// What the target's own shape says: an upper bound means lower is better, a lower bound
/// the opposite; a change target names its direction.
fn direction_of_target(target: &Value) -> Option<Direction> {
    if target.kind == ValueKind::Relative {
        return target.relative.as_ref().map(|r| r.direction);
    }
    match target.qualifier? {
        Qualifier::Lt | Qualifier::Le => Some(Direction::Decrease),
        Qualifier::Gt | Qualifier::Ge => Some(Direction::Increase),
        Qualifier::Approx => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::parse_value;

    fn infer(name: &str, unit: Option<&str>, baseline: &str, target: &str) -> Direction {
        let b = parse_value(baseline);
        let t = parse_value(target);
        infer_direction(name, unit, Some(&b), Some(&t))
    }

    #[test]
    fn reduction_rates_are_increase() {
        assert_eq!(
            infer("单位地区生产总值能源消耗降低", Some("%"), "[25]", "[16]"),
            Direction::Increase
        );
        assert_eq!(
            infer("细颗粒物(PM2.5)浓度下降", Some("%"), "1.22", "[31.7]"),
            Direction::Increase
        );
        assert_eq!(
            infer("氮氧化物重点工程减排量", Some("万吨"), "—", "[0.8618]"),
            Direction::Increase
        );
    }

    #[test]
    fn burdens_and_caps_are_decrease() {
        assert_eq!(
            infer("PM2.5浓度", Some("微克/立方米"), "51", "完成省定目标"),
            Direction::Decrease
        );
        assert_eq!(
            infer("全市用水总量", Some("亿立方米"), "9.09", "11.0"),
            Direction::Decrease
        );
        assert_eq!(
            infer("地表水劣V类水体比例", Some("%"), "0", "0"),
            Direction::Decrease
        );
        assert_eq!(
            infer("城镇调查失业率", Some("%"), "6左右", "< 5.5"),
            Direction::Decrease
        );
        assert_eq!(
            infer("化学农药施用量负增长", Some("吨"), "3147", "负增长"),
            Direction::Decrease
        );
    }

    #[test]
    fn target_shape_decides_when_the_name_does_not() {
        assert_eq!(
            infer("新增建设用地区域", Some("万亩"), "-", "<51.53"),
            Direction::Decrease
        );
        assert_eq!(
            infer("从业人员持证率", Some("%"), "37.7", ">60"),
            Direction::Increase
        );
        assert_eq!(
            infer("某类案件起数", None, "", "比2020年下降10%以上"),
            Direction::Decrease
        );
    }

    #[test]
    fn stability_and_status_items() {
        assert_eq!(
            infer("地下水水质级别", None, "", "保持稳定"),
            Direction::Maintain
        );
        assert_eq!(
            infer("耕地保有量", Some("万亩"), "507", "不减少"),
            Direction::Maintain
        );
        assert_eq!(
            infer("危险废物利用处置率", Some("%"), "99.85", "不减少"),
            Direction::Increase
        );
        assert_eq!(
            infer("“无废城市”建设协调机制", None, "初步建立", "推动执行"),
            Direction::Unknown
        );
        assert_eq!(
            infer("生态质量指数(EQI)", None, "—", "稳中向好"),
            Direction::Increase
        );
    }
}

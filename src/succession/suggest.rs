//! Proposed links between the indicators of two plans that meet, by name, unit and lead
//! department. A proposal is only a proposal: a person confirms or corrects it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Name similarity at or above which a pair is proposed on its own.
const NAME_ALONE: f64 = 0.6;
/// Name similarity at or above which a pair is proposed when the lead department is the same.
const NAME_WITH_DEPARTMENT: f64 = 0.4;

/// Unit pairs that convert by a factor: a value in the first × factor is in the second.
const CONVERSIONS: &[(&str, &str, f64)] = &[
    ("元", "万元", 1e-4),
    ("万元", "亿元", 1e-4),
    ("元", "亿元", 1e-8),
    ("人", "万人", 1e-4),
    ("吨", "万吨", 1e-4),
    ("个", "万个", 1e-4),
    ("户", "万户", 1e-4),
    ("千瓦", "万千瓦", 1e-4),
];

/// One indicator as the suggestion needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'a> {
    pub id: i64,
    pub name: &'a str,
    pub unit: Option<&'a str>,
    pub department_id: Option<i64>,
}

/// A proposed link with why it was proposed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Suggestion {
    #[ts(type = "number")]
    pub predecessor_id: i64,
    #[ts(type = "number")]
    pub successor_id: i64,
    /// Predecessor value × factor = value in the successor's unit.
    pub factor: f64,
    /// Name similarity, 0–1.
    pub similarity: f64,
    pub same_department: bool,
    /// e.g. 名称相同、单位相同、牵头单位相同.
    pub reason: String,
}

/// The name without what is in brackets (units, notes) and without spaces.
fn core_name(name: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    for c in name.chars() {
        match c {
            '（' | '(' | '[' | '【' => depth += 1,
            '）' | ')' | ']' | '】' => depth = (depth - 1).max(0),
            _ if depth > 0 || c.is_whitespace() => {}
            _ => out.push(c),
        }
    }
    out
}

fn bigrams(chars: &[char]) -> Vec<(char, char)> {
    if chars.len() < 2 {
        return chars.iter().map(|&c| (c, c)).collect();
    }
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Dice coefficient of the character bigrams of the two names (brackets left out): 1 for
/// the same name, 0 for nothing in common.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (bigrams(&core_name(a)), bigrams(&core_name(b)));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut rest = b.clone();
    let mut common = 0usize;
    for g in &a {
        if let Some(i) = rest.iter().position(|x| x == g) {
            rest.swap_remove(i);
            common += 1;
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

fn unit_key(u: &str) -> String {
    u.trim()
        .replace('％', "%")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The factor from `from` to `to`: 1 for the same unit (or when either is unknown), the
/// conversion for known pairs, `None` for units that do not convert.
pub fn unit_factor(from: Option<&str>, to: Option<&str>) -> Option<f64> {
    let (Some(f), Some(t)) = (from.map(unit_key), to.map(unit_key)) else {
        return Some(1.0);
    };
    if f.is_empty() || t.is_empty() || f == t {
        return Some(1.0);
    }
    CONVERSIONS.iter().find_map(|&(a, b, k)| {
        if f == a && t == b {
            Some(k)
        } else if f == b && t == a {
            Some(1.0 / k)
        } else {
            None
        }
    })
}

/// For every successor, the best predecessor whose unit converts and whose name is close
/// enough (see the thresholds above); several successors may continue one predecessor (a
/// split). The caller passes only indicators of plans that meet ([`super::plans_meet`]).
pub fn suggest(predecessors: &[Candidate], successors: &[Candidate]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for s in successors {
        let best = predecessors
            .iter()
            .filter_map(|p| {
                let factor = unit_factor(p.unit, s.unit)?;
                let similarity = name_similarity(p.name, s.name);
                let same_department =
                    p.department_id.is_some() && p.department_id == s.department_id;
                let enough = similarity >= NAME_ALONE
                    || (same_department && similarity >= NAME_WITH_DEPARTMENT);
                enough.then_some((p, factor, similarity, same_department))
            })
            .max_by(|a, b| {
                (a.2 + if a.3 { 0.1 } else { 0.0 }).total_cmp(&(b.2 + if b.3 { 0.1 } else { 0.0 }))
            });
        if let Some((p, factor, similarity, same_department)) = best {
            let mut why = vec![if core_name(p.name) == core_name(s.name) {
                "名称相同".to_string()
            } else {
                format!("名称相近（{:.0}%）", similarity * 100.0)
            }];
            why.push(if (factor - 1.0).abs() < 1e-12 {
                "单位相同".to_string()
            } else {
                format!(
                    "单位换算 {}→{}（×{}）",
                    p.unit.unwrap_or(""),
                    s.unit.unwrap_or(""),
                    factor
                )
            });
            if same_department {
                why.push("牵头单位相同".to_string());
            }
            out.push(Suggestion {
                predecessor_id: p.id,
                successor_id: s.id,
                factor,
                similarity,
                same_department,
                reason: why.join("、"),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c<'a>(id: i64, name: &'a str, unit: Option<&'a str>, dept: Option<i64>) -> Candidate<'a> {
        Candidate {
            id,
            name,
            unit,
            department_id: dept,
        }
    }

    #[test]
    fn similarity_ignores_brackets_and_counts_shared_bigrams() {
        assert_eq!(name_similarity("地区生产总值（亿元）", "地区生产总值"), 1.0);
        // 研发经费投入强度 shares 经费 费投 投入 入强 强度 (5 of 12 + 7 bigrams): 10/19.
        let s = name_similarity("研究与试验发展经费投入强度", "研发经费投入强度");
        assert!((s - 10.0 / 19.0).abs() < 1e-12, "{s}");
        assert_eq!(name_similarity("森林覆盖率", "粮食综合生产能力"), 0.0);
    }

    #[test]
    fn units_convert_by_known_factors_only() {
        assert_eq!(unit_factor(Some("元"), Some("万元")), Some(1e-4));
        assert_eq!(unit_factor(Some("万元"), Some("元")), Some(1e4));
        assert_eq!(unit_factor(Some("%"), Some("％")), Some(1.0));
        assert_eq!(unit_factor(None, Some("亿元")), Some(1.0));
        assert_eq!(unit_factor(Some("亿元"), Some("%")), None);
    }

    #[test]
    fn proposes_same_renamed_and_converted_but_not_other_units_or_weak_names() {
        let before = [
            c(1, "地区生产总值", Some("亿元"), Some(1)),
            c(2, "研究与试验发展经费投入强度", Some("%"), Some(2)),
            c(3, "居民人均可支配收入", Some("元"), Some(3)),
            c(4, "每千人口卫生技术人员数", Some("人"), Some(1)),
        ];
        let after = [
            c(11, "地区生产总值", Some("亿元"), Some(1)),
            c(12, "研发经费投入强度", Some("%"), Some(2)),
            c(13, "城乡居民人均可支配收入", Some("万元"), Some(3)),
            // Shares 地区生产总值 but is a share in %: no conversion from 亿元.
            c(
                14,
                "数字经济核心产业增加值占地区生产总值比重",
                Some("%"),
                Some(1),
            ),
            c(15, "每千人口注册护士数", Some("人"), Some(4)),
        ];
        let s = suggest(&before, &after);
        let pairs: Vec<(i64, i64)> = s
            .iter()
            .map(|x| (x.predecessor_id, x.successor_id))
            .collect();
        assert_eq!(pairs, vec![(1, 11), (2, 12), (3, 13)]);
        assert_eq!(s[2].factor, 1e-4);
        assert!(s[1].same_department && s[1].reason.contains("名称相近"));
        // Without the shared department the renamed pair (10/19 < 0.6) is not proposed.
        let other = [c(2, "研究与试验发展经费投入强度", Some("%"), Some(9))];
        assert!(suggest(&other, &after[1..2]).is_empty());
    }
}

//! Successor indicators: a 十五五 indicator continues a 十四五 one (same name, renamed, split,
//! or in another unit with a conversion factor). Pure: which plans may be linked, which
//! pairs to propose, and one trajectory across both plans. The store keeps the links a
//! person confirmed.

mod suggest;
mod trajectory;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use suggest::{name_similarity, suggest, unit_factor, Candidate, Suggestion};
pub use trajectory::{joined_trajectory, BaselineShift, JoinedPoint, BASELINE_SHIFT_TOLERANCE};

use crate::model::Plan;

/// A confirmed link: `successor` (later plan) continues `predecessor` (earlier plan). A
/// predecessor value × `factor` is in the successor's unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SuccessorLink {
    #[ts(type = "number")]
    pub predecessor_id: i64,
    #[ts(type = "number")]
    pub successor_id: i64,
    pub factor: f64,
    pub note: Option<String>,
}

/// Whether indicators of `later` may continue indicators of `earlier`: the same issuer
/// (city or department) and periods that meet (the later plan's baseline year is the
/// earlier one's target year, or its first year follows the earlier one's last).
pub fn plans_meet(earlier: &Plan, later: &Plan) -> bool {
    let issuer = |p: &Plan| {
        p.issuer
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let same_issuer = matches!((issuer(earlier), issuer(later)), (Some(a), Some(b)) if a == b);
    if !same_issuer || earlier.id == later.id {
        return false;
    }
    let base_meets = matches!(
        (earlier.target_year, later.baseline_year),
        (Some(t), Some(b)) if t == b
    );
    let years_meet = matches!(
        (earlier.years(), later.years()),
        (Some((_, last)), Some((first, _))) if first == last + 1
    );
    base_meets || years_meet
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(id: i64, issuer: Option<&str>, base: i32, target: i32) -> Plan {
        Plan {
            id,
            title: format!("规划{id}"),
            issuer: issuer.map(str::to_string),
            doc_number: None,
            issue_date: None,
            period_start: Some(base + 1),
            period_end: Some(target),
            baseline_year: Some(base),
            target_year: Some(target),
        }
    }

    #[test]
    fn plans_meet_only_with_the_same_issuer_and_adjoining_periods() {
        let a = plan(1, Some("示范市人民政府"), 2020, 2025);
        let b = plan(2, Some("示范市人民政府"), 2025, 2030);
        assert!(plans_meet(&a, &b));
        assert!(!plans_meet(&b, &a), "the later plan does not precede");
        let other_city = plan(3, Some("许昌市人民政府"), 2025, 2030);
        assert!(!plans_meet(&a, &other_city));
        let gap = plan(4, Some("示范市人民政府"), 2027, 2032);
        assert!(!plans_meet(&a, &gap));
        let unknown = plan(5, None, 2025, 2030);
        assert!(!plans_meet(&plan(6, None, 2020, 2025), &unknown));
    }
}

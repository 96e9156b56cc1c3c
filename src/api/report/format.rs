//! How numbers and names read in reports and exports.

use crate::model::Plan;

/// A number with at most `decimals` places, trailing zeros dropped, thousands kept plain.
pub fn number(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A share as a percentage with one decimal: 0.853 → 85.3%.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_string(), |s| format!("{:.1}%", s * 100.0))
}

fn numeral(n: i32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[(n - 10) as usize]),
        20..=99 => {
            let tail = if n % 10 == 0 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            };
            format!("{}十{}", DIGITS[(n / 10) as usize], tail)
        }
        _ => n.to_string(),
    }
}

/// The five-year-plan name from a plan's years: 2021–2025 → 十四五, 2026–2030 → 十五五.
/// The first plan ran 1953–1957; a plan is named after the five-year period its last year
/// falls in.
pub fn plan_period_name(plan: &Plan) -> Option<String> {
    let end = plan.period_end.or(plan.target_year)?;
    if end < 1957 {
        return None;
    }
    Some(format!("{}五", numeral((end - 1957) / 5 + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(start: i32, end: i32) -> Plan {
        Plan {
            id: 1,
            title: String::new(),
            issuer: None,
            doc_number: None,
            issue_date: None,
            period_start: Some(start),
            period_end: Some(end),
            baseline_year: Some(start - 1),
            target_year: Some(end),
        }
    }

    #[test]
    fn plan_period_names_follow_the_years() {
        assert_eq!(
            plan_period_name(&plan(2016, 2020)).as_deref(),
            Some("十三五")
        );
        assert_eq!(
            plan_period_name(&plan(2021, 2025)).as_deref(),
            Some("十四五")
        );
        assert_eq!(
            plan_period_name(&plan(2023, 2025)).as_deref(),
            Some("十四五")
        );
        assert_eq!(
            plan_period_name(&plan(2026, 2030)).as_deref(),
            Some("十五五")
        );
        assert_eq!(
            plan_period_name(&plan(2071, 2075)).as_deref(),
            Some("二十四五")
        );
    }

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(number(65.20), "65.2");
        assert_eq!(number(3.0), "3");
        assert_eq!(percent(Some(0.8534)), "85.3%");
        assert_eq!(percent(None), "—");
    }
}

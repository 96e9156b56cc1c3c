//! A plan's lifecycle: whether it has started, is running or has ended on a given day, the
//! periods it accepts values for, and the period at which it is judged. Every year comes from
//! the plan; "today" is a parameter, so tests and demos can fix it.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Period, Plan};

/// 未开始 / 执行中 / 已结束.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum PlanPhase {
    #[serde(rename = "未开始")]
    NotStarted,
    #[serde(rename = "执行中")]
    Running,
    #[serde(rename = "已结束")]
    Ended,
}

impl PlanPhase {
    pub fn as_zh(self) -> &'static str {
        match self {
            PlanPhase::NotStarted => "未开始",
            PlanPhase::Running => "执行中",
            PlanPhase::Ended => "已结束",
        }
    }
}

/// The period a plan is judged at, and why when it is not the one asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct JudgedPeriod {
    pub period: Period,
    /// "已结束：按2025年完成情况评估" when the plan ended before the period asked for.
    pub note: Option<String>,
}

/// The quarter being reported on at `today`: the last one that has ended (2026-11-30 →
/// 2026Q3; in January the previous year's Q4).
pub fn reporting_quarter(today: NaiveDate) -> Period {
    let q = (today.month0() / 3) as u8; // quarters finished this year
    if q == 0 {
        Period::Quarter(today.year() - 1, 4)
    } else {
        Period::Quarter(today.year(), q)
    }
}

impl Plan {
    /// First and last year of monitoring: the stated period, else the years after the
    /// baseline up to the target year. `None` when the plan states neither.
    pub fn years(&self) -> Option<(i32, i32)> {
        let first = self
            .period_start
            .or(self.baseline_year.map(|b| b + 1))
            .or(self.target_year)?;
        let last = self.period_end.or(self.target_year)?;
        Some((first, last.max(first)))
    }

    /// The year a finished plan is judged at (总结评估): its target year, else its last year.
    pub fn review_year(&self) -> Option<i32> {
        self.target_year.or(self.years().map(|(_, l)| l))
    }

    /// 未开始 before its first year, 已结束 after its last; a plan without years is running.
    pub fn phase(&self, today: NaiveDate) -> PlanPhase {
        match self.years() {
            Some((first, _)) if today.year() < first => PlanPhase::NotStarted,
            Some((_, last)) if today.year() > last => PlanPhase::Ended,
            _ => PlanPhase::Running,
        }
    }

    /// Whether `period` lies after the plan's last year (规划期外数据).
    pub fn is_after_end(&self, period: Period) -> bool {
        self.years().is_some_and(|(_, last)| period.year() > last)
    }

    /// The period to judge the plan at when `requested` is asked for: a period after the
    /// plan's end is judged at its review year, never later.
    pub fn judged_period(&self, requested: Period, today: NaiveDate) -> JudgedPeriod {
        match self.review_year() {
            Some(y) if self.is_after_end(requested) => {
                let lead = match self.phase(today) {
                    PlanPhase::Ended => "已结束".to_string(),
                    _ => format!("规划期至{y}年"),
                };
                JudgedPeriod {
                    period: Period::Year(y),
                    note: Some(format!("{lead}：按{y}年完成情况评估")),
                }
            }
            _ => JudgedPeriod {
                period: requested,
                note: None,
            },
        }
    }

    /// Whether a value for `period` may be entered: a period of the plan's years, or the
    /// baseline year's annual value (基期值). The message says which periods are accepted.
    pub fn check_entry_period(&self, period: Period) -> Result<(), String> {
        let Some((first, last)) = self.years() else {
            return Ok(());
        };
        let in_years = (first..=last).contains(&period.year());
        let baseline_value = self.baseline_year.map(Period::Year) == Some(period);
        if in_years || baseline_value {
            return Ok(());
        }
        let base = match self.baseline_year {
            Some(b) if b < first => format!("（及基期{b}年的年度值）"),
            _ => String::new(),
        };
        Err(format!(
            "《{}》的规划期为{first}—{last}年，只能填报这一期间{base}的数值，不能填报{}",
            self.title,
            period.label_zh()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(start: Option<i32>, end: Option<i32>, base: Option<i32>, target: Option<i32>) -> Plan {
        Plan {
            id: 1,
            title: "示范规划".into(),
            issuer: None,
            doc_number: None,
            issue_date: None,
            period_start: start,
            period_end: end,
            baseline_year: base,
            target_year: target,
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn phase_follows_the_plans_years_and_today() {
        let five = plan(Some(2021), Some(2025), Some(2020), Some(2025));
        let next = plan(Some(2026), Some(2030), Some(2025), Some(2030));
        let today = day("2026-11-30");
        assert_eq!(five.phase(today), PlanPhase::Ended);
        assert_eq!(next.phase(today), PlanPhase::Running);
        assert_eq!(next.phase(day("2025-12-31")), PlanPhase::NotStarted);
        assert_eq!(five.phase(day("2025-12-31")), PlanPhase::Running);
        assert_eq!(next.phase(day("2031-01-01")), PlanPhase::Ended);
    }

    #[test]
    fn years_come_from_the_period_else_from_baseline_and_target() {
        assert_eq!(
            plan(None, None, Some(2025), Some(2030)).years(),
            Some((2026, 2030))
        );
        assert_eq!(
            plan(Some(2023), Some(2025), Some(2022), Some(2025)).years(),
            Some((2023, 2025))
        );
        let timeless = plan(None, None, None, None);
        assert_eq!(timeless.years(), None);
        assert_eq!(timeless.phase(day("2026-01-01")), PlanPhase::Running);
        assert!(timeless.check_entry_period(p("2040Q1")).is_ok());
    }

    #[test]
    fn an_ended_plan_is_judged_at_its_target_year_never_later() {
        let five = plan(Some(2021), Some(2025), Some(2020), Some(2025));
        let today = day("2026-11-30");
        let j = five.judged_period(p("2026Q3"), today);
        assert_eq!(j.period, Period::Year(2025));
        assert_eq!(j.note.as_deref(), Some("已结束：按2025年完成情况评估"));
        let inside = five.judged_period(p("2024Q2"), today);
        assert_eq!((inside.period, inside.note), (p("2024Q2"), None));
        // Years from the plan: a 2023–2027 plan ended in 2028 is judged at 2027.
        let other = plan(Some(2023), Some(2027), Some(2022), Some(2027));
        let j = other.judged_period(p("2029"), day("2029-03-01"));
        assert_eq!(j.period, Period::Year(2027));
        assert_eq!(j.note.as_deref(), Some("已结束：按2027年完成情况评估"));
        // Asked about a period after the end of a plan still running: no 已结束.
        let j = other.judged_period(p("2029"), day("2026-03-01"));
        assert_eq!(
            j.note.as_deref(),
            Some("规划期至2027年：按2027年完成情况评估")
        );
    }

    #[test]
    fn values_outside_the_plans_period_are_refused_a_late_annual_value_is_not() {
        let five = plan(Some(2021), Some(2025), Some(2020), Some(2025));
        assert!(
            five.check_entry_period(p("2025")).is_ok(),
            "2025 value entered in 2026"
        );
        assert!(five.check_entry_period(p("2025Q4")).is_ok());
        assert!(five.check_entry_period(p("2021Q1")).is_ok());
        assert!(five.check_entry_period(p("2020")).is_ok(), "baseline value");
        assert!(five.check_entry_period(p("2020Q4")).is_err());
        let e = five.check_entry_period(p("2026Q1")).unwrap_err();
        assert!(
            e.contains("2021—2025年") && e.contains("2026年第一季度"),
            "{e}"
        );
        assert!(five.is_after_end(p("2026Q1")));
        assert!(!five.is_after_end(p("2025")));
    }

    #[test]
    fn the_reporting_quarter_is_the_last_finished_one() {
        assert_eq!(reporting_quarter(day("2026-11-30")), p("2026Q3"));
        assert_eq!(reporting_quarter(day("2026-10-01")), p("2026Q3"));
        assert_eq!(reporting_quarter(day("2026-09-30")), p("2026Q2"));
        assert_eq!(reporting_quarter(day("2027-01-15")), p("2026Q4"));
    }
}

//! The fictional city 示范市: its 十四五 outline (ended, under 总结评估) and 十五五 outline
//! (running), each from its own demo gazette in `assets/demo/`, linked where indicators
//! continue, with the values and review states of `assets/demo/shifanshi-progress.tsv`.
//! Everything here is invented for the demo and says so in the documents.

use chrono::NaiveDate;
use rusqlite::Transaction;

use crate::api::{ApiError, ErrorCode};
use crate::model::{reporting_quarter, Period};
use crate::progress::{QualStatus, State, Vintage};
use crate::store::observations::{self, ObservationWrite};
use crate::store::{submissions, users, Actor};

const PROGRESS: &str = include_str!("../../assets/demo/shifanshi-progress.tsv");

/// One line of the progress file.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    Value {
        doc: &'a str,
        name: &'a str,
        period: Period,
        value: &'a str,
    },
    Returned {
        doc: &'a str,
        name: &'a str,
        period: Period,
        reason: &'a str,
    },
    Submitted {
        doc: &'a str,
        name: &'a str,
        period: Period,
    },
}

fn bad(line: &str) -> ApiError {
    ApiError::new(ErrorCode::Internal, format!("演示进度数据有误：{line}"))
}

fn parse(text: &str) -> Result<Vec<Line<'_>>, ApiError> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let period = |s: &str| s.parse::<Period>().map_err(|_| bad(line));
        out.push(match f.as_slice() {
            ["退回", doc, name, p, reason] => Line::Returned {
                doc,
                name,
                period: period(p)?,
                reason,
            },
            ["报送", doc, name, p] => Line::Submitted {
                doc,
                name,
                period: period(p)?,
            },
            [doc, name, p, value] => Line::Value {
                doc,
                name,
                period: period(p)?,
                value,
            },
            _ => return Err(bad(line)),
        });
    }
    Ok(out)
}

/// (indicator id, lead department id) of an indicator of the plan with that 文号.
fn find(tx: &Transaction, doc: &str, name: &str) -> Result<(i64, Option<i64>), ApiError> {
    tx.query_row(
        "SELECT i.id, i.lead_department_id FROM indicators i JOIN plans p ON p.id = i.plan_id
         WHERE p.doc_number = ?1 AND i.name = ?2",
        [doc, name],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .map_err(|_| {
        ApiError::new(
            ErrorCode::Internal,
            format!("演示进度数据：文号 {doc} 的规划中没有指标“{name}”"),
        )
    })
}

fn staff(tx: &Transaction, department_id: i64) -> Result<Actor, ApiError> {
    let name = super::progress::demo_staff_name(department_id);
    Ok(match users::find_by_name(tx, &name)? {
        Some((u, _)) => Actor::user(u.id, name),
        None => Actor::system(),
    })
}

/// The demo city's values, review states and successor links as of today (the demo's
/// "today": `ZHIBIAO_TODAY` when set). Needs the demo users, which it creates if missing.
pub fn seed(tx: &Transaction) -> Result<(), ApiError> {
    let manager = super::progress::create_users(tx)?;
    seed_progress(tx, &manager, crate::api::lifecycle::today(tx)?)?;
    seed_links(tx)
}

/// Stores the 示范市 values whose period has ended by `today`, then the review states:
/// approved, except the lines that say returned or submitted and the current reporting
/// quarter, which stays a draft. `manager` approves and returns. Call after the demo users
/// exist.
pub fn seed_progress(tx: &Transaction, manager: &Actor, today: NaiveDate) -> Result<(), ApiError> {
    let current = reporting_quarter(today);
    let lines = parse(PROGRESS)?;
    let mut used: std::collections::BTreeSet<(i64, Period)> = Default::default();
    for line in &lines {
        let Line::Value {
            doc,
            name,
            period,
            value,
        } = line
        else {
            continue;
        };
        // Nothing from the future when the demo is built on an earlier day.
        if *period > current {
            continue;
        }
        let (id, department) = find(tx, doc, name)?;
        let Some(department) = department else {
            continue;
        };
        let quarterly = period.quarter().is_some();
        let write = ObservationWrite {
            value: value.parse::<f64>().ok(),
            status: QualStatus::parse(value),
            evidence: QualStatus::parse(value).map(|_| "演示数据：部门季度工作台账"),
            source: Some(if quarterly {
                "部门统计"
            } else {
                "统计公报"
            }),
            vintage: Some(if quarterly {
                Vintage::Preliminary
            } else {
                Vintage::Annual
            }),
            ..ObservationWrite::default()
        };
        if write.value.is_none() && write.status.is_none() {
            return Err(bad(value));
        }
        observations::upsert(tx, &staff(tx, department)?, id, *period, &write)?;
        used.insert((department, *period));
    }
    let review = |doc: &str, name: &str, period: Period| -> Result<(i64, Period), ApiError> {
        Ok((find(tx, doc, name)?.1.unwrap_or_default(), period))
    };
    let mut returned = Vec::new();
    let mut submitted = Vec::new();
    for line in &lines {
        match *line {
            Line::Returned {
                doc,
                name,
                period,
                reason,
            } => returned.push((review(doc, name, period)?, reason)),
            Line::Submitted { doc, name, period } => submitted.push(review(doc, name, period)?),
            Line::Value { .. } => {}
        }
    }
    for key @ (department, period) in used {
        let p = period.to_string();
        let who = staff(tx, department)?;
        if let Some((_, reason)) = returned.iter().find(|(k, _)| *k == key) {
            submissions::set_state(tx, &who, department, &p, State::Submitted, None)?;
            submissions::set_state(tx, manager, department, &p, State::Returned, Some(*reason))?;
        } else if submitted.contains(&key) {
            submissions::set_state(tx, &who, department, &p, State::Submitted, None)?;
        } else if period != current {
            submissions::set_state(tx, &who, department, &p, State::Submitted, None)?;
            submissions::set_state(tx, manager, department, &p, State::Approved, None)?;
        }
    }
    Ok(())
}

/// Confirms the successor links of the demo city: every proposal (checked by hand for these
/// two plans) and the split of 每千人口卫生技术人员数 into doctors and nurses, which names
/// alone do not propose.
pub fn seed_links(tx: &Transaction) -> Result<(), ApiError> {
    let system = Actor::system();
    crate::api::links::confirm_all_suggestions(tx, &system)?;
    let split = [
        ("每千人口执业（助理）医师数", "每千人口卫生技术人员数"),
        ("每千人口注册护士数", "每千人口卫生技术人员数"),
    ];
    for (successor, predecessor) in split {
        let (s, _) = find(tx, "示政〔2026〕3号", successor)?;
        let (p, _) = find(tx, "示政〔2021〕5号", predecessor)?;
        let link = crate::succession::SuccessorLink {
            predecessor_id: p,
            successor_id: s,
            factor: 1.0,
            note: Some("拆分：卫生技术人员分为执业（助理）医师和注册护士".to_string()),
        };
        crate::store::links::save(tx, &system, &link)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_file_reads_completely() {
        let lines = parse(PROGRESS).unwrap();
        let values = lines
            .iter()
            .filter(|l| matches!(l, Line::Value { .. }))
            .count();
        assert!(values > 60, "{values}");
        assert!(lines.iter().any(|l| matches!(l, Line::Returned { .. })));
        assert!(lines.iter().any(|l| matches!(l, Line::Submitted { .. })));
    }
}

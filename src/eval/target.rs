//! Reading a target cell ([`Value`]) as something that can be judged: an absolute goal with a
//! side (at least / at most / near), a cumulative total, a maintain rule, a qualitative
//! statement, or a reason why it cannot be judged.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::reason::Reason;
use crate::model::{Direction, NumberRange, Qualifier, Value, ValueKind};

/// The target form as shown to users (which rule judged the indicator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetForm {
    /// A plain number to reach (direction from baseline → target).
    Level,
    /// `< 42.5`, `≥60`: a bound.
    Threshold,
    /// `6.0 左右`.
    Approximate,
    /// `3~5`, `2%—3%`: judged against the bound on the indicator's side.
    Range,
    /// `[19.5]`: a total over the plan period.
    Cumulative,
    /// `下降16%`, `比2020年下降10%以上`, `提高1.4岁`: converted from the baseline.
    Relative,
    /// `1:1.1`.
    Ratio,
    /// 保持稳定 / 不减少 / 不增加.
    Maintain,
    /// 基本消除 and other statements: judged by the recorded status.
    Qualitative,
    /// 按省下达目标 without an assigned target yet.
    Pending,
    /// No target in the table.
    Missing,
}

/// Which side of the target is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    AtLeast {
        strict: bool,
    },
    AtMost {
        strict: bool,
    },
    /// 左右: within the tolerance band; `toward` is the direction of planned change, if known.
    Near {
        toward: Option<Direction>,
    },
}

/// How the expected share grows over the plan period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Path {
    Linear,
    /// Constant growth rate from baseline to target (relative percentage targets).
    Compound,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum MaintainRule {
    /// 保持稳定: within ± tolerance of the baseline.
    Stable,
    /// 不减少 / 不降低 / 不低于: not below the baseline.
    NotBelow,
    /// 不增加 / 不突破 / 不超过: not above the baseline.
    NotAbove,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Goal {
    /// Reach `target` on `side`; `explicit` when the cell states the bound (`<`, `≥`, 以上).
    Absolute {
        target: f64,
        side: Side,
        explicit: bool,
        path: Path,
    },
    /// Running sum of annual values against `total`; `cap` when it must stay at or below.
    Cumulative {
        total: f64,
        cap: bool,
    },
    Maintain(MaintainRule),
    Qualitative,
    Pending,
    Unjudgeable(Reason),
}

/// Reads the effective target against the (numeric) baseline.
pub(crate) fn read_goal(
    target: Option<&Value>,
    baseline: Option<f64>,
    baseline_year: i32,
    direction: Direction,
) -> (TargetForm, Goal) {
    let Some(t) = target.filter(|t| !t.is_missing()) else {
        return (
            TargetForm::Missing,
            Goal::Unjudgeable(Reason::TargetMissing),
        );
    };
    let known = |d: Direction| matches!(d, Direction::Increase | Direction::Decrease).then_some(d);
    match t.kind {
        ValueKind::Empty | ValueKind::Placeholder => (
            TargetForm::Missing,
            Goal::Unjudgeable(Reason::TargetMissing),
        ),
        ValueKind::Pending => (TargetForm::Pending, Goal::Pending),
        ValueKind::Qualitative => {
            let text = t.text.as_deref().unwrap_or(&t.raw);
            match maintain_rule(text) {
                Some(rule) => (TargetForm::Maintain, Goal::Maintain(rule)),
                None => (TargetForm::Qualitative, Goal::Qualitative),
            }
        }
        ValueKind::Number | ValueKind::Ratio => {
            let Some(v) = t.value else {
                return (
                    TargetForm::Missing,
                    Goal::Unjudgeable(Reason::TargetUnreadable),
                );
            };
            if let Some(range) = t.range {
                return range_goal(range, t.cumulative, baseline, known(direction));
            }
            let form = if t.kind == ValueKind::Ratio {
                TargetForm::Ratio
            } else {
                TargetForm::Level
            };
            if t.cumulative {
                let cap = matches!(t.qualifier, Some(Qualifier::Lt | Qualifier::Le));
                return (TargetForm::Cumulative, Goal::Cumulative { total: v, cap });
            }
            let planned = match (baseline, known(direction)) {
                // A growth rate of 6.5 after 7.1 (增长 indicators): the target is a floor in
                // the indicator's direction, not a planned fall.
                (Some(b), Some(d)) if v != b => {
                    let towards = if v > b {
                        Direction::Increase
                    } else {
                        Direction::Decrease
                    };
                    Some(if towards == d || t.qualifier.is_some() {
                        towards
                    } else {
                        d
                    })
                }
                (Some(b), None) if v > b => Some(Direction::Increase),
                (Some(b), None) if v < b => Some(Direction::Decrease),
                (_, d) => d,
            };
            let (side, explicit) = side_of(t.qualifier, planned);
            let form = match t.qualifier {
                Some(Qualifier::Approx) => TargetForm::Approximate,
                Some(_) => TargetForm::Threshold,
                None => form,
            };
            (
                form,
                Goal::Absolute {
                    target: v,
                    side,
                    explicit,
                    path: Path::Linear,
                },
            )
        }
        ValueKind::Relative => relative_goal(t, baseline, baseline_year),
    }
}

/// A range asks for a value inside it. Moving up (the direction, else a baseline below the
/// range) the floor is the target to reach; moving down the ceiling is. Going past the far
/// bound is not held against the indicator: plans that write 3~5 家 count 6 as done.
fn range_goal(
    range: NumberRange,
    cumulative: bool,
    baseline: Option<f64>,
    direction: Option<Direction>,
) -> (TargetForm, Goal) {
    let down = match direction {
        Some(d) => d == Direction::Decrease,
        None => baseline.is_some_and(|b| b > range.high),
    };
    let (target, side) = if down {
        (range.high, Side::AtMost { strict: false })
    } else {
        (range.low, Side::AtLeast { strict: false })
    };
    let goal = if cumulative {
        Goal::Cumulative {
            total: target,
            cap: down,
        }
    } else {
        Goal::Absolute {
            target,
            side,
            explicit: true,
            path: Path::Linear,
        }
    };
    (TargetForm::Range, goal)
}

/// The side a qualifier states, else the side of planned change.
fn side_of(q: Option<Qualifier>, planned: Option<Direction>) -> (Side, bool) {
    match q {
        Some(Qualifier::Lt) => (Side::AtMost { strict: true }, true),
        Some(Qualifier::Le) => (Side::AtMost { strict: false }, true),
        Some(Qualifier::Gt) => (Side::AtLeast { strict: true }, true),
        Some(Qualifier::Ge) => (Side::AtLeast { strict: false }, true),
        Some(Qualifier::Approx) => (Side::Near { toward: planned }, false),
        None => match planned {
            Some(Direction::Decrease) => (Side::AtMost { strict: false }, false),
            Some(Direction::Increase) => (Side::AtLeast { strict: false }, false),
            _ => (Side::Near { toward: None }, false),
        },
    }
}

/// 下降16% → baseline × 0.84; 提高1.4岁 → baseline + 1.4. 以上 (or nothing) asks for at least
/// that change; 以内 / 以下 caps the change; 左右 asks for about that much.
fn relative_goal(t: &Value, baseline: Option<f64>, baseline_year: i32) -> (TargetForm, Goal) {
    let form = TargetForm::Relative;
    let (Some(amount), Some(rel)) = (t.value, t.relative.as_ref()) else {
        return (form, Goal::Unjudgeable(Reason::TargetUnreadable));
    };
    if let Some(year) = rel.reference.as_deref().and_then(year_in) {
        if year != baseline_year {
            return (form, Goal::Unjudgeable(Reason::ReferenceYear { year }));
        }
    }
    let Some(b) = baseline else {
        return (form, Goal::Unjudgeable(Reason::RelativeNeedsBaseline));
    };
    let down = rel.direction == Direction::Decrease;
    let signed = if down { -amount } else { amount };
    let target = if rel.percent {
        b * (1.0 + signed / 100.0)
    } else {
        b + signed
    };
    let planned = Some(if down {
        Direction::Decrease
    } else {
        Direction::Increase
    });
    let (side, explicit) = match t.qualifier {
        Some(Qualifier::Approx) => (Side::Near { toward: planned }, false),
        // A cap on the change: 下降不超过 → stay at or above the target level.
        Some(q @ (Qualifier::Lt | Qualifier::Le)) => {
            let strict = q == Qualifier::Lt;
            if down {
                (Side::AtLeast { strict }, true)
            } else {
                (Side::AtMost { strict }, true)
            }
        }
        q => {
            let strict = q == Some(Qualifier::Gt);
            if down {
                (Side::AtMost { strict }, q.is_some())
            } else {
                (Side::AtLeast { strict }, q.is_some())
            }
        }
    };
    let path = if rel.percent && b > 0.0 && target > 0.0 {
        Path::Compound
    } else {
        Path::Linear
    };
    (
        form,
        Goal::Absolute {
            target,
            side,
            explicit,
            path,
        },
    )
}

/// The first four-digit year in a reference such as 比2020年 (no allocation: hot path).
fn year_in(s: &str) -> Option<i32> {
    let bytes = s.as_bytes();
    bytes.windows(4).find_map(|w| {
        w.iter()
            .all(u8::is_ascii_digit)
            .then(|| w.iter().fold(0, |y, d| y * 10 + (d - b'0') as i32))
    })
}

/// 保持稳定 / 不减少 … as a rule against the baseline. Negations are checked first so that
/// 不减少 is not read as a decrease.
fn maintain_rule(text: &str) -> Option<MaintainRule> {
    const NOT_BELOW: [&str; 7] = [
        "不减少",
        "不降低",
        "不下降",
        "只增不减",
        "不低于",
        "不减",
        "有增无减",
    ];
    const NOT_ABOVE: [&str; 6] = ["不增加", "不突破", "不超过", "不高于", "不上升", "只减不增"];
    const STABLE: [&str; 3] = ["稳定", "持平", "保持"];
    if NOT_BELOW.iter().any(|w| text.contains(w)) {
        Some(MaintainRule::NotBelow)
    } else if NOT_ABOVE.iter().any(|w| text.contains(w)) {
        Some(MaintainRule::NotAbove)
    } else if STABLE.iter().any(|w| text.contains(w)) {
        Some(MaintainRule::Stable)
    } else {
        None
    }
}

impl Side {
    /// Whether `a` satisfies the goal `t` on this side. 左右 without a known direction is
    /// met inside the band only; with a direction, overshooting in that direction also meets.
    pub(crate) fn met(self, a: f64, t: f64, tolerance: f64) -> bool {
        let eps = super::label::EPS * t.abs().max(1.0);
        match self {
            Side::AtLeast { strict: true } => a > t + eps,
            Side::AtLeast { strict: false } => a >= t - eps,
            Side::AtMost { strict: true } => a < t - eps,
            Side::AtMost { strict: false } => a <= t + eps,
            Side::Near { toward } => {
                let band = tolerance * t.abs() + eps;
                match toward {
                    Some(Direction::Increase) => a >= t - band,
                    Some(Direction::Decrease) => a <= t + band,
                    _ => (a - t).abs() <= band,
                }
            }
        }
    }
}

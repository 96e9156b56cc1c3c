use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a bound is stated in a cell: `<` `≤` `>` `≥` (以下/以内 → le, 以上 → ge), or 左右/约.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Lt,
    Le,
    Gt,
    Ge,
    Approx,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Lt => "lt",
            Qualifier::Le => "le",
            Qualifier::Gt => "gt",
            Qualifier::Ge => "ge",
            Qualifier::Approx => "approx",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "lt" => Qualifier::Lt,
            "le" => Qualifier::Le,
            "gt" => Qualifier::Gt,
            "ge" => Qualifier::Ge,
            "approx" => Qualifier::Approx,
            _ => return None,
        })
    }
}

/// What kind of statement a cell makes. Evaluation dispatches on this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// Nothing in the cell.
    Empty,
    /// A number, possibly with a qualifier, cumulative brackets, a unit or a footnote.
    Number,
    /// A change against the baseline: 下降16%, 比2020年下降10%以上, 提高1.4岁.
    Relative,
    /// A ratio such as 1:1.01 (`value` holds the right-hand side over the left).
    Ratio,
    /// —, -, ——, / : no data.
    Placeholder,
    /// 按省下达目标, 完成省定目标: the number is set later by a higher authority.
    Pending,
    /// 保持稳定, 不减少, 基本消除, long sentences.
    Qualitative,
}

/// A relative change against a reference value (usually the baseline).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RelativeChange {
    /// `increase` for 提高/增长/上升, `decrease` for 下降/降低/减少.
    pub direction: super::Direction,
    /// True when the amount is a percentage of the reference (下降16%),
    /// false when it is in the indicator's unit (提高1.4岁).
    pub percent: bool,
    /// The reference as written (比2020年, 比“十三五”末), if any.
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Ratio {
    pub left: f64,
    pub right: f64,
}

/// `3~5`, `2%—3%`, `1至2所`: the plan asks for a value between `low` and `high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct NumberRange {
    pub low: f64,
    pub high: f64,
}

/// A parsed baseline / target / actual cell. It always keeps the raw text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Value {
    pub raw: String,
    pub kind: ValueKind,
    pub value: Option<f64>,
    pub qualifier: Option<Qualifier>,
    pub cumulative: bool,
    /// Set whenever the cell is not a plain number: the qualitative or pending wording.
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit_in_cell: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub footnote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub relative: Option<RelativeChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ratio: Option<Ratio>,
    /// Set for a range (`value` then holds `low`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub range: Option<NumberRange>,
}

impl Value {
    pub fn empty() -> Self {
        Value {
            raw: String::new(),
            kind: ValueKind::Empty,
            value: None,
            qualifier: None,
            cumulative: false,
            text: None,
            unit_in_cell: None,
            footnote: None,
            relative: None,
            ratio: None,
            range: None,
        }
    }

    pub fn number(raw: impl Into<String>, value: f64) -> Self {
        Value {
            raw: raw.into(),
            kind: ValueKind::Number,
            value: Some(value),
            ..Value::empty()
        }
    }

    pub fn is_placeholder(&self) -> bool {
        self.kind == ValueKind::Placeholder
    }

    pub fn is_missing(&self) -> bool {
        matches!(self.kind, ValueKind::Empty | ValueKind::Placeholder)
    }
}

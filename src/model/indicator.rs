use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Value;

/// 约束性 (binding) or 预期性 (expected). Serialised in Chinese, as in the gazettes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Attribute {
    #[serde(rename = "约束性")]
    Binding,
    #[serde(rename = "预期性")]
    Expected,
}

impl Attribute {
    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::Binding => "约束性",
            Attribute::Expected => "预期性",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "约束性" | "约束" => Some(Attribute::Binding),
            "预期性" | "预期" => Some(Attribute::Expected),
            _ => None,
        }
    }
}

/// Whether a higher value of the metric, as named, is better.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Increase,
    Decrease,
    Maintain,
    #[default]
    Unknown,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Maintain => "maintain",
            Direction::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "increase" => Direction::Increase,
            "decrease" => Direction::Decrease,
            "maintain" => Direction::Maintain,
            "unknown" => Direction::Unknown,
            _ => return None,
        })
    }
}

/// An indicator's descriptive fields, as read from a table or edited in the import wizard.
/// The one declaration of these fields: the stored [`Indicator`], the importer's rows and
/// the wizard's rows all flatten it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct IndicatorDraft {
    pub seq: Option<String>,
    pub category: Option<String>,
    /// Sub-heading inside a category (e.g. 城镇化率 over 常住人口/户籍人口 rows).
    pub group: Option<String>,
    /// Name of the parent row for 其中 sub-items.
    pub parent: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    /// County / district for regional breakdown tables.
    pub region: Option<String>,
    pub attribute: Option<Attribute>,
    pub direction: Direction,
    pub baseline: Option<Value>,
    pub target: Option<Value>,
    /// Completion-review tables carry the achieved value.
    pub actual: Option<Value>,
    pub note: Option<String>,
    /// Lead department by name: as written in the document before the indicator is stored,
    /// the assigned department's name after.
    pub lead_department: Option<String>,
}

impl IndicatorDraft {
    /// The draft as it should be stored: name trimmed, blank texts absent.
    pub fn tidied(&self) -> IndicatorDraft {
        let text = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        IndicatorDraft {
            seq: text(&self.seq),
            category: text(&self.category),
            group: text(&self.group),
            parent: text(&self.parent),
            name: self.name.trim().to_string(),
            unit: text(&self.unit),
            region: text(&self.region),
            note: text(&self.note),
            lead_department: text(&self.lead_department),
            ..self.clone()
        }
    }
}

/// A stored indicator. `Default` (no values, direction unknown) lets tests and benches
/// spell out only the fields they care about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Indicator {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub plan_id: i64,
    #[ts(type = "number")]
    pub table_id: i64,
    /// Order within its table.
    pub position: i32,
    #[serde(flatten)]
    pub draft: IndicatorDraft,
    /// Flow indicators (城镇新增就业人数) accumulate within a year: quarterly values are
    /// year-to-date sums and Q4 equals the annual value. Stock indicators (rates, shares) do not.
    pub flow: bool,
    #[ts(type = "number | null")]
    pub lead_department_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Department {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}

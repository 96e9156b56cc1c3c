//! The public face of column roles: what the wizard shows in its row of drop-downs, and what
//! a person hands back when they tell the importer how to read a table it missed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::header::{Role, Slot, Sub};

/// What a table column holds. See `docs/import.md` for what each role means for the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// 序号
    Seq,
    /// 类别 (a merged first column, or short texts repeated down the column)
    Category,
    /// 指标名称
    Name,
    /// 单位
    Unit,
    /// 属性: 约束性 / 预期性
    Attribute,
    /// 基期值
    Baseline,
    /// 目标值
    Target,
    /// 年均增速 / 累计 beside the target: gives the target when the target cell is empty.
    TargetGrowth,
    /// 完成值 / 实际值
    Actual,
    /// 年均增速 / 累计 beside the actual value.
    ActualGrowth,
    /// A year between baseline and target: an annual target (年度目标).
    Annual,
    /// 是否完成
    Done,
    /// 备注
    Remark,
    /// 地区: 县（市、区）
    Region,
    /// 责任单位
    Department,
    /// Not read.
    Ignore,
}

impl ColumnRole {
    /// Chinese label shown in the wizard's drop-downs.
    pub fn label(self) -> &'static str {
        match self {
            ColumnRole::Seq => "序号",
            ColumnRole::Category => "类别",
            ColumnRole::Name => "指标名称",
            ColumnRole::Unit => "单位",
            ColumnRole::Attribute => "属性",
            ColumnRole::Baseline => "基期值",
            ColumnRole::Target => "目标值",
            ColumnRole::TargetGrowth => "年均增速/累计",
            ColumnRole::Actual => "完成值",
            ColumnRole::ActualGrowth => "完成年均增速",
            ColumnRole::Annual => "年度目标",
            ColumnRole::Done => "是否完成",
            ColumnRole::Remark => "备注",
            ColumnRole::Region => "地区",
            ColumnRole::Department => "责任单位",
            ColumnRole::Ignore => "不读取",
        }
    }
}

/// A column as read: its label, role, the year it names and why it got that role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ColumnRead {
    /// 0-based column in the table's cells.
    pub index: usize,
    /// Header text (two header rows joined with `/`).
    pub label: String,
    pub role: ColumnRole,
    /// Year named by the header (annual targets, baseline and target columns).
    pub year: Option<i32>,
    /// Why: the header words or cell contents that gave the role.
    pub reason: String,
}

impl From<Role> for ColumnRole {
    fn from(r: Role) -> Self {
        match r {
            Role::Seq => ColumnRole::Seq,
            Role::Category => ColumnRole::Category,
            Role::Name => ColumnRole::Name,
            Role::Unit => ColumnRole::Unit,
            Role::Attribute => ColumnRole::Attribute,
            Role::Value(Slot::Baseline, _) => ColumnRole::Baseline,
            Role::Value(Slot::Target, Sub::Absolute) => ColumnRole::Target,
            Role::Value(Slot::Target, Sub::Growth) => ColumnRole::TargetGrowth,
            Role::Value(Slot::Actual, Sub::Absolute) => ColumnRole::Actual,
            Role::Value(Slot::Actual, Sub::Growth) => ColumnRole::ActualGrowth,
            Role::Annual(_) => ColumnRole::Annual,
            Role::Done => ColumnRole::Done,
            Role::Remark => ColumnRole::Remark,
            Role::Region => ColumnRole::Region,
            Role::Department => ColumnRole::Department,
            Role::Unslotted(_) | Role::Other => ColumnRole::Ignore,
        }
    }
}

impl ColumnRole {
    /// The internal role for a role a person chose; `year` only matters for annual columns.
    pub(crate) fn to_role(self, year: Option<i32>) -> Role {
        match self {
            ColumnRole::Seq => Role::Seq,
            ColumnRole::Category => Role::Category,
            ColumnRole::Name => Role::Name,
            ColumnRole::Unit => Role::Unit,
            ColumnRole::Attribute => Role::Attribute,
            ColumnRole::Baseline => Role::Value(Slot::Baseline, Sub::Absolute),
            ColumnRole::Target => Role::Value(Slot::Target, Sub::Absolute),
            ColumnRole::TargetGrowth => Role::Value(Slot::Target, Sub::Growth),
            ColumnRole::Actual => Role::Value(Slot::Actual, Sub::Absolute),
            ColumnRole::ActualGrowth => Role::Value(Slot::Actual, Sub::Growth),
            ColumnRole::Annual => match year {
                Some(y) => Role::Annual(y),
                None => Role::Other,
            },
            ColumnRole::Done => Role::Done,
            ColumnRole::Remark => Role::Remark,
            ColumnRole::Region => Role::Region,
            ColumnRole::Department => Role::Department,
            ColumnRole::Ignore => Role::Other,
        }
    }
}

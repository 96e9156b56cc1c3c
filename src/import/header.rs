//! Header rows: is a TAB row the head of an indicator table, which role has each column,
//! and which years does it name. Rules are about header words (指标, 序号, 单位, 属性,
//! years, 基期/目标/完成情况), never about particular documents.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{filled, header_key};

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(19[5-9]\d|20\d\d)").unwrap());

/// Which statement a value column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Baseline,
    Target,
    Actual,
}

/// An absolute value (2025年) or the average growth / cumulative figure beside it (年均增长).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sub {
    Absolute,
    Growth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Category,
    Seq,
    Name,
    Unit,
    Value(Slot, Sub),
    /// A value column whose slot is settled once all columns are known.
    Unslotted(Sub),
    Attribute,
    Remark,
    Region,
    Department,
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Raw cells of the first header row (as in the document).
    pub columns: Vec<String>,
    /// Merged labels (`“十三五”规划目标/2020年` for two-row headers).
    pub labels: Vec<String>,
    pub roles: Vec<Role>,
    /// Keys of each header row, to recognise the header repeated after a page break.
    pub row_keys: Vec<Vec<String>>,
    pub baseline_year: Option<i32>,
    pub target_year: Option<i32>,
}

fn has_any(key: &str, words: &[&str]) -> bool {
    words.iter().any(|w| key.contains(w))
}

const VALUE_WORDS: &[&str] = &[
    "基期",
    "基准",
    "基数",
    "基础",
    "现值",
    "现状",
    "基年",
    "目标",
    "完成",
    "实际",
    "年均",
    "累计",
    "增长",
    "增速",
    "规划值",
    "预期值",
];

fn is_value_label(key: &str) -> bool {
    YEAR.is_match(key) || has_any(key, VALUE_WORDS)
}

fn classify(key: &str) -> Role {
    if key.is_empty() {
        return Role::Other;
    }
    if key == "序号" || key == "编号" {
        return Role::Seq;
    }
    if has_any(key, &["属性", "性质"]) || key.ends_with("类型") {
        return Role::Attribute;
    }
    if has_any(key, &["类别", "分类", "领域", "维度"]) && key.chars().count() <= 6 {
        return Role::Category;
    }
    if has_any(
        key,
        &["责任单位", "牵头单位", "责任部门", "牵头部门", "主管部门"],
    ) {
        return Role::Department;
    }
    if has_any(key, &["备注", "说明"]) {
        return Role::Remark;
    }
    if key == "单位" || key == "计量单位" {
        return Role::Unit;
    }
    if key.chars().count() <= 8
        && (key.starts_with("县") || has_any(key, &["地区", "区域", "县区", "区县", "行政区"]))
    {
        return Role::Region;
    }
    if key.contains("指标") || key == "名称" {
        return Role::Name;
    }
    if is_value_label(key) {
        return Role::Unslotted(Sub::Absolute);
    }
    Role::Other
}

/// Slot named by a value column's words, if any.
fn explicit_slot(key: &str) -> Option<Slot> {
    if has_any(key, &["完成情况", "完成值", "实际", "实现", "完成"]) {
        Some(Slot::Actual)
    } else if has_any(
        key,
        &["基期", "基准", "基数", "基础", "现值", "现状", "基年"],
    ) {
        Some(Slot::Baseline)
    } else if has_any(key, &["目标", "规划值", "预期值"]) {
        Some(Slot::Target)
    } else {
        None
    }
}

fn year_of(key: &str) -> Option<i32> {
    YEAR.find(key).and_then(|m| m.as_str().parse().ok())
}

fn sub_of(key: &str) -> Sub {
    let growthy = has_any(key, &["年均", "增长", "增速", "累计"]) && !key.contains("绝对值");
    if growthy && year_of(key).is_none() {
        Sub::Growth
    } else {
        Sub::Absolute
    }
}

/// A second header row: labels under the first row's spanning cells (2020年, 年均增长(%)).
fn is_second_row(cells: &[String], name_col: usize) -> bool {
    if filled(cells) == 0 || cells.get(name_col).is_some_and(|c| !c.is_empty()) {
        return false;
    }
    cells.iter().filter(|c| !c.is_empty()).all(|c| {
        let k = header_key(c);
        (is_value_label(&k) || k.contains("绝对值") || k.contains('%'))
            && k.parse::<f64>().is_err()
            && !has_any(&k, &["约束", "预期性"])
    })
}

/// Reads a header from `first` (and `second`, when it continues the header). Returns the
/// header and how many rows it used.
pub fn detect(first: &[String], second: Option<&[String]>) -> Option<(Header, usize)> {
    if filled(first) < 2 {
        return None;
    }
    let keys: Vec<String> = first.iter().map(|c| header_key(c)).collect();
    let first_roles: Vec<Role> = keys.iter().map(|k| classify(k)).collect();
    let name_col = first_roles.iter().position(|r| *r == Role::Name)?;
    let second = second.filter(|s| is_second_row(s, name_col));
    let width = first.len().max(second.map_or(0, |s| s.len()));
    let mut labels = Vec::with_capacity(width);
    let mut span_top = String::new();
    for c in 0..width {
        let top = keys.get(c).cloned().unwrap_or_default();
        let bottom = second
            .and_then(|s| s.get(c))
            .map(|s| header_key(s))
            .unwrap_or_default();
        if !top.is_empty() {
            span_top = top.clone();
        }
        let label = match (top.is_empty(), bottom.is_empty()) {
            (_, true) => top,
            (false, false) => format!("{top}/{bottom}"),
            (true, false) => format!("{span_top}/{bottom}"),
        };
        labels.push(label);
    }
    let mut roles: Vec<Role> = labels
        .iter()
        .enumerate()
        .map(|(c, l)| {
            let r = if c < first_roles.len() && !keys[c].is_empty() {
                first_roles[c]
            } else {
                classify(l)
            };
            match r {
                Role::Unslotted(_) | Role::Other if is_value_label(l) => match explicit_slot(l) {
                    Some(s) => Role::Value(s, sub_of(l)),
                    None => Role::Unslotted(sub_of(l)),
                },
                r => r,
            }
        })
        .collect();
    // Only the first name column names the indicator.
    for r in roles.iter_mut().skip(name_col + 1) {
        if *r == Role::Name {
            *r = Role::Other;
        }
    }
    settle_slots(&mut roles, &labels);
    if !roles.iter().any(|r| matches!(r, Role::Value(..))) {
        return None;
    }
    let year_for = |slot: Slot| {
        roles
            .iter()
            .zip(&labels)
            .filter(|(r, _)| matches!(r, Role::Value(s, _) if *s == slot))
            .find_map(|(_, l)| year_of(l))
    };
    let baseline_year = year_for(Slot::Baseline);
    let target_year = year_for(Slot::Target).or_else(|| year_for(Slot::Actual));
    let mut row_keys = vec![keys.clone()];
    if let Some(s) = second {
        row_keys.push(s.iter().map(|c| header_key(c)).collect());
    }
    let header = Header {
        columns: first.to_vec(),
        labels,
        roles,
        row_keys,
        baseline_year,
        target_year,
    };
    Some((header, if second.is_some() { 2 } else { 1 }))
}

/// Gives year-only and growth-only columns their slot: the earliest year is the baseline,
/// the latest the target; a lone `年均/累计` column completes the target.
fn settle_slots(roles: &mut [Role], labels: &[String]) {
    let taken = |roles: &[Role], slot: Slot| {
        roles
            .iter()
            .any(|r| matches!(r, Role::Value(s, Sub::Absolute) if *s == slot))
    };
    let mut years: Vec<(usize, i32)> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| **r == Role::Unslotted(Sub::Absolute))
        .filter_map(|(c, _)| year_of(&labels[c]).map(|y| (c, y)))
        .collect();
    years.sort_by_key(|&(_, y)| y);
    let has_baseline = taken(roles, Slot::Baseline);
    let has_target = taken(roles, Slot::Target);
    match (has_baseline, has_target, years.as_slice()) {
        (_, _, []) => {}
        (false, false, [(c, _)]) => roles[*c] = Role::Value(Slot::Target, Sub::Absolute),
        (false, false, [(b, _), .., (t, _)]) => {
            roles[*b] = Role::Value(Slot::Baseline, Sub::Absolute);
            roles[*t] = Role::Value(Slot::Target, Sub::Absolute);
        }
        (false, true, [(b, _), ..]) => roles[*b] = Role::Value(Slot::Baseline, Sub::Absolute),
        (true, false, [.., (t, _)]) => roles[*t] = Role::Value(Slot::Target, Sub::Absolute),
        _ => {}
    }
    for r in roles.iter_mut() {
        match *r {
            Role::Unslotted(Sub::Growth) => *r = Role::Value(Slot::Target, Sub::Growth),
            Role::Unslotted(Sub::Absolute) => *r = Role::Other,
            _ => {}
        }
    }
}

impl Header {
    pub fn col(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }

    pub fn name_col(&self) -> usize {
        self.col(Role::Name).unwrap_or(0)
    }

    /// Last column of the name zone: the name column plus the empty header cells after it
    /// (a header cell `指标` spanning the sequence and name columns).
    pub fn name_end(&self) -> usize {
        let n = self.name_col();
        let mut end = n;
        while end + 1 < self.labels.len() && self.labels[end + 1].is_empty() {
            end += 1;
        }
        end
    }

    pub fn has_slot(&self, slot: Slot) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::Value(s, _) if *s == slot))
    }

    /// Index of the last column that has a role.
    pub fn last_role_col(&self) -> usize {
        self.roles
            .iter()
            .rposition(|r| !matches!(r, Role::Other))
            .unwrap_or(0)
    }

    /// Is `cells` this header's first row again (a table continued after a page break)?
    pub fn repeats(&self, cells: &[String], row: usize) -> bool {
        let Some(keys) = self.row_keys.get(row) else {
            return false;
        };
        let a: Vec<String> = cells
            .iter()
            .map(|c| header_key(c))
            .filter(|k| !k.is_empty())
            .collect();
        let b: Vec<&String> = keys.iter().filter(|k| !k.is_empty()).collect();
        !a.is_empty() && a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
    }
}

#[cfg(test)]
#[path = "header_tests.rs"]
mod tests;

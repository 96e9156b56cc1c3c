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
    /// A year between baseline and target: an annual target.
    Annual(i32),
    /// 是否完成
    Done,
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
    /// Why each column has its role (header words; cell contents once the body is known).
    pub reasons: Vec<String>,
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
    "指标值",
];

fn is_value_label(key: &str) -> bool {
    YEAR.is_match(key) || has_any(key, VALUE_WORDS) || period_end_named(key).is_some()
}

pub(super) fn classify(key: &str) -> Role {
    if key.is_empty() {
        return Role::Other;
    }
    if key == "序号" || key == "编号" {
        return Role::Seq;
    }
    if has_any(key, &["是否完成", "完成与否", "是否达标", "是否实现"]) {
        return Role::Done;
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
    // `地区`, `县（市、区）`, `所在区域` — but `地区生产总值` names an indicator.
    if key.chars().count() <= 8
        && (key.starts_with("县")
            || ["地区", "区域", "县区", "区县", "行政区", "市(州)", "乡镇"]
                .iter()
                .any(|w| key.ends_with(w)))
    {
        return Role::Region;
    }
    if key.contains("指标值") {
        return Role::Unslotted(Sub::Absolute);
    }
    if key.contains("指标") || key == "名称" {
        return Role::Name;
    }
    if is_value_label(key) {
        return Role::Unslotted(Sub::Absolute);
    }
    Role::Other
}

/// A header cell naming an indicator: a name with its unit in parentheses.
pub fn is_indicator_label(label: &str) -> bool {
    let top = split_label(label).0;
    let parts = super::name::split_name(top);
    parts.unit.is_some() && names_more_than_a_column(&parts.name)
}

/// A merged label's top part and the rest (`主要指标值/2025年`). A `/` inside parentheses
/// belongs to a unit (`（微克/立方米）`), not to the joint.
pub fn split_label(label: &str) -> (&str, &str) {
    let mut depth = 0i32;
    for (i, c) in label.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            '/' if depth <= 0 => return (&label[..i], &label[i + 1..]),
            _ => {}
        }
    }
    (label, "")
}

/// `PM2.5年均浓度` names an indicator although it holds a value word; `年均增长`,
/// `“十四五”目标`, `2025年` name only a column: nothing is left once the column words go.
fn names_more_than_a_column(name: &str) -> bool {
    let mut rest = YEAR.replace_all(&header_key(name), "").to_string();
    for w in VALUE_WORDS
        .iter()
        .chain(&["年", "规划", "十四五", "十五五", "十三五", "末", "值"])
    {
        rest = rest.replace(w, "");
    }
    let rest: String = rest.chars().filter(|c| c.is_alphanumeric()).collect();
    rest.chars().count() >= 2 && classify(&rest) == Role::Other
}

/// A cell that names a column of an indicator table (指标, 2025年, 属性, 单位…).
pub fn is_header_word(cell: &str) -> bool {
    classify(&header_key(cell)) != Role::Other
}

/// Slot named by a value column's words, if any.
pub(super) fn explicit_slot(key: &str) -> Option<Slot> {
    if has_any(key, &["完成情况", "完成值", "实际", "实现", "完成"]) {
        Some(Slot::Actual)
    } else if has_any(
        key,
        &["基期", "基准", "基数", "基础", "现值", "现状", "基年"],
    ) || period_end_named(key).is_some()
    {
        Some(Slot::Baseline)
    } else if has_any(key, &["目标", "规划值", "预期值"]) {
        Some(Slot::Target)
    } else {
        None
    }
}

pub fn year_of(key: &str) -> Option<i32> {
    YEAR.find(key)
        .and_then(|m| m.as_str().parse().ok())
        .or_else(|| period_end_named(key))
}

/// `“十四五”末` names the last year of a period.
fn period_end_named(key: &str) -> Option<i32> {
    let p = super::title::five_year_period(key)?;
    (key.contains('末') && !key.contains("目标")).then_some(p.1)
}

fn sub_of(key: &str) -> Sub {
    let growthy = has_any(key, &["年均", "增长", "增速", "累计"]) && !key.contains("绝对值");
    let period = YEAR.find_iter(key).count() >= 2;
    if growthy && (year_of(key).is_none() || period) {
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
    let more: Vec<&[String]> = second.into_iter().collect();
    detect_rows(first, &more)
}

/// Reads a header of up to three rows: `first`, then those of `more` that continue it
/// (主要指标值 over 基期 | 目标 over 2025年 | 2030年).
pub fn detect_rows(first: &[String], more: &[&[String]]) -> Option<(Header, usize)> {
    if filled(first) < 2 || first.iter().any(|c| is_data_number(c)) {
        return None;
    }
    let keys: Vec<String> = first.iter().map(|c| header_key(c)).collect();
    let first_roles: Vec<Role> = keys.iter().map(|k| classify(k)).collect();
    let name_col = first_roles
        .iter()
        .position(|r| *r == Role::Name)
        .or_else(|| first_roles.iter().position(|r| *r == Role::Region))?;
    let below: Vec<Vec<String>> = more
        .iter()
        .take(2)
        .take_while(|s| is_second_row(s, name_col))
        .map(|s| s.iter().map(|c| header_key(c)).collect())
        .collect();
    let width = below.iter().map(Vec::len).fold(first.len(), usize::max);
    let mut rows = vec![keys.clone()];
    rows.extend(below.iter().cloned());
    let labels = merge_labels(&rows, width);
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
    // A table of regions has a column per indicator (`PM2.5年均浓度（微克/立方米）`): such a
    // column names an indicator, whatever value word its name holds.
    if first_roles[name_col] == Role::Region {
        for (r, l) in roles.iter_mut().zip(&labels) {
            if !matches!(r, Role::Region | Role::Seq | Role::Category) && is_indicator_label(l) {
                *r = Role::Other;
            }
        }
    }
    // Only the first name column names the indicator.
    for r in roles.iter_mut().skip(name_col + 1) {
        if *r == Role::Name {
            *r = Role::Other;
        }
    }
    settle_slots(&mut roles, &labels);
    let has_values = roles.iter().any(|r| matches!(r, Role::Value(..)));
    // A regional table may have one column per indicator: `耕地保有量（万亩）`.
    let regional = roles[name_col] == Role::Region
        && labels
            .iter()
            .zip(&roles)
            .any(|(l, r)| *r == Role::Other && is_indicator_label(l));
    if !has_values && !regional {
        return None;
    }
    let year_for = |slot: Slot| {
        roles
            .iter()
            .zip(&labels)
            .filter(|(r, _)| matches!(r, Role::Value(s, _) if *s == slot))
            .find_map(|(_, l)| year_of(l))
    };
    let mut baseline_year = year_for(Slot::Baseline);
    let mut target_year = year_for(Slot::Target).or_else(|| year_for(Slot::Actual));
    if regional {
        // Years under the indicators' columns (`PM2.5浓度/2025年 | /2030年`): the earliest
        // is the baseline, the latest the target.
        let mut years: Vec<i32> = labels
            .iter()
            .filter(|l| is_indicator_label(l))
            .filter_map(|l| year_of(split_label(l).1))
            .collect();
        years.sort_unstable();
        years.dedup();
        if let [first, .., last] = years.as_slice() {
            baseline_year = baseline_year.or(Some(*first));
            target_year = target_year.or(Some(*last));
        }
    }
    let used = rows.len();
    let row_keys = rows;
    let reasons = labels
        .iter()
        .zip(&roles)
        .map(|(l, r)| header_reason(l, *r))
        .collect();
    let header = Header {
        columns: first.to_vec(),
        labels,
        roles,
        row_keys,
        baseline_year,
        target_year,
        reasons,
    };
    Some((header, used))
}

/// A number that cannot head a column: not a year (1526, 151.2, 8.5).
fn is_data_number(cell: &str) -> bool {
    let t = cell.trim();
    t.parse::<f64>().is_ok() && !(t.len() == 4 && YEAR.is_match(t))
}

/// One label per column from stacked header rows: a cell spanning several columns (empty
/// cells to its right) is part of the label of every column under it.
fn merge_labels(rows: &[Vec<String>], width: usize) -> Vec<String> {
    let mut spans = vec![String::new(); rows.len()];
    (0..width)
        .map(|c| {
            let cell = |r: usize| rows[r].get(c).cloned().unwrap_or_default();
            let mut parts = Vec::new();
            for (r, span) in spans.iter_mut().enumerate() {
                let own = cell(r);
                if !own.is_empty() {
                    *span = own.clone();
                    parts.push(own);
                } else if (r + 1..rows.len()).any(|b| !cell(b).is_empty()) && !span.is_empty() {
                    parts.push(span.clone());
                }
            }
            parts.join("/")
        })
        .collect()
}

/// Gives year-only and growth-only columns their slot: the earliest year is the baseline,
/// the latest the target, the years between are annual targets; a lone `年均/累计` column
/// completes the target.
pub(super) fn settle_slots(roles: &mut [Role], labels: &[String]) {
    // `“十四五”末 | “十五五”末`: two period ends read as baselines; without a target
    // column the later one is the target.
    let ends: Vec<(usize, i32)> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| **r == Role::Value(Slot::Baseline, Sub::Absolute))
        .filter_map(|(c, _)| year_of(&labels[c]).map(|y| (c, y)))
        .collect();
    let has_target = roles.contains(&Role::Value(Slot::Target, Sub::Absolute));
    if let (false, Some(&(last, y)), Some(&(_, first))) = (
        has_target,
        ends.iter().max_by_key(|(_, y)| *y),
        ends.iter().min_by_key(|(_, y)| *y),
    ) {
        if y > first {
            roles[last] = Role::Value(Slot::Target, Sub::Absolute);
        }
    }
    let explicit_year = |roles: &[Role], slot: Slot| {
        roles
            .iter()
            .zip(labels)
            .filter(|(r, _)| matches!(r, Role::Value(s, Sub::Absolute) if *s == slot))
            .map(|(_, l)| year_of(l))
            .next()
    };
    let mut years: Vec<(usize, i32)> = roles
        .iter()
        .enumerate()
        .filter(|(_, r)| **r == Role::Unslotted(Sub::Absolute))
        .filter_map(|(c, _)| year_of(&labels[c]).map(|y| (c, y)))
        .collect();
    years.sort_by_key(|&(_, y)| y);
    let mut baseline = explicit_year(roles, Slot::Baseline);
    let mut target = explicit_year(roles, Slot::Target);
    if let (None, Some(&(c, y))) = (target, years.last()) {
        let below_baseline = baseline.flatten().is_some_and(|b| y <= b);
        if !below_baseline {
            roles[c] = Role::Value(Slot::Target, Sub::Absolute);
            target = Some(Some(y));
            years.pop();
        }
    }
    if let (None, Some(&(c, y))) = (baseline, years.first()) {
        let above_target = target.flatten().is_some_and(|t| y >= t);
        if target.is_some() && !above_target {
            roles[c] = Role::Value(Slot::Baseline, Sub::Absolute);
            baseline = Some(Some(y));
            years.remove(0);
        }
    }
    let (from, to) = (baseline.flatten(), target.flatten());
    for (c, y) in years {
        if from.is_none_or(|b| y > b) && to.is_some_and(|t| y < t) {
            roles[c] = Role::Annual(y);
        }
    }
    for r in roles.iter_mut() {
        match *r {
            Role::Unslotted(Sub::Growth) => *r = Role::Value(Slot::Target, Sub::Growth),
            Role::Unslotted(Sub::Absolute) => *r = Role::Other,
            _ => {}
        }
    }
}

/// Why a column got its role from the header alone.
fn header_reason(label: &str, role: Role) -> String {
    match role {
        Role::Other if label.is_empty() => "表头为空".to_string(),
        Role::Other => format!("表头“{label}”不是指标表的列名"),
        Role::Annual(y) => format!("表头“{label}”：{y}年在基期与目标年之间"),
        _ => format!("表头“{label}”"),
    }
}

impl Header {
    /// A header whose roles were chosen by a person.
    pub fn from_roles(labels: Vec<String>, roles: Vec<Role>, columns: Vec<String>) -> Header {
        let year_for = |slot: Slot| {
            roles
                .iter()
                .zip(&labels)
                .filter(|(r, _)| matches!(r, Role::Value(s, _) if *s == slot))
                .find_map(|(_, l)| year_of(l))
        };
        let baseline_year = year_for(Slot::Baseline);
        let target_year = year_for(Slot::Target).or_else(|| year_for(Slot::Actual));
        Header {
            row_keys: vec![labels.iter().map(|l| header_key(l)).collect()],
            reasons: vec![String::new(); roles.len()],
            columns,
            labels,
            roles,
            baseline_year,
            target_year,
        }
    }

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
        while end + 1 < self.labels.len()
            && self.labels[end + 1].is_empty()
            && self.roles[end + 1] == Role::Other
        {
            end += 1;
        }
        end
    }

    pub fn has_slot(&self, slot: Slot) -> bool {
        self.roles
            .iter()
            .any(|r| matches!(r, Role::Value(s, _) if *s == slot))
    }

    /// Index of the last column that has a role or a header text: cells beyond it are
    /// extra cells a row carries.
    pub fn last_role_col(&self) -> usize {
        self.roles
            .iter()
            .zip(&self.labels)
            .rposition(|(r, l)| !matches!(r, Role::Other) || !l.is_empty())
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

//! Regional tables with one column (or one group of year columns) per indicator: each row is
//! a county, each cell group an indicator of that county (`县（市、区） | PM2.5浓度 2025年 |
//! 2030年 | 优良天数比率 2025年 | 2030年`). Every group is read as a table of its own whose
//! rows take their name and unit from the group's header.

use super::header::{
    explicit_slot, is_indicator_label, settle_slots, split_label, year_of, Header, Role, Slot, Sub,
};
use super::lines::header_key;
use super::name::split_name;
use super::rows::{assemble, BodyLine, Row};

/// The columns of one indicator.
struct Group {
    /// The indicator's header cell as written (`PM2.5浓度（微克/立方米）`).
    label: String,
    cols: Vec<usize>,
}

/// Roles that belong to every row, whatever the indicator.
fn shared(r: Role) -> bool {
    matches!(
        r,
        Role::Region | Role::Seq | Role::Category | Role::Remark | Role::Department
    )
}

fn top_of(label: &str) -> &str {
    split_label(label).0
}

fn sub_of(label: &str) -> &str {
    split_label(label).1
}

fn groups(header: &Header) -> Vec<Group> {
    if header.col(Role::Region).is_none() || header.col(Role::Name).is_some() {
        return Vec::new();
    }
    let mut out: Vec<Group> = Vec::new();
    for (c, l) in header.labels.iter().enumerate() {
        if shared(header.roles[c]) || !is_indicator_label(l) {
            continue;
        }
        let top = top_of(l);
        match out
            .iter_mut()
            .find(|g| top_of(&header.labels[g.cols[0]]) == top)
        {
            Some(g) => g.cols.push(c),
            None => {
                let label = header
                    .columns
                    .iter()
                    .find(|raw| header_key(raw) == top)
                    .cloned()
                    .unwrap_or_else(|| top.to_string());
                out.push(Group {
                    label,
                    cols: vec![c],
                })
            }
        }
    }
    out
}

/// The header that reads one group: shared columns keep their roles, the group's columns
/// are valued by their own sub-labels (2025年 → baseline, 2030年 → target), the rest ignored.
fn group_header(header: &Header, g: &Group) -> Header {
    let n = header.roles.len();
    let mut labels = vec![String::new(); n];
    let mut roles = vec![Role::Other; n];
    for c in 0..n {
        // Other groups' columns keep their labels, unread: the row's layout must still see
        // them as the table's columns, not as extra cells.
        labels[c] = header.labels[c].clone();
        if shared(header.roles[c]) {
            roles[c] = header.roles[c];
        }
    }
    for &c in &g.cols {
        let sub = sub_of(&header.labels[c]).to_string();
        roles[c] = match explicit_slot(&sub) {
            Some(s) => Role::Value(s, Sub::Absolute),
            None if year_of(&sub).is_some() => Role::Unslotted(Sub::Absolute),
            None => Role::Value(Slot::Target, Sub::Absolute),
        };
        labels[c] = sub;
    }
    settle_slots(&mut roles, &labels);
    let mut h = Header::from_roles(labels, roles, header.columns.clone());
    h.reasons = header.reasons.clone();
    h
}

/// Rows of a regional table with one column group per indicator, or `None` when the table
/// is not one.
pub fn assemble_wide(header: &Header, body: &[BodyLine]) -> Option<Vec<Row>> {
    let groups = groups(header);
    if groups.is_empty() {
        return None;
    }
    let mut rows: Vec<(usize, Row)> = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        let h = group_header(header, g);
        let parts = split_name(&g.label);
        for mut r in assemble(&h, body) {
            r.name_raw = g.label.clone();
            r.name = parts.name.clone();
            r.unit = parts.unit.clone().or(r.unit);
            rows.push((k, r));
        }
    }
    rows.sort_by_key(|(k, r)| (r.line, *k));
    Some(rows.into_iter().map(|(_, r)| r).collect())
}

//! Roll-ups: counts by label per group (plan, category, attribute, department), and the
//! order in which indicators are listed everywhere: binding lagging ones first.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Label;
use crate::model::Attribute;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LabelCount {
    pub label: Label,
    pub count: u32,
}

/// Counts by label of one group; every label is present (zero counts included), worst first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RollUp {
    pub total: u32,
    pub counts: Vec<LabelCount>,
    /// Binding (约束性) indicators labelled 滞后 or 严重滞后.
    pub binding_lagging: u32,
}

impl RollUp {
    pub fn empty() -> Self {
        RollUp {
            total: 0,
            counts: Label::ALL
                .iter()
                .map(|&label| LabelCount { label, count: 0 })
                .collect(),
            binding_lagging: 0,
        }
    }

    pub fn add(&mut self, label: Label, attribute: Option<Attribute>) {
        self.total += 1;
        self.counts[label.index()].count += 1;
        if label.is_lagging() && attribute == Some(Attribute::Binding) {
            self.binding_lagging += 1;
        }
    }

    /// Adds another group's counts to these.
    pub fn merge(&mut self, other: &RollUp) {
        self.total += other.total;
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            mine.count += theirs.count;
        }
        self.binding_lagging += other.binding_lagging;
    }

    pub fn count(&self, label: Label) -> u32 {
        self.counts[label.index()].count
    }
}

/// A named group's roll-up (the key is the plan title, category, 约束性/预期性 or department).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GroupRollUp {
    pub key: String,
    pub rollup: RollUp,
}

/// Counts labels per group key, groups in key order of first appearance.
pub fn roll_up<'a, I>(items: I) -> Vec<GroupRollUp>
where
    I: IntoIterator<Item = (&'a str, Label, Option<Attribute>)>,
{
    let mut order: Vec<GroupRollUp> = Vec::new();
    let mut index: BTreeMap<&'a str, usize> = BTreeMap::new();
    for (key, label, attribute) in items {
        let i = *index.entry(key).or_insert_with(|| {
            order.push(GroupRollUp {
                key: key.to_string(),
                rollup: RollUp::empty(),
            });
            order.len() - 1
        });
        order[i].rollup.add(label, attribute);
    }
    order
}

/// Sort key listing binding lagging indicators first (严重滞后 before 滞后), then the other
/// lagging ones, then the rest. Use with a stable sort so that the rest keeps table order.
pub fn lagging_first(attribute: Option<Attribute>, label: Label) -> (u8, u8, u8) {
    if !label.is_lagging() {
        return (1, 0, 0);
    }
    let binding = if attribute == Some(Attribute::Binding) {
        0
    } else {
        1
    };
    let severity = if label == Label::SeverelyLagging {
        0
    } else {
        1
    };
    (0, binding, severity)
}

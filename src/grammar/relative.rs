//! Changes against a reference: 下降16%, 比2020年下降10%以上, 提高1.4岁, 比“十三五”末提高30%,
//! 增长5%左右. A change verb must be followed directly by the amount; 降至13% is a level.

use super::lexicon::CHANGE_VERBS;
use super::number::{read_number, NumberReading};
use crate::model::RelativeChange;

/// A change found in a cell: the amount as a number reading plus what it is relative to.
pub struct ChangeReading {
    pub amount: NumberReading,
    pub change: RelativeChange,
}

/// Reads the first change verb followed by an amount, if any.
pub fn read_change(s: &[char]) -> Option<ChangeReading> {
    for at in 0..s.len() {
        for (word, direction) in CHANGE_VERBS {
            let w: Vec<char> = word.chars().collect();
            if s.len() < at + w.len() || s[at..at + w.len()] != w[..] {
                continue;
            }
            let after = &s[at + w.len()..];
            let Some(amount) = read_number(after) else {
                continue;
            };
            // Only a qualifier word may stand between verb and amount (下降不低于10%).
            if amount.prefix_words {
                continue;
            }
            let reference: String = s[..at].iter().collect();
            let reference = reference.trim().to_string();
            return Some(ChangeReading {
                change: RelativeChange {
                    direction: *direction,
                    percent: amount.unit.as_deref() == Some("%"),
                    reference: (!reference.is_empty()).then_some(reference),
                },
                amount,
            });
        }
    }
    None
}

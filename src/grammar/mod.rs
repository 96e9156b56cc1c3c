//! Value grammar: one parser turns any baseline / target / actual cell into a typed
//! [`Value`] that keeps its raw text. Pure; no I/O.

use crate::model::Value;

/// Parses one cell. Never fails: text that is not a number becomes a qualitative value.
pub fn parse_value(raw: &str) -> Value {
    // Placeholder until the grammar lands (owned by the grammar work).
    let t = raw.trim();
    match t.parse::<f64>() {
        Ok(v) => Value::number(t, v),
        Err(_) if t.is_empty() => Value::empty(),
        Err(_) => Value {
            raw: t.to_string(),
            kind: crate::model::ValueKind::Qualitative,
            text: Some(t.to_string()),
            ..Value::empty()
        },
    }
}

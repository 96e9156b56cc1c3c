//! What a column holds, whichever database it came from, and the conversions to and from
//! Rust types. Both backends decode rows into [`Value`]s, so a type read from SQLite reads
//! the same from PostgreSQL (an `INTEGER` there is a `BIGINT` here, `TEXT` timestamps there
//! are `TIMESTAMPTZ` here).

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};

use super::super::{Result, StoreError};

/// One column of one row, or one bound parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
    /// A point in time, UTC. SQLite keeps it as RFC 3339 text with milliseconds.
    Time(DateTime<Utc>),
}

/// How every time is written as text: the format SQLite columns hold and PostgreSQL's
/// `TIMESTAMPTZ` values are shown in, so both read back the same string.
pub fn time_text(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads the texts SQLite holds: RFC 3339 (`…T…Z`, with or without fractions) or SQLite's
/// own `YYYY-MM-DD HH:MM:SS` (UTC).
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .map(|t| t.and_utc())
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "NULL",
            Value::Int(_) => "整数",
            Value::Real(_) => "小数",
            Value::Text(_) => "文本",
            Value::Blob(_) => "二进制",
            Value::Time(_) => "时间",
        }
    }
}

/// A Rust value that can be bound as a parameter.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

/// A Rust value that can be read from a column.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> Option<Self>;
    /// Named in the error when a column holds something else.
    const EXPECTED: &'static str;
}

/// One decoded row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub Vec<Value>);

impl Row {
    /// Column `i` as `T`; a column of another type is an error naming both types.
    pub fn get<T: FromValue>(&self, i: usize) -> Result<T> {
        let v = self.0.get(i).ok_or(StoreError::Decode {
            column: i,
            expected: T::EXPECTED,
            found: "（无此列）",
        })?;
        T::from_value(v).ok_or(StoreError::Decode {
            column: i,
            expected: T::EXPECTED,
            found: v.kind(),
        })
    }

    /// Column `i` as text borrowed in place, if it holds text.
    pub fn text(&self, i: usize) -> Option<&str> {
        match self.0.get(i) {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }

    pub fn values(&self) -> &[Value] {
        &self.0
    }
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}
macro_rules! int_to_value {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value {
                Value::Int(*self as i64)
            }
        }
    )*};
}
int_to_value!(i64, i32, u32, u16, u8, usize);
impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(*self as i64)
    }
}
impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}
impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}
impl ToValue for DateTime<Utc> {
    fn to_value(&self) -> Value {
        Value::Time(*self)
    }
}

impl FromValue for Value {
    const EXPECTED: &'static str = "任意值";
    fn from_value(v: &Value) -> Option<Self> {
        Some(v.clone())
    }
}
impl<T: FromValue> FromValue for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            v => T::from_value(v).map(Some),
        }
    }
}
macro_rules! int_from_value {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            const EXPECTED: &'static str = "整数";
            fn from_value(v: &Value) -> Option<Self> {
                match v {
                    Value::Int(i) => <$t>::try_from(*i).ok(),
                    _ => None,
                }
            }
        }
    )*};
}
int_from_value!(i64, i32, u32, u16, u8, usize);
impl FromValue for bool {
    const EXPECTED: &'static str = "是/否";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Int(i) => Some(*i != 0),
            _ => None,
        }
    }
}
impl FromValue for f64 {
    const EXPECTED: &'static str = "数值";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Real(x) => Some(*x),
            // SQLite keeps a REAL that is a whole number as such only in REAL columns;
            // an expression like `max(value)` may still hand back an integer.
            Value::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
}
impl FromValue for String {
    const EXPECTED: &'static str = "文本";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Text(s) => Some(s.clone()),
            Value::Time(t) => Some(time_text(t)),
            _ => None,
        }
    }
}
impl FromValue for Vec<u8> {
    const EXPECTED: &'static str = "二进制";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Blob(b) => Some(b.clone()),
            _ => None,
        }
    }
}
impl FromValue for DateTime<Utc> {
    const EXPECTED: &'static str = "时间";
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Time(t) => Some(*t),
            Value::Text(s) => parse_time(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_of_another_type_is_an_error_naming_both() {
        let row = Row(vec![Value::Text("x".into()), Value::Null, Value::Int(3)]);
        let e = row.get::<i64>(0).unwrap_err().to_string();
        assert!(e.contains("整数") && e.contains("文本"), "{e}");
        assert_eq!(row.get::<Option<i64>>(1).unwrap(), None);
        assert_eq!(row.get::<f64>(2).unwrap(), 3.0);
        assert!(row.get::<u8>(2).is_ok() && row.get::<i64>(5).is_err());
    }

    #[test]
    fn times_read_the_same_from_text_and_from_a_timestamp() {
        let t = parse_time("2026-11-30T12:00:01.250Z").unwrap();
        assert_eq!(
            String::from_value(&Value::Time(t)).unwrap(),
            "2026-11-30T12:00:01.250Z"
        );
        assert_eq!(parse_time("2026-11-30 12:00:01.25"), Some(t));
        assert_eq!(parse_time("2026-11-30T12:00:01.250+00:00"), Some(t));
        assert_eq!(parse_time("昨天"), None);
    }
}

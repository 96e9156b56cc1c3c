use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A reporting period: a year, or a quarter of a year. Written `2025` or `2025Q3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, TS)]
#[ts(type = "string")]
pub enum Period {
    Year(i32),
    Quarter(i32, u8),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("无法识别的期间“{0}”：应为年份（如 2025）或季度（如 2025Q3）")]
pub struct PeriodParseError(pub String);

impl Period {
    pub fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) => y,
        }
    }

    pub fn quarter(self) -> Option<u8> {
        match self {
            Period::Year(_) => None,
            Period::Quarter(_, q) => Some(q),
        }
    }

    /// Position on a continuous time axis, measured at the end of the period, where the end
    /// of year Y is Y (a plan's baseline year-end is its origin): 2025 → 2025.0,
    /// 2025Q3 → 2024.75, 2025Q4 → 2025.0.
    pub fn as_year_fraction(self) -> f64 {
        match self {
            Period::Year(y) => y as f64,
            Period::Quarter(y, q) => (y - 1) as f64 + q as f64 / 4.0,
        }
    }

    /// Human label: 2025年 / 2025年第三季度.
    pub fn label_zh(self) -> String {
        match self {
            Period::Year(y) => format!("{y}年"),
            Period::Quarter(y, q) => {
                let n = ["一", "二", "三", "四"][(q.clamp(1, 4) - 1) as usize];
                format!("{y}年第{n}季度")
            }
        }
    }
}

impl Ord for Period {
    /// Chronological; a year sorts after its own fourth quarter.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |p: &Period| (p.year(), p.quarter().unwrap_or(5));
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}Q{q}"),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let err = || PeriodParseError(s.to_string());
        let (year, quarter) = match t.find(['Q', 'q']) {
            Some(i) => (&t[..i], Some(&t[i + 1..])),
            None => (t, None),
        };
        let y: i32 = year.parse().map_err(|_| err())?;
        if !(1900..=2200).contains(&y) {
            return Err(err());
        }
        match quarter {
            None => Ok(Period::Year(y)),
            Some(q) => match q.parse::<u8>() {
                Ok(q @ 1..=4) => Ok(Period::Quarter(y, q)),
                _ => Err(err()),
            },
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_years_and_quarters() {
        assert_eq!("2025".parse::<Period>(), Ok(Period::Year(2025)));
        assert_eq!("2025Q3".parse::<Period>(), Ok(Period::Quarter(2025, 3)));
        assert_eq!(Period::Quarter(2025, 3).to_string(), "2025Q3");
        assert!("2025Q5".parse::<Period>().is_err());
        assert!("abc".parse::<Period>().is_err());
        assert_eq!(Period::Quarter(2025, 3).label_zh(), "2025年第三季度");
    }

    #[test]
    fn quarters_order_within_and_across_years() {
        assert!(Period::Quarter(2025, 4) < Period::Quarter(2026, 1));
        assert!(Period::Quarter(2025, 4) < Period::Year(2025));
        assert!(Period::Year(2025) < Period::Quarter(2026, 1));
        assert!((Period::Quarter(2025, 2).as_year_fraction() - 2024.5).abs() < 1e-9);
    }
}

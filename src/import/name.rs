//! Indicator names: sequence prefixes, units in parentheses, units written inside value
//! cells, and category headings (`一、经济发展`).

use std::sync::LazyLock;

use regex::Regex;

use super::lines::despace;

static SEQ_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    // `1.` / `1、` / `（1）` — but not `1.1级`, which is part of the name.
    Regex::new(r"^\s*(?:(\d{1,3})\s*[.、．](?:\s|[^\d])|[（(]\s*(\d{1,3})\s*[)）])").unwrap()
});
static HEADING_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[)）])\s*",
    )
    .unwrap()
});
static SEQ_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,3}[.、．]?|[（(]\d{1,3}[)）])$").unwrap());
static CELL_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[^\d]*?[<>≤≥＜＞]?\s*[\[〔【]?\s*\d+(?:\.\d+)?\s*([^\d\s\]〕】]+?)\s*[\]〕】]?\s*(?:以上|以下|以内|左右)?$",
    )
    .unwrap()
});

/// Characters that units are made of. A parenthesis holding anything else (`（市）`,
/// `(EQI)`, `（国家级）`) is part of the name, not a unit.
const UNIT_CHARS: &str = "%‰万亿千百十元美人次户岁年月日天时件个张所项套辆台座家吨克斤米平方立公里亩顷标准煤瓦度床位册部篇起枚只头条处份株棵微毫升小每/·²³";

pub fn is_unit(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > 12 || s == "/" {
        return false;
    }
    if s == "百分点" || s == "个百分点" {
        return true;
    }
    let mut has_non_ascii_or_sign = false;
    // Digits only in a denominator (`人/10万人`, `1/10万`): a number before any `/` is a
    // value.
    let s = s.strip_prefix("1/").unwrap_or(s);
    let mut after_slash = false;
    for c in s.chars() {
        after_slash |= c == '/';
        let ok = UNIT_CHARS.contains(c)
            || (after_slash && c.is_ascii_digit())
            || c.is_ascii_lowercase()
            || matches!(c, 'W' | 'M' | 'G' | 'K' | 'J' | 'V' | 'A' | 'T');
        if !ok {
            return false;
        }
        if !c.is_ascii_alphanumeric() {
            has_non_ascii_or_sign = true;
        }
    }
    has_non_ascii_or_sign || s.len() <= 3
}

/// A cell holding only a sequence number (`7`, `7.`, `（7）`).
pub fn is_seq_cell(s: &str) -> bool {
    SEQ_CELL.is_match(s.trim())
}

/// Normalises a sequence cell: `7.` → `7`, `（7）` → `7`.
pub fn seq_of(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| matches!(c, '.' | '、' | '．' | '（' | '）' | '(' | ')'))
        .to_string()
}

/// A category heading such as `一、经济发展` or `（二）创新驱动`.
pub fn is_heading(s: &str) -> bool {
    HEADING_PREFIX.is_match(s)
}

/// Cleans a category cell: numbering and stray spaces removed.
pub fn clean_category(s: &str) -> String {
    let s = HEADING_PREFIX.replace(s.trim(), "");
    despace(&s)
}

/// A name cell split into its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct NameParts {
    pub seq: Option<String>,
    pub name: String,
    pub unit: Option<String>,
}

/// `13. 其中：农村劳动力技能培训人数（万人）` → seq 13, name, unit 万人.
pub fn split_name(raw: &str) -> NameParts {
    let mut rest = raw.trim().to_string();
    let mut seq = None;
    if let Some(m) = SEQ_PREFIX.captures(&rest) {
        let n = m.get(1).or(m.get(2)).map(|g| g.as_str().to_string());
        let whole = m.get(0).unwrap();
        // The `[^\d]` alternative consumed the first character of the name: keep it.
        let cut = if m.get(1).is_some() {
            let prefix = &rest[..whole.end()];
            let last = prefix.chars().last().unwrap_or(' ');
            if last.is_whitespace() {
                whole.end()
            } else {
                whole.end() - last.len_utf8()
            }
        } else {
            whole.end()
        };
        seq = n;
        rest = rest[cut..].trim().to_string();
    }
    let name = despace(&rest);
    let (name, unit) = split_unit(&name);
    NameParts { seq, name, unit }
}

/// Splits a trailing `（unit）` off a (despaced) name.
fn split_unit(name: &str) -> (String, Option<String>) {
    let trimmed = name.trim_end();
    let Some(close) = trimmed.chars().last().filter(|c| matches!(c, ')' | '）')) else {
        return (name.to_string(), None);
    };
    let body = &trimmed[..trimmed.len() - close.len_utf8()];
    let Some(open) = body.rfind(['(', '（']) else {
        return (name.to_string(), None);
    };
    let inner = &body[open
        + if body[open..].starts_with('(') {
            1
        } else {
            '（'.len_utf8()
        }..];
    if is_unit(inner) {
        let head = body[..open].trim_end().to_string();
        if !head.is_empty() {
            return (head, Some(inner.trim().to_string()));
        }
    }
    (name.to_string(), None)
}

/// The unit written inside a value cell: `2.49万张` → 万张, `≥60%` → %, `力争达到8人` → 人.
/// Relative statements (`比2020年下降10%`) carry no unit of the indicator.
pub fn unit_in_cell(raw: &str) -> Option<String> {
    // `>1.3万亿元，年均增速高于…`: the value is the first clause.
    let first = raw.split(['，', ',', '；', ';']).next().unwrap_or(raw);
    let caps = CELL_UNIT.captures(first.trim())?;
    let unit = caps.get(1)?.as_str().trim();
    is_unit(unit).then(|| unit.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sequence_and_unit() {
        let p = split_name("13. 其中：农村劳动力技能培训人数（万人）");
        assert_eq!(p.seq.as_deref(), Some("13"));
        assert_eq!(p.name, "其中：农村劳动力技能培训人数");
        assert_eq!(p.unit.as_deref(), Some("万人"));
        let p = split_name("1.细颗粒物（PM _{2.5} ）浓度（微克/立方米）");
        assert_eq!(
            (p.seq.as_deref(), p.name.as_str()),
            (Some("1"), "细颗粒物（PM2.5）浓度")
        );
        assert_eq!(p.unit.as_deref(), Some("微克/立方米"));
    }

    #[test]
    fn keeps_numbers_that_belong_to_the_name() {
        let p = split_name("1.1级、1.2级生产工房操作人员数量(人)");
        assert_eq!(p.seq, None);
        assert_eq!(p.name, "1.1级、1.2级生产工房操作人员数量");
        assert_eq!(
            split_name("3岁以下儿童系统管理率").name,
            "3岁以下儿童系统管理率"
        );
    }

    #[test]
    fn parentheses_that_are_not_units_stay() {
        assert_eq!(split_name("生态质量指数(EQI)").unit, None);
        assert_eq!(split_name("控制和消除重大地方病的县（市、区）").unit, None);
        assert_eq!(
            split_name("研究与试验发展(R&D)经费投入强度(%)").name,
            "研究与试验发展(R&D)经费投入强度"
        );
        assert_eq!(
            split_name("放射源辐射事故年发生率（起/每万枚）")
                .unit
                .as_deref(),
            Some("起/每万枚")
        );
    }

    #[test]
    fn finds_units_inside_cells() {
        assert_eq!(unit_in_cell("2.49万张").as_deref(), Some("万张"));
        assert_eq!(unit_in_cell("≥60%").as_deref(), Some("%"));
        assert_eq!(unit_in_cell("力争达到8人").as_deref(), Some("人"));
        assert_eq!(unit_in_cell("比2020年下降10%以上"), None);
        assert_eq!(unit_in_cell(">3000"), None);
        assert_eq!(unit_in_cell("1（国家级）"), None);
        assert_eq!(unit_in_cell("5%左右").as_deref(), Some("%"));
    }

    #[test]
    fn reads_headings_and_sequence_cells() {
        assert!(is_heading("一、经济发展"));
        assert_eq!(clean_category("二、创新 驱动"), "创新驱动");
        assert!(is_seq_cell("12") && is_seq_cell("（3）") && !is_seq_cell("2025年"));
        assert_eq!(seq_of("7."), "7");
    }
}

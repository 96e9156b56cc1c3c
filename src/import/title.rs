//! Table titles, kinds and the years named by titles (“十三五” → 2016–2020).

use std::sync::LazyLock;

use regex::Regex;

use super::header::{Header, Role, Slot};
use super::lines::{split_cells, strip_tags};
use crate::model::TableKind;

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年").unwrap()
});

/// A title longer than this is a paragraph, not a title.
const MAX_TITLE_CHARS: usize = 80;

fn digit(c: &str) -> i32 {
    "一二三四五六七八九"
        .chars()
        .position(|d| c.starts_with(d))
        .map_or(0, |p| p as i32 + 1)
}

/// Period of the five-year plan named in `text` (“十四五” → 2021–2025), if any. From the
/// sixth plan (1981–1985) on, the plans run in regular five-year steps.
pub fn five_year_period(text: &str) -> Option<(i32, i32)> {
    let caps = ORDINAL.captures(text)?;
    let d = caps.get(1).or(caps.get(2))?.as_str();
    let n = 10 + digit(d);
    let start = 1981 + 5 * (n - 6);
    Some((start, start + 4))
}

fn looks_like_title(s: &str) -> bool {
    let n = s.chars().count();
    n > 0 && n <= MAX_TITLE_CHARS && !s.ends_with('。')
}

/// The table's title: the nearest non-blank line above the header when it reads like a
/// title, else a nearby short line naming a table (表/专栏/指标). Returns the title and its
/// 0-based line.
pub fn find_title(lines: &[&str], header_idx: usize) -> Option<(String, usize)> {
    let mut seen = 0;
    let mut i = header_idx;
    while i > 0 && seen < 4 {
        i -= 1;
        let line = lines[i];
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        let first = split_cells(&strip_tags(line))
            .into_iter()
            .find(|c| !c.is_empty());
        let Some(text) = first else { continue };
        let text = text.trim_end_matches([':', '：']).trim().to_string();
        // `单位：亿立方米` between a title and its table says the unit, not the title.
        if text.starts_with("单位") && text.contains(['：', ':']) {
            seen -= 1;
            continue;
        }
        if seen == 1 && looks_like_title(&text) {
            return Some((text, i));
        }
        if looks_like_title(&text) && ["表", "专栏", "指标"].iter().any(|w| text.contains(w)) {
            return Some((text, i));
        }
    }
    None
}

static TABLE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:附?表|专栏)\s*[\d一二三四五六七八九十]+(?:[-－—.]\d+)?[:：\s\u{3000}]*")
        .unwrap()
});
static REGION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:各|分)?(?:县[（(]市、?区[)）]|县[（(]市[)）]|县[（(]区[)）]|县市区|县区|区县|乡镇[（(]街道[)）]|乡镇|地区|区域)(?:的)?").unwrap()
});
static SUBJECT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:控制|年度)?(?:目标|指标)?(?:分解表|分解|一览表|表)?$").unwrap()
});

/// What a regional table is about when it has no name column: its title without the table
/// number, the region words and 目标/分解表 (`表2 各县（市、区）用水总量控制目标` → 用水总量).
pub fn subject_of(title: &str) -> Option<String> {
    let t = TABLE_NUMBER.replace(title.trim(), "");
    let t = REGION_WORDS.replace(t.trim(), "");
    let t = SUBJECT_TAIL.replace(t.trim(), "");
    let t = t.trim().trim_start_matches(['“', '"']).to_string();
    (!t.is_empty()).then_some(t)
}

/// What the table is for: reviewing the previous plan, a per-county breakdown, or targets.
pub fn kind_of(title: &str, header: &Header) -> TableKind {
    if header.col(Role::Region).is_some() {
        TableKind::RegionalBreakdown
    } else if header.has_slot(Slot::Actual) || title.contains("完成情况") {
        TableKind::CompletionReview
    } else {
        TableKind::Targets
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::header::detect;

    #[test]
    fn reads_five_year_periods() {
        assert_eq!(five_year_period("“十三五”规划"), Some((2016, 2020)));
        assert_eq!(five_year_period("十四五"), Some((2021, 2025)));
        assert_eq!(five_year_period("第十五个五年规划"), Some((2026, 2030)));
        assert_eq!(five_year_period("规划"), None);
    }

    #[test]
    fn finds_titles_above_headers() {
        let lines = vec!["正文。", "", "表 1 主要指标", "", "指标\t2020年\t2025年"];
        assert_eq!(
            find_title(&lines, 4),
            Some(("表 1 主要指标".to_string(), 2))
        );
        let lines = vec![
            "“十五五”时期主要指标",
            "出处：一段很长的说明文字，到此为止。",
            "指标\t2025年",
        ];
        assert_eq!(find_title(&lines, 2).map(|t| t.1), Some(0));
        let lines = vec![
            "专栏1 “十三五”规划主要指标完成情况表\t\t\t",
            "类别\t规划指标\t规划目标",
        ];
        assert_eq!(
            find_title(&lines, 1).unwrap().0,
            "专栏1 “十三五”规划主要指标完成情况表"
        );
    }

    #[test]
    fn reads_the_subject_of_a_regional_table() {
        assert_eq!(
            subject_of("表2　各县（市、区）用水总量控制目标").as_deref(),
            Some("用水总量")
        );
        assert_eq!(
            subject_of("表3 分县区森林覆盖率目标分解表").as_deref(),
            Some("森林覆盖率")
        );
    }

    #[test]
    fn tells_table_kinds_apart() {
        let c = |s: &str| split_cells(s);
        let (h, _) = detect(&c("类别\t规划指标\t规划目标\t规划目标完成情况\t属性"), None).unwrap();
        assert_eq!(kind_of("专栏1", &h), TableKind::CompletionReview);
        let (h, _) = detect(&c("县（市、区）\t指标\t2025年"), None).unwrap();
        assert_eq!(kind_of("分解表", &h), TableKind::RegionalBreakdown);
        let (h, _) = detect(&c("指标\t2025年\t2030年\t属性"), None).unwrap();
        assert_eq!(kind_of("主要指标", &h), TableKind::Targets);
    }
}

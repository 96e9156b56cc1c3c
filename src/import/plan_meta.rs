//! Plans named in a document: the notice that issues a plan (…关于印发X的通知, its 文号 and
//! date), or a plan's own title line; with issuer, document number, date and period.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::lines::{despace, is_tab_row, MAX_ROW_CHARS};
use super::title::five_year_period;

static NOTICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.{2,40}?)关于印发(.{4,100})的通知$").unwrap());
static DOC_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{Han}]{1,10}〔\d{4}〕\s*\d+\s*号").unwrap());
static DATE_CN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").unwrap());
static DATE_ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})-(\d{1,2})-(\d{1,2})").unwrap());
static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*年?").unwrap());
static PLAN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.{4,70}?(?:规划|纲要|计划|方案|要点))([（(][^（）()]*[)）])?$").unwrap()
});
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}]{2,30}(?:人民政府|办公室|办公厅|委员会|国务院|部|厅|局)$").unwrap()
});

/// A plan found in the text, with the 0-based line where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMeta {
    pub line: usize,
    pub title: String,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub issue_date: Option<NaiveDate>,
    pub period: Option<(i32, i32)>,
}

fn date_in(s: &str) -> Option<NaiveDate> {
    let caps = DATE_CN.captures(s).or_else(|| DATE_ISO.captures(s))?;
    let n = |i: usize| caps.get(i)?.as_str().parse::<u32>().ok();
    NaiveDate::from_ymd_opt(n(1)? as i32, n(2)?, n(3)?)
}

fn doc_number_in(s: &str) -> Option<String> {
    // Prefer the number of the issuing act (…印发(X〔2026〕4号)) over numbers it cites.
    let after = s.find("印发").map_or(s, |p| &s[p..]);
    DOC_NUMBER
        .find(after)
        .or_else(|| DOC_NUMBER.find(s))
        .map(|m| m.as_str().split_whitespace().collect())
}

/// The period a plan title names: `（2021—2025年）`, “十四五”, 第十四个五年.
pub fn period_of(title: &str) -> Option<(i32, i32)> {
    if let Some(c) = YEAR_RANGE.captures(title) {
        let a: i32 = c[1].parse().ok()?;
        let b: i32 = c[2].parse().ok()?;
        if (1950..2200).contains(&a) && a < b && b - a <= 15 {
            return Some((a, b));
        }
    }
    five_year_period(title)
}

/// Is `line` the title of a plan (a short line ending in 规划/纲要/计划/…, naming a period)?
fn plan_title(line: &str) -> Option<String> {
    let t = despace(line);
    if t.contains('。') || t.contains('，') || t.starts_with('《') || t.starts_with('第') {
        return None;
    }
    let caps = PLAN_TITLE.captures(&t)?;
    let head = caps.get(1)?.as_str();
    let named_period = period_of(&t).is_some() || head.contains("五年");
    // A period in parentheses belongs to the title; a document number does not.
    let title = match caps.get(2) {
        Some(p) if !p.as_str().contains('〔') && !p.as_str().contains('号') => t.clone(),
        _ => head.to_string(),
    };
    named_period.then_some(title)
}

fn notice(line: &str) -> Option<(String, String)> {
    if line.contains('\t') {
        return None; // a table-of-contents entry ends with a TAB and a page number
    }
    let t = despace(line).replace(' ', "");
    let caps = NOTICE.captures(&t)?;
    Some((caps[1].to_string(), caps[2].to_string()))
}

/// Does `line` say this plan was issued (印发), rather than cite another act (《…关于印发…》)?
fn issues_here(line: &str) -> bool {
    if line.len() > MAX_ROW_CHARS {
        return false;
    }
    let Some(p) = line.find("印发") else {
        return false;
    };
    let before = &line[..p];
    before.matches('《').count() <= before.matches('》').count()
}

/// Finds the plans of a document, in order of appearance.
pub fn find_plans(lines: &[&str]) -> Vec<PlanMeta> {
    let mut plans: Vec<PlanMeta> = Vec::new();
    let mut has_notice = false;
    for (i, raw) in lines.iter().enumerate() {
        if raw.len() > MAX_ROW_CHARS || is_tab_row(raw) || raw.trim().is_empty() {
            continue;
        }
        if let Some((issuer, title)) = notice(raw) {
            has_notice = true;
            let mut meta = PlanMeta {
                line: i,
                period: period_of(&title),
                title,
                issuer: Some(issuer),
                doc_number: None,
                issue_date: None,
            };
            for l in lines.iter().skip(i + 1).take(16) {
                let t = l.trim();
                if meta.doc_number.is_none() && t.chars().count() <= 30 {
                    meta.doc_number = DOC_NUMBER.find(t).map(|m| m.as_str().replace(' ', ""));
                }
                if meta.issue_date.is_none() && t.chars().count() <= 20 {
                    meta.issue_date = date_in(t);
                }
            }
            plans.push(meta);
            continue;
        }
        let Some(title) = plan_title(raw) else {
            continue;
        };
        // The plan's own title right after its notice: the same plan, starting here.
        if let Some(last) = plans.last_mut() {
            if i - last.line <= 20 && (title == last.title || last.title.contains(&title)) {
                last.line = i;
                continue;
            }
        }
        // Where plans are issued by notices, other title-like lines are headings.
        if has_notice {
            continue;
        }
        let full = despace(raw);
        let nearby: Vec<&str> = lines.iter().skip(i + 1).take(3).copied().collect();
        let mut meta = PlanMeta {
            line: i,
            period: period_of(&full),
            doc_number: doc_number_in(&full),
            issue_date: None,
            issuer: None,
            title,
        };
        for l in nearby.iter().filter(|l| issues_here(l)) {
            meta.doc_number = meta.doc_number.or_else(|| doc_number_in(l));
            meta.issue_date = meta.issue_date.or_else(|| date_in(l));
        }
        if plans.is_empty() {
            // A cover page before the first plan names the issuer.
            meta.issuer = lines[..i]
                .iter()
                .take(40)
                .map(|l| despace(l).replace(' ', ""))
                .find(|l| ISSUER.is_match(l));
        }
        plans.push(meta);
    }
    plans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_notice_and_its_plan() {
        let text = "许昌市人民政府 关于印发许昌市“十四五”水安全保障和 水生态环境保护规划的通知\n\n许政〔2022〕34号\n\n各部门：\n\n许昌市人民政府\n2022年8月18日\n\n许昌市“十四五”水安全保障和水生态环境保护规划\n";
        let lines: Vec<&str> = text.lines().collect();
        let plans = find_plans(&lines);
        assert_eq!(plans.len(), 1);
        let p = &plans[0];
        assert_eq!(p.title, "许昌市“十四五”水安全保障和水生态环境保护规划");
        assert_eq!(p.issuer.as_deref(), Some("许昌市人民政府"));
        assert_eq!(p.doc_number.as_deref(), Some("许政〔2022〕34号"));
        assert_eq!(p.issue_date, NaiveDate::from_ymd_opt(2022, 8, 18));
        assert_eq!(p.period, Some((2021, 2025)));
        assert_eq!(p.line, 9);
    }

    #[test]
    fn reads_a_standalone_plan_title() {
        let text = "\n平顶山市人民政府\n\n某市“十五五”生态环境保护规划\n\n正文。";
        let lines: Vec<&str> = text.lines().collect();
        let plans = find_plans(&lines);
        assert_eq!(plans[0].title, "某市“十五五”生态环境保护规划");
        assert_eq!(plans[0].period, Some((2026, 2030)));
        assert_eq!(plans[0].issuer.as_deref(), Some("平顶山市人民政府"));
        let lines = vec!["林业草原保护利用“十五五”规划(林规发〔2026〕23号)"];
        let p = &find_plans(&lines)[0];
        assert_eq!(p.title, "林业草原保护利用“十五五”规划");
        assert_eq!(p.doc_number.as_deref(), Some("林规发〔2026〕23号"));
    }

    #[test]
    fn ignores_document_numbers_of_cited_acts() {
        let lines = vec!["某市“十四五”生态环境保护规划", "", "根据《国务院关于印发“十四五”生态环境保护规划的通知》（国发〔2021〕31号），制定本规划。"];
        assert_eq!(find_plans(&lines)[0].doc_number, None);
        let lines = vec![
            "就业“十五五”规划",
            "国发〔2026〕16号，国务院 2026-06-11 印发。",
        ];
        let p = &find_plans(&lines)[0];
        assert_eq!(p.doc_number.as_deref(), Some("国发〔2026〕16号"));
        assert_eq!(p.issue_date, NaiveDate::from_ymd_opt(2026, 6, 11));
    }

    #[test]
    fn reads_periods_from_year_ranges() {
        assert_eq!(
            period_of("残疾预防行动计划（2022—2025年）"),
            Some((2022, 2025))
        );
        assert_eq!(period_of("第十四个五年规划"), Some((2021, 2025)));
        assert_eq!(plan_title("第一章 规划基础"), None);
        assert_eq!(plan_title("（三）规划目标"), None);
    }

    #[test]
    fn skips_table_of_contents_entries() {
        let lines = vec!["许昌市人民政府关于印发许昌市“十四五”规划的通知\t1"];
        assert!(find_plans(&lines).is_empty());
    }
}

//! Bad input never panics: empty text, binary files, prose, truncated tables, absurd lines,
//! random bytes. Each gives a typed error or an empty result.

use std::path::PathBuf;

use zhibiao::import::{decode, extract, DecodeError, ImportError};

const TABLE: &str =
    "表 1 主要指标\n\n指标分类\t序号\t指标名称\t2020 年 (基准值)\t2025 年\t指标性质\n\
环境质量改善\t1\tPM _{2.5} 浓度 (微克/立方米)\t51\t完成省定目标\t约束性\n\
\t2\t空气质量优良天数比率 (%)\t72.1\t完成省定目标\t约束性\n\
生态保护\t3\t森林覆盖率（%）\t25.1\t[0.8]\t约束性\n";

/// Tiny deterministic generator, so failures can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u8 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u8
    }
}

#[test]
fn empty_text_is_a_typed_error() {
    assert!(matches!(extract(""), Err(ImportError::Empty)));
    assert!(matches!(extract(" \n\t\r\n "), Err(ImportError::Empty)));
    assert!(ImportError::Empty.to_string().contains("空"));
}

#[test]
fn binary_files_are_refused_by_decode() {
    let png = [
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
    ];
    assert_eq!(decode(&png), Err(DecodeError::Binary));
    let err = ImportError::from(DecodeError::Binary);
    assert!(!err.to_string().is_empty());
}

#[test]
fn prose_has_no_tables() {
    let doc = extract("第一章 总则\n\n为推进高质量发展，制定本规划。\n\n目 录\t3\n").unwrap();
    assert!(doc.tables.is_empty());
}

#[test]
fn a_project_list_is_not_a_table() {
    let text = "专栏1 绿色发展工程\n序号\t项目名称\t建设内容\t指标\n1\t污水处理厂\t新建管网\t\n";
    assert!(extract(text).unwrap().tables.is_empty());
}

#[test]
fn the_sample_table_is_read() {
    let doc = extract(TABLE).unwrap();
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(doc.tables[0].indicators.len(), 3);
}

#[test]
fn truncated_tables_give_what_is_there() {
    let full = extract(TABLE).unwrap().tables[0].indicators.len();
    let mut cuts = 0;
    for (i, _) in TABLE.char_indices() {
        let doc = match extract(&TABLE[..i]) {
            Ok(doc) => doc,
            Err(ImportError::Empty) => continue,
            Err(e) => panic!("unexpected error at cut {i}: {e}"),
        };
        let rows: usize = doc.tables.iter().map(|t| t.indicators.len()).sum();
        assert!(rows <= full, "cut {i} made {rows} rows out of {full}");
        cuts += 1;
    }
    assert!(cuts > 100);
}

#[test]
fn truncated_seed_documents_never_panic() {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/demo/pingdingshan-eco-plan-2022.txt");
    let text = decode(&std::fs::read(seed).expect("seed")).expect("decodes");
    let lines: Vec<&str> = text.lines().collect();
    let whole = extract(&text).unwrap().tables.len();
    for n in (0..lines.len()).step_by(7) {
        let doc = extract(&lines[..n].join("\n")).unwrap_or_else(|_| {
            zhibiao::import::ExtractedDocument {
                plans: Vec::new(),
                tables: Vec::new(),
            }
        });
        assert!(doc.tables.len() <= whole);
    }
}

#[test]
fn absurdly_long_lines_are_survived() {
    let long_cell = "很".repeat(400_000);
    let text = format!(
        "{TABLE}\t4\t{long_cell}\t1\t2\t预期性\n{}\n",
        "\t".repeat(1_000_000)
    );
    let doc = extract(&text).unwrap();
    assert!(doc
        .tables
        .iter()
        .all(|t| t.indicators.iter().all(|r| r.name.len() < 100_000)));
    let one_line = "指标".repeat(600_000);
    assert!(extract(&one_line).unwrap().tables.is_empty());
}

#[test]
fn random_bytes_never_panic() {
    for seed in 1..40u64 {
        let mut rng = Lcg(seed);
        let len = 200 + (seed as usize * 97) % 5000;
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.next()).collect();
        // Half of the runs: text-like bytes, so the importer rather than decode sees them.
        if seed % 2 == 0 {
            let alphabet = [
                "\t",
                "\n",
                "指标",
                "2025年",
                "—",
                "[",
                "]",
                "1",
                "约束性",
                "（%）",
                " ",
                "注：",
            ];
            bytes = (0..len)
                .map(|_| alphabet[rng.next() as usize % alphabet.len()])
                .collect::<String>()
                .into_bytes();
        }
        match decode(&bytes) {
            Ok(text) => {
                let _ = extract(&text);
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn a_hundred_thousand_tabs_are_survived() {
    // On one line, and spread over many short lines.
    let one_line = format!("指标\t2025年\t2030年\t属性\n{}\n", "\t".repeat(100_000));
    let doc = extract(&one_line).unwrap();
    assert!(doc.tables.iter().all(|t| t.indicators.is_empty()) || doc.tables.is_empty());
    let many = format!("{TABLE}{}", "\t\n".repeat(100_000));
    let doc = extract(&many).unwrap();
    assert_eq!(doc.tables[0].indicators.len(), 3);
    let cells = format!("{TABLE}{}", "约束性\t".repeat(100_000));
    assert!(extract(&cells).is_ok());
}

#[test]
fn a_ten_megabyte_line_is_survived() {
    let line = "2025年  ".repeat(10 * 1024 * 1024 / 9);
    let text = format!("{TABLE}{line}\n指标\n单位\n属性\n{line}\n");
    let doc = extract(&text).unwrap();
    assert_eq!(doc.tables[0].indicators.len(), 3);
}

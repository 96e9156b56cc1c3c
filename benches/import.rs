//! Import benchmark: prints figures, asserts nothing about time.
//!
//! `cargo bench --bench import`: extraction of a generated 200-page document (about 1 MB of
//! text with 40 indicator tables in TAB, space-aligned, `|` and one-cell-per-line forms
//! between paragraphs of prose); min and median in milliseconds. Goal (issue 11): < 50 ms.

use std::fmt::Write;
use std::time::{Duration, Instant};

use zhibiao::import::extract;

const RUNS: usize = 20;
const TABLES: usize = 40;
const TARGET_BYTES: usize = 1024 * 1024;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn prose(out: &mut String, n: usize) {
    for i in 0..n {
        let _ = writeln!(
            out,
            "　　第{i}段：坚持以高质量发展为主题，统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设，全面提升城市综合竞争力和人民群众获得感、幸福感、安全感。"
        );
    }
}

fn table(out: &mut String, t: usize) {
    let base = 2020 + (t % 3) as i32 * 5;
    let target = base + 5;
    let _ = writeln!(out, "表{t}　某市“十五五”第{t}组主要指标");
    match t % 4 {
        0 => {
            let _ = writeln!(out, "类别\t序号\t指标\t单位\t{base}年\t{target}年\t属性");
            for r in 0..20 {
                let cat = if r % 5 == 0 { "经济发展" } else { "" };
                let _ = writeln!(
                    out,
                    "{cat}\t{r}\t指标{t}-{r}名称\t%\t{}.5\t≥{}\t{}",
                    r + 10,
                    r + 12,
                    if r % 2 == 0 { "约束性" } else { "预期性" }
                );
            }
        }
        1 => {
            let _ = writeln!(
                out,
                "  序号  指标名称                  {base}年基础   {target}年目标   单位      属性"
            );
            for r in 0..20 {
                let _ = writeln!(
                    out,
                    "  {r:<4}  指标{t:<3}第{r:<3}项名称          {:<10}  {:<12}  %         预期性",
                    r + 1,
                    r + 2
                );
            }
        }
        2 => {
            let _ = writeln!(out, "| 指标 | 单位 | {base}年 | {target}年 | 属性 |");
            let _ = writeln!(out, "|---|---|---|---|---|");
            for r in 0..20 {
                let _ = writeln!(out, "| 指标{t}之{r} | 万人 | {} | <{} | 约束性 |", r, r + 3);
            }
        }
        _ => {
            for h in ["指标名称", "单位", "指标属性", "基期值", "目标值"] {
                let _ = writeln!(out, "{h}");
            }
            for r in 0..20 {
                let _ = writeln!(out, "指标{t}号{r}\n个\n预期性\n{}\n{}", r, r * 2);
            }
        }
    }
    let _ = writeln!(out, "注：〔〕内为五年累计数。");
}

fn document() -> String {
    let mut out = String::with_capacity(TARGET_BYTES + 64 * 1024);
    out.push_str("某市国民经济和社会发展第十五个五年规划纲要\n\n");
    let per_gap = 40;
    let mut t = 0;
    while out.len() < TARGET_BYTES {
        prose(&mut out, per_gap);
        if t < TABLES {
            table(&mut out, t);
            t += 1;
        }
    }
    out
}

fn main() {
    let text = document();
    let doc = extract(&text).expect("extracts");
    let rows: usize = doc.tables.iter().map(|t| t.indicators.len()).sum();
    println!(
        "generated document: {:.2} MiB, {} lines, {} tables found, {rows} rows",
        text.len() as f64 / (1024.0 * 1024.0),
        text.lines().count(),
        doc.tables.len()
    );
    extract(&text).unwrap();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(extract(&text).unwrap());
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "extract 1 MB / {TABLES} tables: min {:.2} ms   median {:.2} ms   ({RUNS} runs, goal < 50 ms)",
        ms(times[0]),
        ms(times[RUNS / 2])
    );
}

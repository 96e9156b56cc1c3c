//! Reading a plan from Word and PDF: prints figures, asserts nothing about time.
//!
//! `cargo bench --bench documents`: a generated plan of about 60 pages (20 chapters of prose,
//! 20 indicator tables of 12 rows; `tests/fixtures/documents/long-plan.*`) imported as `.docx`
//! and as PDF into a fresh in-memory database. Goal (issue 14): under 1 s each on 2 cores.
//! Each total is split into the part outside our code (unzip; the `pdftotext` process) and
//! ours (XML walk, importer, store).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use zhibiao::api::plans::import_file;
use zhibiao::document;
use zhibiao::import::extract;
use zhibiao::store::{open_in_memory, Actor};

const RUNS: usize = 10;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median of [`RUNS`] runs after one warm-up.
fn median(mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/documents")
        .join(name)
}

fn import_once(path: &Path) -> usize {
    let mut conn = open_in_memory().expect("database");
    let s = import_file(&mut conn, &Actor::system(), path).expect("plan imports");
    s.indicators_added as usize
}

fn report(label: &str, total: Duration, outside: Duration, what: &str) {
    println!(
        "{label:<6} total {:>7.1} ms   {what} {:>7.1} ms ({:>4.1} %)   our code {:>7.1} ms",
        ms(total),
        ms(outside),
        100.0 * outside.as_secs_f64() / total.as_secs_f64(),
        ms(total.saturating_sub(outside)),
    );
}

fn main() {
    let docx = fixture("long-plan.docx");
    let pdf = fixture("long-plan.pdf");
    let pages = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_string()))
        })
        .unwrap_or_else(|| "?".into());
    for path in [&docx, &pdf] {
        let text = document::read_file(path).expect("reads");
        let rows: usize = extract(&text)
            .expect("extracts")
            .tables
            .iter()
            .map(|t| t.indicators.len())
            .sum();
        println!(
            "{}: {} KB file, {} KB text, {rows} indicator rows; PDF has {pages} pages",
            path.file_name().unwrap().to_string_lossy(),
            std::fs::metadata(path).unwrap().len() / 1024,
            text.len() / 1024
        );
    }

    let bytes = std::fs::read(&docx).unwrap();
    let unzip = median(|| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
    });
    let total = median(|| {
        import_once(&docx);
    });
    report(".docx", total, unzip, "unzip");

    let pdftotext = median(|| {
        let o = Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        assert!(o.status.success());
    });
    let total = median(|| {
        import_once(&pdf);
    });
    report("PDF", total, pdftotext, "pdftotext");
    println!("({RUNS} runs each, medians; goal: under 1000 ms each)");
}

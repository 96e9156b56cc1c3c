//! Engine benchmarks: prints figures, asserts nothing about time.
//!
//! `cargo bench --bench engine`: decode + extract + store the three shipped seed documents
//! into a fresh in-memory database, repeated; min and median in milliseconds.
//! Goal (issue 2): parse + store of all three under 20 ms.

use std::time::{Duration, Instant};

use zhibiao::api::plans::import_file_bytes;
use zhibiao::import::{decode, extract};
use zhibiao::store::{open_in_memory, Actor};

const SEEDS: &[(&str, &[u8])] = &[
    (
        "xuchang-gazette-2021-03.txt",
        include_bytes!("../assets/demo/xuchang-gazette-2021-03.txt"),
    ),
    (
        "xuchang-gazette-2022-04.txt",
        include_bytes!("../assets/demo/xuchang-gazette-2022-04.txt"),
    ),
    (
        "pingdingshan-eco-plan-2022.txt",
        include_bytes!("../assets/demo/pingdingshan-eco-plan-2022.txt"),
    ),
];

const RUNS: usize = 30;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `f` [`RUNS`] times (after one warm-up) and prints min / median.
fn measure(label: &str, mut f: impl FnMut() -> Duration) {
    f();
    let mut times: Vec<Duration> = (0..RUNS).map(|_| f()).collect();
    times.sort();
    println!(
        "{label:<52} min {:>8.2} ms   median {:>8.2} ms   ({RUNS} runs)",
        ms(times[0]),
        ms(times[RUNS / 2])
    );
}

fn main() {
    let bytes: usize = SEEDS.iter().map(|(_, b)| b.len()).sum();
    let mut rows = 0;
    for (_, b) in SEEDS {
        let doc = extract(&decode(b).expect("seed decodes")).expect("seed extracts");
        rows += doc.tables.iter().map(|t| t.indicators.len()).sum::<usize>();
    }
    println!(
        "seeds: {} documents, {:.0} KiB, {rows} indicator rows",
        SEEDS.len(),
        bytes as f64 / 1024.0
    );

    measure("parse (decode + extract) of the three seeds", || {
        let t = Instant::now();
        for (_, b) in SEEDS {
            let doc = extract(&decode(b).unwrap()).unwrap();
            std::hint::black_box(doc);
        }
        t.elapsed()
    });

    measure("parse + store the three seeds (fresh in-memory db)", || {
        let mut conn = open_in_memory().unwrap();
        let t = Instant::now();
        for (name, b) in SEEDS {
            let s = import_file_bytes(&mut conn, &Actor::system(), b, Some(name)).unwrap();
            std::hint::black_box(s);
        }
        t.elapsed()
    });

    measure("open + migrate + parse + store the three seeds", || {
        let t = Instant::now();
        let mut conn = open_in_memory().unwrap();
        for (name, b) in SEEDS {
            import_file_bytes(&mut conn, &Actor::system(), b, Some(name)).unwrap();
        }
        t.elapsed()
    });

    let dir = std::env::temp_dir().join(format!("zhibiao-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut n = 0;
    measure("parse + store the three seeds (fresh WAL file db)", || {
        n += 1;
        let path = dir.join(format!("bench-{n}.db"));
        let mut conn = zhibiao::store::open(&path).unwrap();
        let t = Instant::now();
        for (name, b) in SEEDS {
            import_file_bytes(&mut conn, &Actor::system(), b, Some(name)).unwrap();
        }
        t.elapsed()
    });
    let _ = std::fs::remove_dir_all(&dir);
}

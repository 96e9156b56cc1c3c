//! `zhibiao record` and `zhibiao history` against a database file, as a user would run them.

use crate::cli::zhibiao_as as zhibiao;
use crate::progress_fixture::{build_in, PASSWORD};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn record_then_history_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = build_in(zhibiao::store::open(&db).unwrap());
    let (urban, forest) = (f.urban.to_string(), f.forest.to_string());
    drop(f);
    let db = db.to_str().unwrap();

    let rec = |ind: &str, period: &str, value: &str, user: &str, password: &str| {
        zhibiao(
            &[
                "record",
                "--db",
                db,
                "--indicator",
                ind,
                "--period",
                period,
                "--value",
                value,
                "--user",
                user,
            ],
            password,
        )
    };
    let out = rec(&urban, "2025Q3", "57.4", "staff_a", PASSWORD);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("57.4"), "{}", text(&out.stdout));
    let out = rec(&urban, "2025Q3", "57.9", "staff_a", PASSWORD);
    assert!(out.status.success(), "{}", text(&out.stderr));

    // The same rules as the app: wrong password, other department, invalid value.
    let out = rec(&urban, "2025Q3", "58", "staff_a", "wrong");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("用户名或密码错误"),
        "{}",
        text(&out.stderr)
    );
    let out = rec(&forest, "2025Q3", "34", "staff_a", PASSWORD);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("本部门"),
        "{}",
        text(&out.stderr)
    );
    let out = rec(&urban, "2025Q3", "120", "staff_a", PASSWORD);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("100%"), "{}", text(&out.stderr));
    let out = rec(&urban, "2025Q9", "50", "staff_a", PASSWORD);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("期间"), "{}", text(&out.stderr));

    let out = zhibiao(&["history", "--db", db, "--indicator", &urban], "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let history = text(&out.stdout);
    let lines: Vec<&str> = history
        .lines()
        .filter(|l| l.contains("2025Q3") && l.contains("数值"))
        .collect();
    assert_eq!(lines.len(), 2, "{history}");
    assert!(lines[0].contains("staff_a") && lines[0].contains("57.4"));
    assert!(lines[1].contains("57.4\t57.9"), "old → new: {}", lines[1]);

    let out = zhibiao(&["history", "--db", db, "--indicator", "99999"], "");
    assert!(!out.status.success());
}

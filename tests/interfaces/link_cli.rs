//! `zhibiao link` against a demo database, as a person confirming links would run it: list,
//! remove (审核员 only), see the proposal again, confirm it with a note.

use std::process::Output;

use zhibiao::demo::progress::{demo_staff_name, DEMO_MANAGER, DEMO_PASSWORD};

fn zhibiao(args: &[&str]) -> Output {
    crate::cli::zhibiao_as(args, DEMO_PASSWORD)
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_manager_removes_and_confirms_a_link_a_clerk_cannot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut conn = zhibiao::store::open(&path).unwrap();
    zhibiao::demo::ensure_demo(&mut conn).unwrap();
    let (successor, predecessor): (i64, i64) = conn
        .query_row(
            "SELECT l.successor_id, l.predecessor_id FROM indicator_links l
             JOIN indicators i ON i.id = l.successor_id WHERE i.name = '森林覆盖率'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the demo links 森林覆盖率");
    let clerk = demo_staff_name(1);
    drop(conn);
    let db = path.to_str().unwrap();
    let (s, p) = (successor.to_string(), predecessor.to_string());

    let list = stdout(&zhibiao(&["link", "list", "--db", db]));
    assert!(list.contains(&format!("[{s}] 森林覆盖率")), "{list}");

    let refused = zhibiao(&[
        "link",
        "remove",
        "--db",
        db,
        "--successor",
        &s,
        "--user",
        &clerk,
    ]);
    assert!(!refused.status.success(), "a 填报员 may not change links");

    let out = stdout(&zhibiao(&[
        "link",
        "remove",
        "--db",
        db,
        "--successor",
        &s,
        "--user",
        DEMO_MANAGER,
    ]));
    assert!(out.contains("已删除"), "{out}");
    let proposals = stdout(&zhibiao(&["link", "suggest", "--db", db]));
    assert!(
        proposals.contains(&format!("[{s}] 森林覆盖率")) && proposals.contains(&format!("[{p}]")),
        "proposed again: {proposals}"
    );

    let out = stdout(&zhibiao(&[
        "link",
        "set",
        "--db",
        db,
        "--successor",
        &s,
        "--predecessor",
        &p,
        "--note",
        "人工核对",
        "--user",
        DEMO_MANAGER,
    ]));
    assert!(out.contains("已确认"), "{out}");
    let list = stdout(&zhibiao(&["link", "list", "--db", db]));
    let line = list
        .lines()
        .find(|l| l.starts_with(&format!("[{s}]")))
        .unwrap();
    assert!(
        line.contains("人工核对") && line.contains("系数 1"),
        "{line}"
    );
}

//! Successor links on the demo plans: which pairs are proposed between the demo city's
//! 十四五 and 十五五 outlines, which are not, never across cities; confirming and correcting a
//! link; one trajectory across both plans with the 基数口径调整 flag.

use rusqlite::Connection;
use zhibiao::api::links::{checked_link, lineage, link_suggestions, LinkInput};
use zhibiao::api::plan_import::import_file_bytes;
use zhibiao::api::ErrorCode;
use zhibiao::store::observations::{self, ObservationWrite};
use zhibiao::store::{links, Actor};

const DOCS: &[&[u8]] = &[
    include_bytes!("../../assets/demo/shifanshi-14th-outline-2021.txt"),
    include_bytes!("../../assets/demo/shifanshi-15th-outline-2026.txt"),
    // A real city's 十四五 outline: same period as the demo city's, another issuer.
    include_bytes!("../../assets/demo/xuchang-gazette-2021-03.txt"),
];

fn db() -> Connection {
    let mut conn = zhibiao::store::open_in_memory().unwrap();
    for bytes in DOCS {
        import_file_bytes(&mut conn, &Actor::system(), bytes, None).unwrap();
    }
    conn
}

fn id(conn: &Connection, doc: &str, name: &str) -> i64 {
    conn.query_row(
        "SELECT i.id FROM indicators i JOIN plans p ON p.id = i.plan_id
         WHERE p.doc_number = ?1 AND i.name = ?2",
        [doc, name],
        |r| r.get(0),
    )
    .unwrap_or_else(|_| panic!("{doc} {name}"))
}

const OLD: &str = "示政〔2021〕5号";
const NEW: &str = "示政〔2026〕3号";

#[test]
fn proposals_join_the_demo_citys_plans_only() {
    let conn = db();
    let s = link_suggestions(&conn).unwrap();
    let pairs: Vec<(String, String)> = s
        .iter()
        .map(|x| (x.predecessor.name.clone(), x.successor.name.clone()))
        .collect();
    for (before, after) in [
        ("地区生产总值", "地区生产总值"),
        ("常住人口城镇化率", "常住人口城镇化率"),
        ("居民人均可支配收入", "城乡居民人均可支配收入"),
        ("单位地区生产总值能源消耗", "单位地区生产总值能源消耗"),
        ("森林覆盖率", "森林覆盖率"),
        ("城镇新增就业人数", "城镇新增就业人数"),
    ] {
        assert!(
            pairs.contains(&(before.to_string(), after.to_string())),
            "{before} → {after} not proposed: {pairs:?}"
        );
    }
    // A share in % is not the GDP in 亿元; a split is left to a person; a new indicator has
    // no predecessor.
    for after in [
        "数字经济核心产业增加值占地区生产总值比重",
        "每千人口注册护士数",
        "农村黑臭水体治理",
    ] {
        assert!(
            !pairs.iter().any(|p| p.1 == after),
            "{after} proposed: {pairs:?}"
        );
    }
    // Never across cities: every proposal joins the demo city's two plans.
    assert!(s
        .iter()
        .all(|x| x.predecessor.plan_title.starts_with("示范市")
            && x.successor.plan_title.starts_with("示范市")));
    let income = s
        .iter()
        .find(|x| x.successor.name == "城乡居民人均可支配收入")
        .unwrap();
    assert_eq!(income.factor, 1e-4, "元 → 万元");
}

#[test]
fn a_link_across_cities_or_backwards_is_refused() {
    let conn = db();
    let xuchang: i64 = conn
        .query_row(
            "SELECT i.id FROM indicators i JOIN plans p ON p.id = i.plan_id
             JOIN plan_tables t ON t.id = i.table_id
             WHERE p.issuer LIKE '许昌%' AND t.kind = 'targets'
               AND i.name LIKE '%常住人口城镇化率%' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let new = id(&conn, NEW, "常住人口城镇化率");
    let old = id(&conn, OLD, "常住人口城镇化率");
    let input = |p: i64, s: i64| LinkInput {
        successor_id: s,
        predecessor_id: p,
        factor: None,
        note: None,
    };
    let e = checked_link(&conn, &input(xuchang, new)).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("同一发文机关"), "{}", e.message);
    assert!(checked_link(&conn, &input(new, old)).is_err(), "backwards");
    assert!(checked_link(&conn, &input(old, new)).is_ok());
    let bad = LinkInput {
        factor: Some(0.0),
        ..input(old, new)
    };
    assert!(checked_link(&conn, &bad).is_err());
}

#[test]
fn a_confirmed_link_gives_one_trajectory_and_flags_an_adjusted_base() {
    let mut conn = db();
    let old = id(&conn, OLD, "地区生产总值");
    let new = id(&conn, NEW, "地区生产总值");
    let tx = conn.transaction().unwrap();
    let link = checked_link(
        &tx,
        &LinkInput {
            successor_id: new,
            predecessor_id: old,
            factor: None,
            note: None,
        },
    )
    .unwrap();
    links::save(&tx, &Actor::system(), &link).unwrap();
    for (id, period, v) in [
        (old, "2021", 3250.0),
        (old, "2025", 4100.0),
        (new, "2026Q2", 4300.0),
    ] {
        let w = ObservationWrite {
            value: Some(v),
            ..ObservationWrite::default()
        };
        observations::upsert(&tx, &Actor::system(), id, period.parse().unwrap(), &w).unwrap();
    }
    tx.commit().unwrap();
    let l = lineage(&conn, new).unwrap();
    assert_eq!(l.predecessor.unwrap().predecessor.id, old);
    let periods: Vec<String> = l.points.iter().map(|p| p.period.to_string()).collect();
    assert_eq!(periods, ["2021", "2025", "2026Q2"]);
    // The 十五五 gazette's 2025 base (4150) is not the 十四五 2025 actual (4100).
    let shift = l.baseline_shift.unwrap();
    assert_eq!(
        (shift.predecessor_actual, shift.successor_baseline),
        (4100.0, 4150.0)
    );
    assert!(shift.adjusted);
    // The predecessor's page names its successor; no proposals once linked.
    let back = lineage(&conn, old).unwrap();
    assert_eq!(back.successors.len(), 1);
    assert!(l.suggestions.is_empty());
    assert!(link_suggestions(&conn)
        .unwrap()
        .iter()
        .all(|s| s.successor.id != new));
}

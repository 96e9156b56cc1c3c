//! The store on both databases: the same calls give the same results on SQLite and on
//! PostgreSQL (see `pg_support` for where PostgreSQL comes from).

use crate::pg_support;

use pg_support::postgres_in_schema;
use zhibiao::args;
use zhibiao::model::Period;
use zhibiao::store::db::{Database, Db, PgClient, Sql, Write};
use zhibiao::store::observations::{self, ObservationWrite};
use zhibiao::store::{self, audit, departments, Actor, StoreError};

/// A fresh database of each kind: SQLite in memory, and PostgreSQL in a schema of its own
/// (tests run in parallel on one server).
fn databases(test: &str) -> Vec<Db> {
    let mut out = vec![Db::Sqlite(store::open_in_memory().unwrap())];
    if let Some(pg) = postgres_in_schema(test) {
        out.push(Db::Postgres(Box::new(pg)));
    }
    out
}

fn name(db: &Db) -> &'static str {
    match db {
        Db::Sqlite(_) => "SQLite",
        Db::Postgres(_) => "PostgreSQL",
    }
}

/// A plan with one table and one indicator; returns the indicator's id.
fn indicator(tx: &impl Sql) -> i64 {
    let plan: i64 = tx
        .query_scalar(
            "INSERT INTO plans(title) VALUES ('十五五规划') RETURNING id",
            args![],
        )
        .unwrap();
    let table: i64 = tx
        .query_scalar(
            "INSERT INTO plan_tables(plan_id, position, title, kind) VALUES (?1, 0, '主要指标', 'targets') RETURNING id",
            args![plan],
        )
        .unwrap();
    tx.query_scalar(
        "INSERT INTO indicators(plan_id, table_id, position, name, flow) VALUES (?1, ?2, 0, '森林覆盖率', ?3) RETURNING id",
        args![plan, table, false],
    )
    .unwrap()
}

#[test]
fn departments_and_their_audit_trail_are_the_same_on_both() {
    for mut db in databases("departments") {
        let which = name(&db);
        let a = Actor::system();
        let tx = db.transaction().unwrap();
        let d = departments::create(&tx, &a, " 市水利局 ").unwrap();
        assert!(
            matches!(
                departments::create(&tx, &a, "市水利局"),
                Err(StoreError::Conflict(_))
            ),
            "{which}"
        );
        departments::rename(&tx, &a, d.id, "市水务局").unwrap();
        tx.commit().unwrap();
        let list = departments::list(&db).unwrap();
        assert_eq!(list.len(), 1, "{}", name(&db));
        assert_eq!(list[0].name, "市水务局");
        assert_eq!(list[0].lead_count, 0);
        let tx = db.transaction().unwrap();
        departments::delete(&tx, &a, d.id).unwrap();
        tx.commit().unwrap();
        let actions: Vec<String> = audit::history(&db, "department", d.id)
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(actions, ["create", "update", "delete"], "{}", name(&db));
    }
}

#[test]
fn a_saved_value_reads_back_with_its_time_in_utc_on_both() {
    for mut db in databases("observations") {
        let tx = db.transaction().unwrap();
        let id = indicator(&tx);
        let w = ObservationWrite {
            value: Some(23.5),
            note: Some("快报"),
            ..Default::default()
        };
        let period: Period = "2026Q3".parse().unwrap();
        assert!(observations::upsert(&tx, &Actor::system(), id, period, &w).unwrap());
        assert!(!observations::upsert(&tx, &Actor::system(), id, period, &w).unwrap());
        tx.commit().unwrap();
        let o = observations::get(&db, id, period).unwrap().unwrap();
        assert_eq!(o.value, Some(23.5), "{}", name(&db));
        assert_eq!(o.note.as_deref(), Some("快报"));
        assert!(
            o.entered_at.ends_with('Z'),
            "{}: {}",
            name(&db),
            o.entered_at
        );
        let history = observations::cell_history(&db, id, period).unwrap();
        assert_eq!(history.len(), 2, "value and note: {}", name(&db));
        assert!(history[0].at.ends_with('Z'));
        // The period CHECK holds on both.
        let bad = db.execute(
            "INSERT INTO observations(indicator_id, period, value, entered_at) VALUES (?1, '2026Q5', 1, ?2)",
            args![id, chrono::Utc::now()],
        );
        assert!(bad.is_err(), "{}", name(&db));
    }
}

#[test]
fn rows_streamed_one_at_a_time_read_as_the_rows_collected_on_both() {
    for db in databases("streamed") {
        let which = name(&db);
        // Texts that grow, shrink, vanish and change type from row to row: a streamed row
        // reuses its buffers, and must not keep anything of the row before.
        let sql = "SELECT 1, '十五五规划纲要', CAST(2.5 AS DOUBLE PRECISION), NULL
             UNION ALL SELECT 2, '五', NULL, 'x'
             UNION ALL SELECT 3, NULL, CAST(7 AS DOUBLE PRECISION), '森林覆盖率（%）'
             UNION ALL SELECT 4, '', CAST(-1 AS DOUBLE PRECISION), 'y'
             ORDER BY 1";
        let collected = db.query_rows(sql, args![]).unwrap();
        assert_eq!(collected.len(), 4, "{which}");
        let mut streamed = Vec::new();
        db.for_each_row(sql, args![], &mut |r| {
            streamed.push(r.clone());
            Ok(())
        })
        .unwrap();
        assert_eq!(streamed, collected, "{which}");
        assert_eq!(streamed[1].text(1), Some("五"), "{which}");
        assert_eq!(streamed[2].text(1), None, "{which}");
        // An error from the caller stops the reading and comes back as it was.
        let mut seen = 0;
        let stopped = db.for_each_row(sql, args![], &mut |_| {
            seen += 1;
            Err(StoreError::NoRow)
        });
        assert!(matches!(stopped, Err(StoreError::NoRow)), "{which}");
        assert_eq!(seen, 1, "{which}");
    }
}

#[test]
fn the_audit_log_is_append_only_on_both() {
    for mut db in databases("audit") {
        let tx = db.transaction().unwrap();
        departments::create(&tx, &Actor::system(), "市统计局").unwrap();
        tx.commit().unwrap();
        assert!(
            db.execute("UPDATE audit_log SET action = 'x'", args![])
                .is_err(),
            "{}",
            name(&db)
        );
        assert!(
            db.execute("DELETE FROM audit_log", args![]).is_err(),
            "{}",
            name(&db)
        );
        let n: i64 = db
            .query_scalar("SELECT count(*) FROM audit_log", args![])
            .unwrap();
        assert_eq!(n, 1, "{}", name(&db));
    }
}

#[test]
fn a_failed_transaction_leaves_nothing_on_both() {
    for mut db in databases("rollback") {
        {
            let tx = db.transaction().unwrap();
            departments::create(&tx, &Actor::system(), "市财政局").unwrap();
            // Dropped without commit.
        }
        assert!(departments::list(&db).unwrap().is_empty(), "{}", name(&db));
    }
}

#[test]
fn the_data_token_changes_with_each_committed_write_and_only_then_on_both() {
    use zhibiao::store::data_version;
    for mut db in databases("data_token") {
        let before = data_version::current(&db).unwrap();
        let tx = db.transaction().unwrap();
        departments::create(&tx, &Actor::system(), "撤销的部门").unwrap();
        tx.rollback().unwrap();
        assert_eq!(data_version::current(&db).unwrap(), before, "{}", name(&db));
        let tx = db.transaction().unwrap();
        let d = departments::create(&tx, &Actor::system(), "统计局").unwrap();
        tx.execute(
            "UPDATE departments SET name = '市统计局' WHERE id = ?1",
            args![d.id],
        )
        .unwrap();
        tx.commit().unwrap();
        assert_ne!(data_version::current(&db).unwrap(), before, "{}", name(&db));
    }
}

#[test]
fn postgres_refuses_another_applications_database_and_a_newer_schema() {
    let Some(mut pg) = postgres_in_schema("refuse") else {
        return;
    };
    pg.batch_execute("UPDATE zhibiao_schema SET version = version + 1")
        .unwrap();
    let e = store::postgres_open::migrate_postgres(&mut pg, "db").unwrap_err();
    assert!(matches!(e, StoreError::TooNew { .. }), "{e}");
    assert!(e.to_string().contains("更新"), "{e}");
    pg.batch_execute("DROP SCHEMA t_refuse_foreign CASCADE")
        .ok();
    pg.batch_execute(
        "CREATE SCHEMA t_refuse_foreign; SET search_path TO t_refuse_foreign; CREATE TABLE invoices(id BIGINT)",
    )
    .unwrap();
    let e = store::postgres_open::migrate_postgres(&mut pg, "db").unwrap_err();
    assert!(matches!(e, StoreError::Foreign { .. }), "{e}");
    let left: i64 = pg
        .query_scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 't_refuse_foreign'",
            args![],
        )
        .unwrap();
    assert_eq!(left, 1, "nothing written to a foreign database");
}

#[test]
fn an_unreachable_server_is_a_clear_chinese_message() {
    let e = match store::postgres_open::open_postgres("postgres://zb:secret@127.0.0.1:1/city") {
        Err(e) => e,
        Ok(_) => panic!("port 1 answered"),
    };
    let m = e.to_string();
    assert!(m.contains("无法连接"), "{m}");
    assert!(!m.contains("secret"), "the password is not shown: {m}");
}

#[test]
fn postgres_upgrades_step_by_step_and_keeps_data() {
    let Some(pg) = postgres_in_schema("steps") else {
        return;
    };
    // A fresh schema of its own, migrated one step at a time.
    let mut pg = pg;
    pg.batch_execute("DROP SCHEMA t_steps_one CASCADE").ok();
    pg.batch_execute("CREATE SCHEMA t_steps_one; SET search_path TO t_steps_one")
        .unwrap();
    let tables = |pg: &PgClient| -> Vec<String> {
        pg.query_map(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1",
            args![],
            |r| r.get(0),
        )
        .unwrap()
    };
    let expected_new = [
        &[
            "departments",
            "documents",
            "indicators",
            "plans",
            "plan_tables",
        ][..],
        &[
            "users",
            "observations",
            "annual_targets",
            "submissions",
            "audit_log",
        ][..],
        &["measures"][..],
        &["settings"][..],
        &[][..],
        &["indicator_links"][..],
        &[][..],
        &["data_version"][..],
    ];
    for (step, new) in expected_new.iter().enumerate() {
        let to = step as i64 + 1;
        store::postgres_open::migrate_postgres_to(&mut pg, "db", to).unwrap();
        let v: i64 = pg
            .query_scalar("SELECT version FROM zhibiao_schema", args![])
            .unwrap();
        assert_eq!(v, to);
        let t = tables(&pg);
        for name in *new {
            assert!(
                t.contains(&name.to_string()),
                "step {to}: {name} missing: {t:?}"
            );
        }
        if to == 1 {
            pg.execute("INSERT INTO plans(title) VALUES ('旧规划')", args![])
                .unwrap();
        }
        let n: i64 = pg
            .query_scalar("SELECT count(*) FROM plans", args![])
            .unwrap();
        assert_eq!(n, 1, "data survives step {to}");
    }
    // Step 7 adds no table: every cell gets a version.
    let versioned: i64 = pg
        .query_scalar(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()
               AND table_name = 'observations' AND column_name = 'version'",
            args![],
        )
        .unwrap();
    assert_eq!(versioned, 1, "step 7: observations.version");
}

#[test]
fn importing_a_plan_and_evaluating_it_give_the_same_on_both() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/demo/shifanshi-14th-outline-2021.txt");
    let mut results = Vec::new();
    for mut db in databases("use_cases") {
        zhibiao::api::plans::import_file(&mut db, &Actor::system(), &file).unwrap();
        let plans = zhibiao::api::plans::list_plans(&db).unwrap();
        let period: Period = "2024".parse().unwrap();
        let report = zhibiao::api::status::status(
            &db,
            period,
            &zhibiao::api::status::StatusFilter::default(),
        )
        .unwrap();
        let names: Vec<String> = report.rows.iter().map(|r| format!("{r:?}")).collect();
        results.push((plans.len(), plans[0].indicator_count, names));
    }
    assert!(results[0].1 > 0, "the outline has indicators");
    if results.len() == 2 {
        assert_eq!(results[0], results[1], "SQLite and PostgreSQL differ");
    }
}

#[test]
fn a_sqlite_database_moves_onto_postgres_with_the_same_figures() {
    let Some(mut pg) = postgres_in_schema("migrate") else {
        return;
    };
    let mut file = store::open_in_memory().unwrap();
    let doc = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/demo/shifanshi-14th-outline-2021.txt");
    zhibiao::api::plans::import_file(&mut file, &Actor::system(), &doc).unwrap();
    let id: i64 = file
        .query_scalar("SELECT min(id) FROM indicators", args![])
        .unwrap();
    let tx = rusqlite::Connection::transaction(&mut file).unwrap();
    let w = ObservationWrite {
        value: Some(61.25),
        ..Default::default()
    };
    observations::upsert(&tx, &Actor::system(), id, "2024".parse().unwrap(), &w).unwrap();
    tx.commit().unwrap();

    let t = store::transfer::copy_sqlite_to_postgres(&file, &mut pg).unwrap();
    assert_eq!(t.source, t.target);
    let rows = |name: &str| t.target.iter().find(|s| s.table == name).unwrap().rows;
    assert!(rows("indicators") > 0 && rows("observations") == 1 && rows("audit_log") > 0);
    // The copy is a working database: new rows get fresh ids after the copied ones.
    let tx = pg.transaction().unwrap();
    let d = departments::create(&tx, &Actor::system(), "新部门").unwrap();
    tx.commit().unwrap();
    let max: i64 = pg
        .query_scalar("SELECT max(id) FROM departments", args![])
        .unwrap();
    assert_eq!(d.id, max);
    // A target holding Zhibiao data is refused, and nothing is added to it.
    let e = store::transfer::copy_sqlite_to_postgres(&file, &mut pg).unwrap_err();
    assert!(e.to_string().contains("已有规划指标监测的数据"), "{e}");
    let n: i64 = pg
        .query_scalar("SELECT count(*) FROM observations", args![])
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_wrong_password_or_a_missing_database_is_a_clear_chinese_message() {
    if pg_support::url("login").is_none() {
        return;
    }
    let url = std::env::var("ZHIBIAO_TEST_PG_LOGIN")
        .expect("scripts/pg-test-cluster.sh sets ZHIBIAO_TEST_PG_LOGIN");
    let wrong = url.replace("zb-login-pass", "not-the-password");
    let e = match store::postgres_open::open_postgres(&wrong) {
        Err(e) => e,
        Ok(_) => panic!("a wrong password was accepted"),
    };
    let m = e.to_string();
    assert!(m.contains("用户名或密码错误"), "{m}");
    assert!(
        !m.contains("not-the-password"),
        "the password is not shown: {m}"
    );
    let missing = format!("{}/no_such_city", url.rsplit_once('/').unwrap().0);
    let m = match store::postgres_open::open_postgres(&missing) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("a missing database opened"),
    };
    assert!(m.contains("没有这个数据库"), "{m}");
    // The right password signs in (the role owns nothing yet: reading the mark is enough).
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("right password");
    let one: i32 = client.query_one("SELECT 1", &[]).unwrap().get(0);
    assert_eq!(one, 1);
}

#[test]
fn on_postgres_the_application_role_has_no_right_to_change_the_audit_log() {
    let Some((mut admin, _, schema)) = pg_support::empty_schema("grants") else {
        return;
    };
    let url = std::env::var("ZHIBIAO_TEST_PG_LOGIN")
        .expect("scripts/pg-test-cluster.sh sets ZHIBIAO_TEST_PG_LOGIN");
    // The application's own role creates and upgrades the schema, as on a city's server.
    admin
        .batch_execute(&format!(
            "DROP SCHEMA {schema} CASCADE; CREATE SCHEMA {schema} AUTHORIZATION zb_login"
        ))
        .unwrap();
    let mut app = pg_support::connect(&url, &schema);
    store::postgres_open::migrate_postgres(&mut app, &schema).unwrap();
    let tx = app.transaction().unwrap();
    departments::create(&tx, &Actor::system(), "市统计局").unwrap();
    tx.commit().unwrap();
    for sql in [
        "UPDATE audit_log SET action = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ] {
        let e = app.execute(sql, args![]).unwrap_err().to_string();
        assert!(
            e.contains("42501"),
            "{sql}: refused by rights, not only the trigger: {e}"
        );
    }
    let n: i64 = app
        .query_scalar("SELECT count(*) FROM audit_log", args![])
        .unwrap();
    assert_eq!(n, 1, "the entry is still there");
}

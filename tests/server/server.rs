//! `zhibiao serve` on loopback, spoken to in raw HTTP (what a client that skips the UI could
//! send): sign-in tokens, the entry workflow of two departments and a reviewer, permissions
//! checked on the server, JSON errors with stable codes, the 10 MB limit — on a SQLite file
//! and on PostgreSQL. And the server stays responsive while a store call waits: the runtime
//! has a single async worker, so a store call made on it would stall every other request.

use crate::http_support;
use crate::progress_fixture;
use crate::shared_city;

use std::time::Duration;

use http_support::{http, login, post, start};
use serde_json::{json, Value};
use shared_city::{places, Place};
use zhibiao::server;

fn cell(indicator: i64, value: &str, version: i64) -> Value {
    json!({"indicator_id": indicator, "period": "2025Q3", "value": value, "expected_version": version})
}

#[test]
fn two_departments_and_a_reviewer_work_through_http_on_both() {
    for setup in places("server_flow") {
        let which = setup.place.name();
        let addr = start(&setup.place);
        let r = http(addr, "GET", "/health", None, b"");
        assert_eq!((r.status, r.body["status"].as_str()), (200, Some("ok")));

        // No token, a made-up token, a wrong password: 401 with a stable code and Chinese.
        for token in [None, Some("0123abcd")] {
            let r = http(addr, "POST", "/api/list_plans", token, b"{}");
            assert_eq!(r.status, 401, "{which}");
            assert_eq!(r.body["code"], "unauthenticated");
            assert!(r.body["message"].as_str().unwrap().contains("登录"));
        }
        let r = post(
            addr,
            "/api/login",
            None,
            json!({"name": "staff_a", "password": "nope"}),
        );
        assert_eq!(
            (r.status, r.body["code"].as_str()),
            (401, Some("unauthenticated"))
        );

        let (a, a2, b) = (
            login(addr, "staff_a"),
            login(addr, "staff_a2"),
            login(addr, "staff_b"),
        );
        let boss = login(addr, "boss");
        let grid = post(
            addr,
            "/api/entry_grid",
            Some(&a),
            json!({"department_id": setup.dept_a, "period": "2025Q3"}),
        );
        assert_eq!(grid.status, 200, "{which}: {}", grid.body);
        assert!(grid.body["rows"].as_array().unwrap().len() >= 2);

        // Department A's staff save; the second, on the same empty cell, meets a conflict.
        let saved = post(
            addr,
            "/api/save_observations",
            Some(&a),
            json!({"inputs": [cell(setup.urban, "55.1", 0)]}),
        );
        assert_eq!(saved.body["committed"], true, "{which}: {}", saved.body);
        let late = post(
            addr,
            "/api/save_observations",
            Some(&a2),
            json!({"inputs": [cell(setup.urban, "55.4", 0)]}),
        );
        assert_eq!(late.body["committed"], false, "{which}");
        assert_eq!(late.body["rows"][0]["conflict"]["theirs"]["value"], 55.1);
        assert_eq!(late.body["rows"][0]["conflict"]["changed_by"], "staff_a");

        // Department B may neither save A's indicator nor see A's grid.
        let foreign = post(
            addr,
            "/api/save_observations",
            Some(&b),
            json!({"inputs": [cell(setup.urban, "1", 0)]}),
        );
        assert_eq!(foreign.body["committed"], false, "{which}");
        assert!(foreign.body["rows"][0]["error"].is_string());
        let peek = post(
            addr,
            "/api/entry_grid",
            Some(&b),
            json!({"department_id": setup.dept_a, "period": "2025Q3"}),
        );
        assert_eq!(
            (peek.status, peek.body["code"].as_str()),
            (403, Some("forbidden"))
        );
        let own = post(
            addr,
            "/api/save_observations",
            Some(&b),
            json!({"inputs": [cell(setup.forest, "35.2", 0)]}),
        );
        assert_eq!(own.body["committed"], true, "{which}: {}", own.body);

        // Staff submit; staff cannot approve; the reviewer can.
        let period = json!({"department_id": setup.dept_a, "period": "2025Q3"});
        assert_eq!(
            post(addr, "/api/submit_period", Some(&a), period.clone()).status,
            200
        );
        let r = post(addr, "/api/approve_period", Some(&a), period.clone());
        assert_eq!(
            (r.status, r.body["code"].as_str()),
            (403, Some("forbidden")),
            "{which}"
        );
        let r = post(addr, "/api/approve_period", Some(&boss), period.clone());
        assert_eq!(
            (r.status, r.body["state"].as_str()),
            (200, Some("approved")),
            "{which}"
        );
        // A save into the approved period is locked (409).
        let r = post(
            addr,
            "/api/save_observations",
            Some(&a),
            json!({"inputs": [cell(setup.urban, "56", 0)]}),
        );
        assert!(
            r.body["rows"][0]["error"]
                .as_str()
                .unwrap()
                .contains("审核"),
            "{which}"
        );

        // Malformed JSON → 400; a body over 10 MB → 413; both with a code and Chinese.
        let r = http(
            addr,
            "POST",
            "/api/entry_grid",
            Some(&a),
            b"{\"department_id\": ",
        );
        assert_eq!(
            (r.status, r.body["code"].as_str()),
            (400, Some("invalid_input"))
        );
        assert!(r.body["message"].as_str().unwrap().contains("JSON"));
        let big = vec![b' '; server::BODY_LIMIT + 1];
        let r = http(addr, "POST", "/api/save_observations", Some(&a), &big);
        assert_eq!(r.status, 413, "{which}");

        // Signing out ends the token.
        post(addr, "/api/logout", Some(&a), json!({}));
        assert_eq!(
            http(addr, "POST", "/api/list_plans", Some(&a), b"{}").status,
            401
        );
    }
}

#[test]
fn the_server_answers_while_a_store_call_waits_on_a_lock() {
    let Some(setup) = places("server_wait")
        .into_iter()
        .find(|s| matches!(s.place, Place::Postgres { .. }))
    else {
        return;
    };
    let Place::Postgres { url, schema } = &setup.place else {
        unreachable!()
    };
    let addr = start(&setup.place);
    let token = login(addr, "staff_a");
    // Another session holds department A's 2025Q3 (the lock a save takes): the save waits.
    let mut holder = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let key = format!("{}, {}", setup.dept_a, 2025 * 10 + 3);
    holder
        .batch_execute(&format!(
            "SET search_path TO {schema}; SELECT pg_advisory_lock({key})"
        ))
        .unwrap();
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let waiting_token = token.clone();
    let urban = setup.urban;
    std::thread::spawn(move || {
        let r = post(
            addr,
            "/api/save_observations",
            Some(&waiting_token),
            json!({"inputs": [cell(urban, "55.1", 0)]}),
        );
        done_tx.send((r.status, r.body)).unwrap();
    });
    std::thread::sleep(Duration::from_millis(300));
    assert!(done_rx.try_recv().is_err(), "the save waits for the lock");
    // Meanwhile the server answers other requests, including ones that use the database.
    assert_eq!(http(addr, "GET", "/health", None, b"").status, 200);
    assert_eq!(
        http(addr, "POST", "/api/list_plans", Some(&token), b"{}").status,
        200
    );
    login(addr, "boss");
    assert!(
        done_rx.try_recv().is_err(),
        "still waiting while the others were served"
    );
    holder
        .batch_execute(&format!("SELECT pg_advisory_unlock({key})"))
        .unwrap();
    let (status, body) = done_rx.recv_timeout(Duration::from_secs(30)).unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["committed"], true,
        "the save completes once the lock is gone: {body}"
    );
}

#[test]
fn failed_sign_ins_are_throttled_and_an_administrator_lifts_the_lock() {
    let setup = places("server_throttle").into_iter().next().unwrap();
    let addr = start(&setup.place);
    // The reviewer and the administrator signed in before (tokens, not passwords, from here).
    let (boss, root) = (login(addr, "boss"), login(addr, "root"));
    let wrong = json!({"name": "staff_a", "password": "wrong-guess"});
    for _ in 0..zhibiao::server::MAX_FAILURES {
        assert_eq!(post(addr, "/api/login", None, wrong.clone()).status, 401);
    }
    // Locked: even the right password is refused now, with how long and what to do.
    let right = json!({"name": "staff_a", "password": progress_fixture::PASSWORD});
    let r = post(addr, "/api/login", None, right.clone());
    assert_eq!(
        (r.status, r.body["code"].as_str()),
        (429, Some("throttled"))
    );
    let m = r.body["message"].as_str().unwrap();
    assert!(m.contains("15 分钟") && m.contains("管理员解锁"), "{m}");
    // The address is locked too: another account from it waits as well.
    let other = json!({"name": "staff_b", "password": progress_fixture::PASSWORD});
    assert_eq!(post(addr, "/api/login", None, other).status, 429);

    // A reviewer may not lift it; the administrator may, and both steps are in the audit log.
    let r = post(
        addr,
        "/api/admin/unlock",
        Some(&boss),
        json!({"name": "staff_a"}),
    );
    assert_eq!(
        (r.status, r.body["code"].as_str()),
        (403, Some("forbidden"))
    );
    let r = post(
        addr,
        "/api/admin/unlock",
        Some(&root),
        json!({"name": "staff_a"}),
    );
    assert_eq!(
        (r.status, r.body["ok"].as_bool()),
        (200, Some(true)),
        "{}",
        r.body
    );
    assert_eq!(post(addr, "/api/login", None, right).status, 200);
    let db = setup.place.connect();
    let actions: Vec<String> = zhibiao::store::db::Sql::query_map(
        &db,
        "SELECT action FROM audit_log WHERE field = 'login' ORDER BY id",
        zhibiao::args![],
        |r| r.get(0),
    )
    .unwrap();
    assert_eq!(
        actions,
        ["lock", "lock", "unlock"],
        "account and address locked, account lifted"
    );
}

#[test]
fn two_departments_and_a_reviewer_at_the_same_time_each_see_their_work_through() {
    for setup in places("server_together") {
        let which = setup.place.name();
        let addr = start(&setup.place);
        let (dept_a, dept_b) = (setup.dept_a, setup.dept_b);
        let (urban, forest) = (setup.urban, setup.forest);
        // Each department enters and submits its quarters; the reviewer approves whatever is
        // submitted, all at once, until every quarter is approved.
        let quarters = ["2025Q1", "2025Q2", "2025Q3", "2025Q4"];
        let staff = |user: &'static str, dept: i64, indicator: i64| {
            std::thread::spawn(move || {
                let token = login(addr, user);
                for (k, q) in quarters.iter().enumerate() {
                    let value = format!("{}.{k}", 50 + k);
                    let input = json!({"indicator_id": indicator, "period": q, "value": value, "expected_version": 0});
                    let saved = post(
                        addr,
                        "/api/save_observations",
                        Some(&token),
                        json!({"inputs": [input]}),
                    );
                    assert_eq!(saved.body["committed"], true, "{user} {q}: {}", saved.body);
                    let period = json!({"department_id": dept, "period": q});
                    let r = post(addr, "/api/submit_period", Some(&token), period);
                    assert_eq!(r.status, 200, "{user} {q}: {}", r.body);
                }
            })
        };
        let a = staff("staff_a", dept_a, urban);
        let b = staff("staff_b", dept_b, forest);
        let reviewer = std::thread::spawn(move || {
            let token = login(addr, "boss");
            let mut approved = 0;
            let deadline = std::time::Instant::now() + Duration::from_secs(60);
            while approved < 8 && std::time::Instant::now() < deadline {
                approved = 0;
                for dept in [dept_a, dept_b] {
                    for q in quarters {
                        let period = json!({"department_id": dept, "period": q});
                        let r = post(addr, "/api/approve_period", Some(&token), period);
                        // 200: approved now; 409: not submitted yet, or approved already.
                        assert!(matches!(r.status, 200 | 409), "{}", r.body);
                        let grid = post(
                            addr,
                            "/api/entry_grid",
                            Some(&token),
                            json!({"department_id": dept, "period": q}),
                        );
                        if grid.body["submission"]["state"] == "approved" {
                            approved += 1;
                        }
                    }
                }
            }
            approved
        });
        a.join().unwrap();
        b.join().unwrap();
        assert_eq!(
            reviewer.join().unwrap(),
            8,
            "{which}: every quarter of both approved"
        );
        let db = setup.place.connect();
        for (dept, indicator) in [(dept_a, urban), (dept_b, forest)] {
            for (k, q) in quarters.iter().enumerate() {
                let state = zhibiao::store::submissions::get(&db, dept, q)
                    .unwrap()
                    .state;
                assert_eq!(
                    state,
                    zhibiao::progress::State::Approved,
                    "{which} {dept} {q}"
                );
                let o = zhibiao::store::observations::get(&db, indicator, q.parse().unwrap())
                    .unwrap()
                    .unwrap();
                assert_eq!(
                    o.value,
                    Some(50.0 + k as f64 + k as f64 / 10.0),
                    "{which} {q}"
                );
            }
        }
    }
}

#[test]
fn a_polling_reviewer_sees_that_others_worked_and_nothing_more() {
    let setup = places("server_changes").into_iter().next().unwrap();
    let addr = start(&setup.place);
    let (boss, staff) = (login(addr, "boss"), login(addr, "staff_a"));
    let last = || {
        let r = http(addr, "GET", "/api/changes", Some(&boss), b"");
        assert_eq!(r.status, 200, "{}", r.body);
        r.body["last_change"].as_i64().unwrap()
    };
    let t0 = last();
    assert_eq!(last(), t0, "nothing happened, nothing to reload");
    let saved = post(
        addr,
        "/api/save_observations",
        Some(&staff),
        json!({"inputs": [cell(setup.urban, "55.0", 0)]}),
    );
    assert_eq!(saved.body["committed"], true);
    let t1 = last();
    assert!(t1 > t0, "a save is a change");
    let period = json!({"department_id": setup.dept_a, "period": "2025Q3"});
    assert_eq!(
        post(addr, "/api/submit_period", Some(&staff), period).status,
        200
    );
    assert!(last() > t1, "a submission is a change too");
    assert_eq!(http(addr, "GET", "/api/changes", None, b"").status, 401);
}

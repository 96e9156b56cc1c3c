//! Shared by the tests of the evaluation cache's memory and file: what changed in where the
//! statuses came from, and rows compared one by one.
#![allow(dead_code)] // each test crate uses a different part

use zhibiao::api::evaluation_cache::{sources, Sources};
use zhibiao::api::status::StatusRow;

/// Where the scopes asked for on this thread came from since `before`.
pub fn since(before: Sources) -> Sources {
    let now = sources();
    Sources {
        memory: now.memory - before.memory,
        disk: now.disk - before.disk,
        evaluated: now.evaluated - before.evaluated,
        patched: now.patched - before.patched,
    }
}

/// Asserts `a == b`, showing only the first row that differs.
#[track_caller]
pub fn same(a: &[StatusRow], b: &[StatusRow]) {
    assert_eq!(a.len(), b.len(), "rows");
    if let Some((x, y)) = a.iter().zip(b).find(|(x, y)| x != y) {
        panic!("first different row:\n{x:?}\n{y:?}");
    }
}

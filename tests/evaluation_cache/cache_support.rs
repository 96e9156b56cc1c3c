//! Shared by the tests of the evaluation cache's memory and file: what changed in where the
//! statuses came from, and rows compared one by one.

use std::sync::{Mutex, MutexGuard};

use zhibiao::api::evaluation_cache::{on_disk, sources, Sources};
use zhibiao::api::status::StatusRow;

static TURNS: Mutex<()> = Mutex::new(());

/// This test's turn: the cache and the snapshot directory are the process's, and the tests
/// count what they serve, so they run one at a time. Nothing is kept on disk until the test
/// says where.
pub fn turn() -> MutexGuard<'static, ()> {
    let turn = TURNS.lock().unwrap_or_else(|e| e.into_inner());
    on_disk::keep_in(None);
    turn
}

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

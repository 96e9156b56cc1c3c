//! Many staff saving through the server at once lose and duplicate nothing: every confirmed
//! save is one audit row, every cell holds the last value its client was told was saved. The
//! speed of this is a benchmark (`benches/server_load.rs`), not asserted here.

use crate::http_support;
use crate::load_support;

use std::time::Duration;

#[test]
fn concurrent_saves_through_the_server_are_each_stored_once_on_both() {
    let (places, clients) = load_support::city("server_load", 8);
    for place in &places {
        let which = place.name();
        let addr = http_support::start_with(place, 2, 4);
        let out = load_support::run(addr, &clients, Duration::from_millis(1500));
        assert!(
            out.saved >= clients.len() as u64,
            "{which}: every client saved"
        );
        assert_eq!(out.refused, 0, "{which}: each client owns its cell");
        let db = place.connect();
        let audited = load_support::audited_saves(place);
        assert_eq!(audited, out.saved, "{which}: audit rows = confirmed saves");
        for (indicator, value) in &out.last {
            let stored = zhibiao::store::observations::get(
                &db,
                *indicator,
                load_support::PERIOD.parse().unwrap(),
            )
            .unwrap()
            .unwrap();
            assert_eq!(stored.value, Some(*value), "{which}: indicator {indicator}");
        }
    }
}

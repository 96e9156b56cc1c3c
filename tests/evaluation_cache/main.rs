//! The evaluation cache's memory and its file. Its own binary because the cache and the
//! file's directory are process-wide: its tests take turns ([`cache_support::turn`]) and no
//! other test's calls change what they count.

mod cache_support;

mod evaluation_cache;
mod evaluation_snapshot;
mod evaluation_written;

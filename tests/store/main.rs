//! The store and the use cases on it: plans, departments, progress and its workflow, users and
//! permissions, lifecycle, backups, opening and durability, both databases.

#[path = "../shared/pg_support.rs"]
mod pg_support;
#[path = "../shared/progress_fixture.rs"]
mod progress_fixture;
#[path = "../shared/shared_city.rs"]
mod shared_city;

mod old_schema;

mod auth_permissions;
mod demo_generations;
mod lifecycle;
mod progress_demo;
mod progress_targets;
mod progress_workflow;
mod store_backup;
mod store_concurrency;
mod store_departments;
mod store_durability;
mod store_on_both;
mod store_open;
mod store_plans;
mod store_seeds;
mod succession_demo;
mod xlsx_roundtrip;

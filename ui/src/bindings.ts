// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
export type * from './bindings/error'
export type * from './bindings/model'
export type * from './bindings/importer'
export type * from './bindings/plans'
export type * from './bindings/users'
export type * from './bindings/progress'
export type * from './bindings/evaluation'
export type * from './bindings/reports'
export type * from './bindings/settings'
export type * from './bindings/backup'
export type * from './bindings/lifecycle'

// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
import type { CellConflict } from './progress'

export type ApiError = { code: ErrorCode, 
/**
 * Chinese, for the user.
 */
message: string, 
/**
 * A cell saved by someone else meanwhile: both values, for the person to choose.
 */
conflict?: CellConflict, };

export type ErrorCode = "invalid_input" | "unreadable_document" | "no_tables" | "unsupported_format" | "no_text_layer" | "encrypted" | "not_found" | "unauthenticated" | "forbidden" | "validation" | "locked" | "conflict" | "throttled" | "storage" | "internal" | "offline" | "certificate_changed";

// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.

export type Role = "staff" | "manager" | "admin";

export type Session = { user_id: number, name: string, role: Role, department_id: number | null, 
/**
 * The initial or a reset password is still in use: everything but changing it is refused.
 */
must_change_password: boolean, };

export type FirstRun = { 
/**
 * The administrator has no password yet: the screen asks for one instead of a login.
 */
admin_needs_password: boolean, admin_name: string, };

export type UserInfo = { id: number, name: string, role: Role, department_id: number | null, department_name: string | null, must_change_password: boolean, active: boolean, };

export type AuditEntry = { id: number, at: string, user_id: number | null, user_name: string, action: string, entity: string, entity_id: number | null, period: string | null, field: string | null, old_value: string | null, new_value: string | null, reason: string | null, };

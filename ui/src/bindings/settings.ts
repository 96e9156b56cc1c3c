// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.
import type { Role } from './users'

export type DatabaseSettings = { 
/**
 * A fixed "today" for a demo or training database: period defaults, schedules and
 * report dates use it instead of the clock.
 */
fixed_today: string | null, 
/**
 * How many automatic backups of this database to keep.
 */
backups_kept: number, };

export type TodaySource = "environment" | "setting" | "clock";

export type Today = { date: string, source: TodaySource, };

export type MachineSettings = { 
/**
 * Address of the shared server (e.g. `https://zhibiao.example.gov.cn`); none: this
 * computer works on its local database.
 */
server_url: string | null, 
/**
 * SHA-256 fingerprint (hex) of the server certificate this computer trusts.
 */
server_cert_sha256: string | null, };

export type Probe = { 
/**
 * `https://host:port` (or `http://127.0.0.1:port`).
 */
address: string, 
/**
 * SHA-256 of the server's certificate as `AB:CD:…`; `None` over plain HTTP (loopback).
 */
fingerprint: string | null, };

export type CertificateChange = { expected: string, presented: string, };

export type NewUserInput = { name: string, 
/**
 * Initial password; the user must change it at first login.
 */
password: string, role: Role, department_id: number | null, };

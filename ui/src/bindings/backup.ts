// Generated from the Rust DTOs by `UPDATE_BINDINGS=1 cargo test --test interfaces ts_bindings::`.
// Do not edit by hand.

export type BackupEntry = { 
/**
 * File name inside the backup folder; what a restore asks for.
 */
file_name: string, 
/**
 * daily / upgrade / import / manual / before-restore
 */
kind: string, 
/**
 * 每日自动备份, 手动备份 …
 */
kind_label: string, 
/**
 * Local time, `YYYY-MM-DD HH:MM:SS`.
 */
taken_at: string, size: number, };

export type BackupList = { 
/**
 * The folder beside the database where the backups are.
 */
folder: string, backups: Array<BackupEntry>, };

export type RestoreOutcome = { restored_from: string, 
/**
 * Where the database as it was before the restore was kept.
 */
set_aside: string | null, 
/**
 * Chinese summary for the user.
 */
message: string, };

import type { BackupEntry, BackupList, RestoreOutcome } from '../bindings'
import { call } from './invoke'

export const listBackups = () => call<BackupList>('list_backups')

export const backupNow = () => call<BackupEntry>('backup_now')

/** Restores one of the listed backups (by file name); the current database is set aside first. */
export const restoreBackup = (fileName: string) => call<RestoreOutcome>('restore_backup', { fileName })

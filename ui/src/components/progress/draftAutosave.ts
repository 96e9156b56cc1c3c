// Nothing typed is lost: every edit goes to localStorage at once (survives closing the app
// mid-edit), and a debounced save sends the dirty rows through IPC as a draft. A row leaves
// the backup only once the database holds exactly what was typed. The backup keeps, per row,
// the version of the stored cell the edits were based on: a draft restored after the cell
// changed elsewhere meets a conflict instead of overwriting the newer value.

/** One row's edited fields (value, note, source, vintage, status, evidence), as typed. */
export type RowEdits = Record<string, string>

export interface DraftSnapshot {
  savedAt: string
  rows: Record<string, RowEdits>
  /** The stored cell's version each row's edits were based on (absent in older backups). */
  bases?: Record<string, number>
}

export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export function draftKey(departmentId: number, period: string): string {
  return `zhibiao.draft.${departmentId}.${period}`
}

export class DraftBackup {
  constructor(
    private readonly storage: StorageLike,
    private readonly key: string,
  ) {}

  read(): DraftSnapshot | null {
    const raw = this.storage.getItem(this.key)
    if (!raw) return null
    try {
      const parsed = JSON.parse(raw) as DraftSnapshot
      if (!parsed || typeof parsed.rows !== 'object') return null
      return Object.keys(parsed.rows).length > 0 ? parsed : null
    } catch {
      // A corrupt backup is useless; dropping it beats failing to open the grid.
      this.storage.removeItem(this.key)
      return null
    }
  }

  write(rows: Record<string, RowEdits>, bases: Record<string, number> = {}): void {
    if (Object.keys(rows).length === 0) {
      this.storage.removeItem(this.key)
      return
    }
    const snap: DraftSnapshot = { savedAt: new Date().toISOString(), rows, bases }
    this.storage.setItem(this.key, JSON.stringify(snap))
  }

  clear(): void {
    this.storage.removeItem(this.key)
  }
}

/** Saves the rows; resolves with the keys the backend refused (they stay dirty). */
export type SaveRows = (rows: Record<string, RowEdits>) => Promise<string[] | void>

/**
 * Collects edits and saves them `delayMs` after the last one. A failed save keeps the rows
 * dirty (and in the backup) and they go again with the next edit or `flush()`.
 */
export class AutosaveQueue {
  private dirty: Record<string, RowEdits> = {}
  private timer: ReturnType<typeof setTimeout> | null = null
  private inFlight: Promise<void> | null = null
  lastError: unknown = null

  constructor(
    private readonly save: SaveRows,
    private readonly backup: DraftBackup,
    private readonly delayMs = 800,
    private readonly onStateChange: (pending: number, error: unknown) => void = () => {},
    /** The version a row's edits are based on, kept in the backup with them. */
    private readonly baseOf: (rowKey: string) => number | undefined = () => undefined,
  ) {}

  private writeBackup(): void {
    const bases: Record<string, number> = {}
    for (const k of Object.keys(this.dirty)) {
      const b = this.baseOf(k)
      if (b !== undefined) bases[k] = b
    }
    this.backup.write(this.dirty, bases)
  }

  /** Restores rows from an earlier backup (they become dirty and are saved again). */
  restore(rows: Record<string, RowEdits>): void {
    for (const [k, edits] of Object.entries(rows)) this.dirty[k] = { ...this.dirty[k], ...edits }
    this.writeBackup()
    this.schedule()
  }

  edit(rowKey: string | number, field: string, text: string): void {
    const k = String(rowKey)
    this.dirty[k] = { ...this.dirty[k], [field]: text }
    this.writeBackup()
    this.schedule()
  }

  /** Forgets a row's unsaved edits (the person chose the stored value instead). */
  discard(rowKey: string | number): void {
    delete this.dirty[String(rowKey)]
    this.writeBackup()
    this.onStateChange(this.pendingRows, this.lastError)
  }

  /** Saves a row again soon (its base changed: the person keeps their own value). */
  retry(): void {
    this.writeBackup()
    this.schedule()
  }

  get pendingRows(): number {
    return Object.keys(this.dirty).length
  }

  pending(): Record<string, RowEdits> {
    return JSON.parse(JSON.stringify(this.dirty))
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer)
    this.onStateChange(this.pendingRows, this.lastError)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, this.delayMs)
  }

  /** Saves everything dirty now (before submit, on leaving the page). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.inFlight) await this.inFlight
    const batch = this.pending()
    if (Object.keys(batch).length === 0) return
    const run = (async () => {
      try {
        const refused = new Set((await this.save(batch)) ?? [])
        this.lastError = null
        // Drop only what is unchanged since the batch left: a later edit stays dirty.
        for (const [k, edits] of Object.entries(batch)) {
          if (refused.has(k)) continue
          const now = this.dirty[k]
          if (!now) continue
          for (const [f, v] of Object.entries(edits)) if (now[f] === v) delete now[f]
          if (Object.keys(now).length === 0) delete this.dirty[k]
        }
        this.writeBackup()
      } catch (e) {
        this.lastError = e
      } finally {
        this.onStateChange(this.pendingRows, this.lastError)
      }
    })()
    this.inFlight = run
    await run
    this.inFlight = null
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

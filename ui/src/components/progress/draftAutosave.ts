// Nothing typed is lost: every edit goes to localStorage at once (survives closing the app
// mid-edit), and a debounced save sends the dirty rows through IPC as a draft. A row leaves
// the backup only once the database holds exactly what was typed.

/** One row's edited fields (value, note, source, vintage, status, evidence), as typed. */
export type RowEdits = Record<string, string>

export interface DraftSnapshot {
  savedAt: string
  rows: Record<string, RowEdits>
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

  write(rows: Record<string, RowEdits>): void {
    if (Object.keys(rows).length === 0) {
      this.storage.removeItem(this.key)
      return
    }
    const snap: DraftSnapshot = { savedAt: new Date().toISOString(), rows }
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
  ) {}

  /** Restores rows from an earlier backup (they become dirty and are saved again). */
  restore(rows: Record<string, RowEdits>): void {
    for (const [k, edits] of Object.entries(rows)) this.dirty[k] = { ...this.dirty[k], ...edits }
    this.backup.write(this.dirty)
    this.schedule()
  }

  edit(rowKey: string | number, field: string, text: string): void {
    const k = String(rowKey)
    this.dirty[k] = { ...this.dirty[k], [field]: text }
    this.backup.write(this.dirty)
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
        this.backup.write(this.dirty)
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

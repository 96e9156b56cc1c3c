// The entry grid's state: the rows of one department × period, edits with undo, draft
// autosave (IPC + localStorage backup) and the submit / approve workflow.
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import * as api from '../api/progress'
import type {
  CellConflict,
  EntryGrid as EntryGridDto,
  EntryRow as EntryRowDto,
  Observation,
  ObservationInput,
  Submission,
} from '../bindings'
import { AutosaveQueue, DraftBackup, draftKey, type RowEdits, type StorageLike } from '../components/progress/draftAutosave'
import { UndoStack, type CellChange } from '../components/progress/undoStack'
import { OfflineRetry, type OnlineSource } from '../components/progress/offlineRetry'
import { alreadyStored } from '../components/progress/cellConflict'
import { isOffline } from '../api/invoke'

/** A grid row with its editable cells as the text the user sees. */
export interface EntryRow extends EntryRowDto {
  value: string
  status: string
  evidence: string
  note: string
  source: string
  vintage: string
  /** Why the backend refused this row's last save (Chinese). */
  error: string | null
  /** The version of the stored cell the edits are based on (0: it was empty). */
  base: number
  /** Someone else saved this cell meanwhile: both values, for the person to choose. */
  conflict: CellConflict | null
}

export interface EntryGrid extends Omit<EntryGridDto, 'rows'> {
  rows: EntryRow[]
}

const EDIT_FIELDS = ['value', 'status', 'evidence', 'note', 'source', 'vintage'] as const

/** Where the backup lives; tests swap it for a memory store. */
let backupStorage: () => StorageLike = () => window.localStorage
export function useBackupStorage(s: () => StorageLike) {
  backupStorage = s
}

/** The autosave delay; tests shorten it. */
export const autosaveDelay = { ms: 800 }

/** Where the `online` event comes from and how often unsent cells are resent; tests swap them. */
export const offlineResend: { ms: number; target: () => OnlineSource } = { ms: 10_000, target: () => window }

/** Whether reloading the grid (someone else changed something) loses nothing of this person's. */
export function quietGrid(g: { pendingRows: number; canUndo: boolean; rows: EntryRow[] }): boolean {
  return g.pendingRows === 0 && !g.canUndo && g.rows.every((r) => r.conflict === null && r.error === null)
}

/** The editable fields as text, from a stored cell (or an empty one). */
function cellFields(c: Observation | null) {
  return {
    value: c?.value == null ? '' : String(c.value),
    status: c?.status ?? '',
    evidence: c?.evidence ?? '',
    note: c?.note ?? '',
    source: c?.source ?? '',
    vintage: c?.vintage ?? '',
  }
}

function toRow(dto: EntryRowDto): EntryRow {
  return { ...dto, ...cellFields(dto.current), error: null, base: dto.current?.version ?? 0, conflict: null }
}

function get(row: EntryRow, field: string): string {
  return String((row as unknown as Record<string, unknown>)[field] ?? '')
}

function set(row: EntryRow, field: string, text: string) {
  if ((EDIT_FIELDS as readonly string[]).includes(field)) (row as unknown as Record<string, unknown>)[field] = text
}

function toInput(row: EntryRow, period: string): ObservationInput {
  const t = (s: string) => (s.trim() === '' ? null : s)
  return {
    indicator_id: row.indicator_id,
    period,
    value: row.qualitative ? null : t(row.value),
    status: row.qualitative ? (t(row.status) as ObservationInput['status']) : null,
    evidence: row.qualitative ? t(row.evidence) : null,
    note: t(row.note),
    source: t(row.source),
    vintage: t(row.vintage) as ObservationInput['vintage'],
    expected_version: row.base,
  }
}

export const useProgressStore = defineStore('progress', () => {
  const grid = ref<EntryGrid | null>(null)
  const loading = ref(false)
  const pendingRows = ref(0)
  const saveError = ref<string | null>(null)
  const restoredRows = ref(0)
  const undoStack = markRaw(new UndoStack())
  const queue = shallowRef<AutosaveQueue | null>(null)
  const canUndo = ref(false)
  /** The server could not be reached: the unsent cells wait in the local draft. */
  const offline = ref(false)
  /** Per row, the fields typed but not yet sent while offline (each shows a 离线 mark). */
  const offlineCells = ref<Record<string, string[]>>({})
  let retry: OfflineRetry | null = null

  const editable = computed(() => !!grid.value?.can_edit)

  function rowById(id: number): EntryRow | undefined {
    return grid.value?.rows.find((r) => r.indicator_id === id)
  }

  /** Sends the dirty rows; a refused block is re-sent without the refused rows. */
  async function saveRows(dirty: Record<string, RowEdits>): Promise<string[]> {
    const g = grid.value
    if (!g) return []
    let rows = Object.keys(dirty)
      .map((k) => rowById(Number(k)))
      .filter((r): r is EntryRow => !!r)
    const refused: string[] = []
    const settled = new Set<number>()
    for (let attempt = 0; attempt < 2 && rows.length > 0; attempt++) {
      const out = await api.saveObservations(rows.map((r) => toInput(r, g.period)))
      for (const br of out.rows) {
        const r = rowById(br.indicator_id)
        if (!r) continue
        if (br.conflict && alreadyStored(br.conflict)) {
          // An earlier send reached the server but its answer was lost: the server holds
          // exactly this, so it is saved (not a conflict, and not written twice).
          r.error = null
          r.conflict = null
          r.current = br.conflict.theirs
          r.base = br.conflict.theirs?.version ?? 0
          settled.add(br.indicator_id)
          continue
        }
        r.error = br.error
        r.conflict = br.conflict
        if (out.committed || br.error === null) r.issues = br.error ? [] : br.issues
        if (out.committed) {
          r.current = br.observation
          r.base = br.observation?.version ?? 0
        }
        if (br.error) refused.push(String(br.indicator_id))
      }
      if (out.committed) break
      rows = rows.filter((r) => r.error === null && !settled.has(r.indicator_id))
    }
    return refused
  }

  /** The queue's state: pending rows, the error, and whether cells wait offline. */
  function onQueueState(q: AutosaveQueue, pending: number, err: unknown) {
    pendingRows.value = pending
    if (isOffline(err)) {
      offline.value = true
      saveError.value = null
      const cells: Record<string, string[]> = {}
      for (const [k, edits] of Object.entries(q.pending())) cells[k] = Object.keys(edits)
      offlineCells.value = cells
      retry?.start()
      return
    }
    offline.value = false
    offlineCells.value = {}
    retry?.stop()
    saveError.value = err ? String((err as { message?: string }).message ?? err) : null
  }

  async function open(departmentId: number, period: string) {
    retry?.stop()
    retry = null
    queue.value?.dispose()
    await queue.value?.flush()
    loading.value = true
    try {
      const dto = await api.entryGrid(departmentId, period)
      grid.value = { ...dto, rows: dto.rows.map(toRow) }
    } finally {
      loading.value = false
    }
    undoStack.clear()
    canUndo.value = false
    restoredRows.value = 0
    const backup = new DraftBackup(backupStorage(), draftKey(departmentId, period))
    offline.value = false
    offlineCells.value = {}
    const q: AutosaveQueue = new AutosaveQueue(
      saveRows,
      backup,
      autosaveDelay.ms,
      (pending, err) => onQueueState(q, pending, err),
      (k) => rowById(Number(k))?.base,
    )
    queue.value = markRaw(q)
    retry = new OfflineRetry(() => q.flush(), offlineResend.target(), offlineResend.ms)
    const snap = backup.read()
    if (snap && editable.value) {
      // Edits left by a closed app: put them back and save them as a draft, based on the
      // version they were typed on (a cell changed since is a conflict to choose from).
      for (const [k, edits] of Object.entries(snap.rows)) {
        const r = rowById(Number(k))
        if (!r) continue
        for (const [f, v] of Object.entries(edits)) set(r, f, v)
        const base = snap.bases?.[k]
        if (base !== undefined) r.base = base
      }
      restoredRows.value = Object.keys(snap.rows).length
      q.restore(snap.rows)
    } else if (snap) {
      // The period is locked (or not ours): the old draft cannot apply any more.
      backup.clear()
    }
  }

  function apply(id: number, field: string, text: string) {
    const r = rowById(id)
    if (!r) return
    set(r, field, text)
    queue.value?.edit(id, field, text)
  }

  /** One user action (a chosen option or a pasted block): applied, autosaved, undoable. */
  function edit(changes: { key: number; field: string; text: string }[]) {
    if (!editable.value) return
    const recorded: CellChange[] = []
    for (const c of changes) {
      const r = rowById(c.key)
      if (!r) continue
      recorded.push({ key: c.key, field: c.field, before: get(r, c.field), after: c.text })
      apply(c.key, c.field, c.text)
    }
    undoStack.push(recorded)
    canUndo.value = undoStack.canUndo
  }

  /** A keystroke in a cell: shown and autosaved at once; undo is recorded on leaving it. */
  function type(key: number, field: string, text: string) {
    if (editable.value) apply(key, field, text)
  }

  /** Leaving a typed cell: the whole typing becomes one undo step. */
  function recordTyped(key: number, field: string, before: string, after: string) {
    if (!editable.value || before === after) return
    undoStack.push([{ key, field, before, after }])
    canUndo.value = undoStack.canUndo
    const r = rowById(key)
    if (r && get(r, field) !== after) apply(key, field, after)
  }

  function undo(): CellChange[] | null {
    if (!editable.value) return null
    const step = undoStack.undo()
    if (step) for (const c of step) apply(c.key, c.field, c.before)
    canUndo.value = undoStack.canUndo
    return step
  }

  /** A conflict resolved by keeping what this person typed: saved again over the newer value. */
  function keepMine(id: number) {
    const r = rowById(id)
    if (!r?.conflict) return
    r.base = r.conflict.theirs?.version ?? 0
    r.conflict = null
    r.error = null
    queue.value?.retry()
  }

  /** A conflict resolved by taking the stored value: this person's edits of the row go. */
  function takeTheirs(id: number) {
    const r = rowById(id)
    if (!r?.conflict) return
    const theirs = r.conflict.theirs
    Object.assign(r, cellFields(theirs))
    r.current = theirs
    r.base = theirs?.version ?? 0
    r.conflict = null
    r.error = null
    r.issues = []
    queue.value?.discard(id)
  }

  /**
   * Someone else changed something: the grid is read again, unless that could lose or hide
   * anything of this person's (unsent cells, a conflict, an error, undo history).
   */
  async function refresh(): Promise<boolean> {
    const g = grid.value
    if (!g || loading.value || offline.value) return false
    if (!quietGrid({ pendingRows: pendingRows.value, canUndo: canUndo.value, rows: g.rows })) return false
    await open(g.department_id, g.period)
    return true
  }

  /** Leaving the grid: no more timed saves or resends from this page (what is pending stays
   *  in the draft backup; the page flushes it on leaving). */
  function close() {
    retry?.stop()
    queue.value?.dispose()
  }

  async function flush() {
    await queue.value?.flush()
    if (queue.value?.lastError) throw queue.value.lastError
  }

  /** Rows that keep the period from being submitted: refused values and notes still owed. */
  const blocking = computed(() =>
    (grid.value?.rows ?? []).filter(
      (r) => r.error !== null || r.issues.some((i) => i.severity === 'error' || !i.resolved),
    ),
  )

  async function transition(run: (d: number, p: string) => Promise<Submission>) {
    const g = grid.value
    if (!g) return
    await flush()
    await run(g.department_id, g.period)
    await open(g.department_id, g.period)
  }

  const submit = () => transition(api.submitPeriod)
  const approve = () => transition(api.approvePeriod)
  const sendBack = (reason: string) => transition((d, p) => api.returnPeriod(d, p, reason))
  const reopen = (reason: string) => transition((d, p) => api.reopenPeriod(d, p, reason))

  return {
    grid,
    loading,
    pendingRows,
    saveError,
    offline,
    offlineCells,
    restoredRows,
    canUndo,
    editable,
    blocking,
    open,
    edit,
    type,
    recordTyped,
    undo,
    keepMine,
    takeTheirs,
    flush,
    refresh,
    close,
    submit,
    approve,
    sendBack,
    reopen,
  }
})

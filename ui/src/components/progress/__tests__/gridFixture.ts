// A small entry grid as the engine sends it, and a fake backend behind mockIPC.
import { mockIPC } from '@tauri-apps/api/mocks'
import type {
  BatchOutcome,
  BatchRow,
  CellConflict,
  DepartmentSummary,
  EntryGrid,
  EntryRow,
  Issue,
  Observation,
  ObservationInput,
} from '../../../bindings'

export function row(id: number, name: string, extra: Partial<EntryRow> = {}): EntryRow {
  return {
    indicator_id: id,
    plan_title: '十五五规划',
    seq: String(id),
    category: '经济发展',
    name,
    unit: '%',
    attribute: '预期性',
    flow: false,
    qualitative: false,
    baseline_raw: '10',
    target_raw: '20',
    target_pending: false,
    annual_target: null,
    last: null,
    current: null,
    issues: [],
    ...extra,
  }
}

export function grid(extra: Partial<EntryGrid> = {}): EntryGrid {
  return {
    department_id: 7,
    department_name: '统计局',
    period: '2026Q3',
    submission: { department_id: 7, period: '2026Q3', state: 'draft', reason: null, updated_by: null, updated_at: null },
    can_edit: true,
    can_submit: true,
    can_review: false,
    rows: [
      row(1, '常住人口城镇化率'),
      row(2, '研发经费投入强度'),
      row(3, '空气质量保持稳定', { qualitative: true, unit: null }),
      row(4, '城镇新增就业人数', { unit: '万人' }),
    ],
    ...extra,
  }
}

export interface FakeBackend {
  calls: { cmd: string; args: Record<string, unknown> }[]
  saved: ObservationInput[][]
  grid: EntryGrid
  /** Per indicator: an error message the backend gives for its value. */
  refuse: Record<number, string>
  needsNote: Record<number, string>
  /** The stored cells by indicator, with versions, as the database holds them. */
  stored: Record<number, Observation | null>
  /** The server cannot be reached: every command fails with `offline`. */
  offline: boolean
  /** The next save is applied but its answer is lost on the way back (`offline`). */
  loseAnswer: boolean
  /** The server's change counter (`changes`), grown by every save and workflow step. */
  lastChange: number
  /** Another person saves a cell (a new version). */
  saveAsOther(id: number, value: number | null, by: string): Observation | null
}

let versions = 100

function observation(inp: ObservationInput, by: string): Observation | null {
  const value = inp.value?.trim() ? Number(inp.value) : null
  if (value === null && !inp.status) return null
  return {
    indicator_id: inp.indicator_id,
    period: inp.period,
    value,
    status: inp.status,
    evidence: inp.evidence,
    note: inp.note,
    source: inp.source,
    vintage: inp.vintage,
    entered_by: by,
    entered_at: '2026-12-01T02:32:00Z',
    version: ++versions,
  }
}

/** The engine's check: a save based on another version than the stored one meets a conflict. */
function conflictOf(b: FakeBackend, inp: ObservationInput): CellConflict | null {
  const theirs = b.stored[inp.indicator_id] ?? null
  const current = theirs?.version ?? 0
  if (inp.expected_version == null || inp.expected_version === current) return null
  return {
    indicator_id: inp.indicator_id,
    indicator_name: '指标',
    period: inp.period,
    expected_version: inp.expected_version,
    yours: inp,
    theirs,
    changed_by: theirs?.entered_by ?? null,
    changed_at: theirs?.entered_at ?? null,
  }
}

/** Installs a backend answering the progress commands like the engine would. */
export function fakeBackend(g: EntryGrid = grid()): FakeBackend {
  const b: FakeBackend = {
    calls: [],
    saved: [],
    grid: g,
    refuse: {},
    needsNote: {},
    stored: {},
    offline: false,
    loseAnswer: false,
    lastChange: 1,
    saveAsOther(id, value, by) {
      const o = observation({ ...emptyInput(id, b.grid.period), value: value === null ? null : String(value) }, by)
      b.stored[id] = o
      b.lastChange++
      return o
    },
  }
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    b.calls.push({ cmd, args })
    if (b.offline) throw { code: 'offline', message: '无法连接服务器，请检查网络' }
    switch (cmd) {
      case 'changes':
        return { last_change: b.lastChange }
      case 'list_departments':
        return [{ id: 7, name: '统计局', lead_count: 4, support_count: 0, user_count: 2 }] satisfies DepartmentSummary[]
      case 'entry_grid': {
        const g = JSON.parse(JSON.stringify(b.grid)) as EntryGrid
        for (const r of g.rows) if (r.indicator_id in b.stored) r.current = b.stored[r.indicator_id]
        return g
      }
      case 'save_observations': {
        const inputs = args.inputs as ObservationInput[]
        b.saved.push(inputs)
        const after = { ...b.stored }
        const rows = inputs.map((inp, index) => {
          const conflict = conflictOf(b, inp)
          const error = conflict ? '此格已被他人修改' : (b.refuse[inp.indicator_id] ?? null)
          const note = b.needsNote[inp.indicator_id]
          const issues: Issue[] = note
            ? [{ rule: 'large_change', severity: 'needs_note', message: note, resolved: !!inp.note }]
            : []
          const stored = error ? null : observation(inp, '填报员')
          if (!error) after[inp.indicator_id] = stored
          return {
            index,
            indicator_id: inp.indicator_id,
            period: inp.period,
            error,
            conflict,
            issues,
            observation: stored,
          } satisfies BatchRow
        })
        const committed = rows.every((r) => r.error === null)
        if (committed) {
          b.stored = after
          b.lastChange++
        }
        if (b.loseAnswer) {
          b.loseAnswer = false
          throw { code: 'offline', message: '无法连接服务器，请检查网络' }
        }
        return { committed, rows } satisfies BatchOutcome
      }
      case 'submit_period':
        b.grid.submission.state = 'submitted'
        b.grid.can_edit = false
        b.grid.can_submit = false
        b.lastChange++
        return b.grid.submission
      case 'approve_period':
        b.grid.submission.state = 'approved'
        return b.grid.submission
      case 'cell_history':
        return []
      default:
        throw { code: 'not_found', message: `未知命令 ${cmd}` }
    }
  })
  return b
}

function emptyInput(id: number, period: string): ObservationInput {
  return {
    indicator_id: id,
    period,
    value: null,
    status: null,
    evidence: null,
    note: null,
    source: null,
    vintage: null,
    expected_version: null,
  }
}

export function memoryStorage() {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

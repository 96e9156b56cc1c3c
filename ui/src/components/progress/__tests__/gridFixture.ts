// A small entry grid as the engine sends it, and a fake backend behind mockIPC.
import { mockIPC } from '@tauri-apps/api/mocks'
import type { BatchOutcome, BatchRow, DepartmentSummary, EntryGrid, EntryRow, Issue, ObservationInput } from '../../../bindings'

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
}

/** Installs a backend answering the progress commands like the engine would. */
export function fakeBackend(g: EntryGrid = grid()): FakeBackend {
  const b: FakeBackend = { calls: [], saved: [], grid: g, refuse: {}, needsNote: {} }
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    b.calls.push({ cmd, args })
    switch (cmd) {
      case 'list_departments':
        return [{ id: 7, name: '统计局', lead_count: 4, support_count: 0, user_count: 2 }] satisfies DepartmentSummary[]
      case 'entry_grid':
        return JSON.parse(JSON.stringify(b.grid))
      case 'save_observations': {
        const inputs = args.inputs as ObservationInput[]
        b.saved.push(inputs)
        const rows = inputs.map((inp, index) => {
          const error = b.refuse[inp.indicator_id] ?? null
          const note = b.needsNote[inp.indicator_id]
          const issues: Issue[] = note
            ? [{ rule: 'large_change', severity: 'needs_note', message: note, resolved: !!inp.note }]
            : []
          return { index, indicator_id: inp.indicator_id, period: inp.period, error, issues } satisfies BatchRow
        })
        return { committed: rows.every((r) => r.error === null), rows } satisfies BatchOutcome
      }
      case 'submit_period':
        b.grid.submission.state = 'submitted'
        b.grid.can_edit = false
        b.grid.can_submit = false
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

export function memoryStorage() {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  }
}

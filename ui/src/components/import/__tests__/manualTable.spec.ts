import { describe, expect, it } from 'vitest'
import type { ImportCorrection, ImportPreview } from '../../../bindings'
import {
  choiceProblem,
  choicesOf,
  fillPlanYears,
  logCorrection,
  manualTableKey,
  numberedLines,
  planKeyFor,
  rangeOf,
  textUpTo,
  withoutTable,
} from '../manualTable'

describe('source lines', () => {
  it('numbers lines from 1 as the engine does, CRLF included', () => {
    expect(numberedLines('甲\r\n乙\n\n丙\n')).toEqual([
      { n: 1, text: '甲' },
      { n: 2, text: '乙' },
      { n: 3, text: '' },
      { n: 4, text: '丙' },
    ])
  })

  it('orders a selection made upwards', () => {
    expect(rangeOf(7, 3)).toEqual({ first: 3, last: 7 })
    expect(rangeOf(3, 3)).toEqual({ first: 3, last: 3 })
  })

  it('sends only the text up to the last selected line', () => {
    expect(textUpTo('a\nb\nc\nd', 2)).toBe('a\nb')
    expect(numberedLines(textUpTo('a\r\nb\r\nc', 2)).map((l) => l.text)).toEqual(['a', 'b'])
  })
})

describe('column choices', () => {
  it('start from the importer reading and are checked before asking the engine', () => {
    const c = choicesOf([
      { index: 0, label: '', role: 'name', year: null, reason: '内容为最长的文字' },
      { index: 1, label: '2027年', role: 'annual', year: 2027, reason: '表头年份' },
    ])
    expect(c).toEqual([
      { role: 'name', year: null },
      { role: 'annual', year: 2027 },
    ])
    expect(choiceProblem(c)).toBeNull()
    expect(choiceProblem([{ role: 'unit', year: null }])).toContain('指标名称')
    expect(choiceProblem([...c, { role: 'annual', year: null }])).toContain('年份')
  })
})

const preview = (tables: [string, string, number][]): ImportPreview => ({
  sha256: 'x',
  file_name: null,
  text: '',
  corrections: [],
  plans: ['p0', 'p1'].map((key) => ({
    key,
    title: key,
    issuer: null,
    doc_number: null,
    issue_date: null,
    period_start: null,
    period_end: null,
    baseline_year: null,
    target_year: null,
    tables: tables
      .filter(([p]) => p === key)
      .map(([, k, line]) => ({
        key: k,
        keep: true,
        title: '',
        kind: 'targets',
        baseline_year: null,
        target_year: null,
        start_line: line,
        end_line: line + 5,
        columns: [],
        notes: [],
        column_roles: [],
        rows: [],
      })),
  })),
})

describe('manual table keys and plans', () => {
  it('gives a key no table uses', () => {
    const p = preview([
      ['p0', 'p0/t0', 10],
      ['p0', 'p0/m0', 30],
    ])
    expect(manualTableKey(p, 'p0')).toBe('p0/m1')
    expect(manualTableKey(p, 'p1')).toBe('p1/m0')
  })

  it('puts a table under the plan whose tables come last before it', () => {
    const p = preview([
      ['p0', 'p0/t0', 10],
      ['p1', 'p1/t0', 50],
    ])
    expect(planKeyFor(p, 5)).toBe('p0')
    expect(planKeyFor(p, 30)).toBe('p0')
    expect(planKeyFor(p, 60)).toBe('p1')
  })
})

describe('the corrections log', () => {
  const manual = (first: number): ImportCorrection => ({
    kind: 'manual_table',
    table_key: 'p0/m0',
    first,
    last: first + 3,
    header_rows: 0,
    columns: [{ role: 'name', year: null }],
  })
  const merge: ImportCorrection = { kind: 'rows_merged', table_key: 'p0/m0', row_keys: ['p0/m0/r0', 'p0/m0/r1'] }
  const other: ImportCorrection = { kind: 'row_added', table_key: 'p0/t0', row_key: 'p0/t0/a0' }

  it('a table read again replaces its reading and the row edits made on it', () => {
    let log = logCorrection([], manual(3))
    log = logCorrection(log, merge)
    log = logCorrection(log, other)
    log = logCorrection(log, manual(4))
    expect(log).toEqual([other, manual(4)])
  })

  it('a table left out takes its corrections with it', () => {
    expect(withoutTable([manual(3), other], 'p0/m0')).toEqual([other])
  })
})

describe('plan years from a table made by hand', () => {
  it('fills only the years the plan lacks', () => {
    const p = preview([['p0', 'p0/m0', 3]])
    const plan = p.plans[0]
    const table = { ...plan.tables[0], baseline_year: 2025, target_year: 2030 }
    fillPlanYears(plan, table)
    expect([plan.baseline_year, plan.target_year, plan.period_start, plan.period_end]).toEqual([2025, 2030, 2026, 2030])
    const other = p.plans[1]
    other.target_year = 2035
    fillPlanYears(other, table)
    expect([other.target_year, other.period_end, other.period_start]).toEqual([2035, 2035, 2026])
  })
})

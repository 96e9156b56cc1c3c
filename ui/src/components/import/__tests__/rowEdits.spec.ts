import { describe, expect, it } from 'vitest'
import type { PreviewRow, PreviewTable } from '../../../bindings'
import {
  addRow,
  blankRow,
  doubtCount,
  markChecked,
  mergeRows,
  setCategory,
  splitCell,
  splitRow,
  visibleRows,
} from '../rowEdits'

const T = 'p0/t0'

function row(i: number, over: Partial<PreviewRow> = {}): PreviewRow {
  return { ...blankRow(`${T}/r${i}`, 10 + i, '经济发展'), reasons: ['指标名称取自“指标”列'], name: `指标${i}`, ...over }
}

const table = (rows: PreviewRow[], keep = true): PreviewTable => ({
  key: T,
  keep,
  title: '表',
  kind: 'targets',
  baseline_year: 2025,
  target_year: 2030,
  start_line: 1,
  end_line: 20,
  columns: [],
  notes: [],
  column_roles: [],
  rows,
})

describe('the 待核对 filter and count', () => {
  const rows = [row(0), row(1, { doubts: ['目标值读不成数值'] }), row(2), row(3, { doubts: ['x'], keep: false }), row(4, { doubts: ['y'] })]

  it('shows only doubtful kept rows, in table order', () => {
    expect(visibleRows(rows, true).map((r) => r.key)).toEqual([`${T}/r1`, `${T}/r4`])
    expect(visibleRows(rows, false).map((r) => r.key)).toEqual([`${T}/r0`, `${T}/r1`, `${T}/r2`, `${T}/r4`])
  })

  it('counts doubtful rows of kept tables only', () => {
    expect(doubtCount([table(rows), table([row(5, { doubts: ['z'] })], false)])).toBe(2)
  })
})

describe('adding a row', () => {
  it('puts an empty row after the chosen one, with a fresh key and its category', () => {
    const rows = [row(0), row(1, { category: '民生福祉' })]
    const added = addRow(T, rows, `${T}/r1`)
    expect(rows.map((r) => r.key)).toEqual([`${T}/r0`, `${T}/r1`, `${T}/a0`])
    expect(added).toMatchObject({ name: '', category: '民生福祉', line: 11, keep: true, doubts: [] })
    expect(added.reasons).toEqual(['由用户添加'])
    expect(addRow(T, rows, `${T}/r0`).key).toBe(`${T}/a1`)
    expect(rows[1].key).toBe(`${T}/a1`)
  })

  it('adds at the end of an empty table', () => {
    const rows: PreviewRow[] = []
    addRow(T, rows, null)
    expect(rows).toHaveLength(1)
    expect(rows[0].line).toBe(0)
  })
})

describe('merging two rows a page break split', () => {
  it('joins the names and fills the first row gaps from the second', () => {
    const rows = [
      row(0, { name: '单位地区生产总值能源', unit: null, doubts: ['目标值为空'] }),
      row(1, { name: '消耗降低（%）', unit: '%', target_raw: '〔13.5〕', attribute: '约束性' }),
      row(2),
    ]
    const m = mergeRows(rows, `${T}/r1`, `${T}/r0`)!
    expect(m.key).toBe(`${T}/r0`)
    expect(m.name).toBe('单位地区生产总值能源消耗降低（%）')
    expect(m).toMatchObject({ unit: '%', target_raw: '〔13.5〕', attribute: '约束性', doubts: [] })
    expect(m.reasons.at(-1)).toBe('由用户与第 11 行合并')
    expect(rows.map((r) => r.key)).toEqual([`${T}/r0`, `${T}/r2`])
  })

  it('keeps the first row cells where it has them', () => {
    const rows = [row(0, { target_raw: '26' }), row(1, { target_raw: '30' })]
    expect(mergeRows(rows, `${T}/r0`, `${T}/r1`)!.target_raw).toBe('26')
  })

  it('refuses unknown or identical keys', () => {
    const rows = [row(0), row(1)]
    expect(mergeRows(rows, `${T}/r0`, `${T}/r0`)).toBeNull()
    expect(mergeRows(rows, `${T}/r0`, 'nope')).toBeNull()
    expect(rows).toHaveLength(2)
  })
})

describe('splitting a row that holds two indicators', () => {
  it('splits cells at / only into exactly two parts', () => {
    expect(splitCell('≤0.7/≤1.8', 2)).toEqual(['≤0.7', '≤1.8'])
    expect(splitCell('用水量、用地量', 2)).toEqual(['用水量', '用地量'])
    expect(splitCell('26', 2)).toEqual(['26', '26'])
    expect(splitCell('a/b/c', 2)).toEqual(['a/b/c', 'a/b/c'])
    expect(splitCell(null, 2)).toEqual([null, null])
  })

  it('gives two rows, the second right after, values read again on commit', () => {
    const target = { raw: '≤0.7/≤1.8' } as PreviewRow['target']
    const rows = [
      row(0, { name: '万元GDP用水量/用地量', unit: '立方米/万元', target_raw: '≤0.7/≤1.8', target, baseline_raw: '0.9', doubts: ['目标值读不成数值'] }),
      row(1),
    ]
    const [a, b] = splitRow(T, rows, `${T}/r0`)!
    expect(rows.map((r) => r.key)).toEqual([`${T}/r0`, `${T}/s0`, `${T}/r1`])
    expect([a.name, b.name]).toEqual(['万元GDP用水量', '用地量'])
    expect([a.unit, b.unit]).toEqual(['立方米', '万元'])
    expect([a.target_raw, b.target_raw]).toEqual(['≤0.7', '≤1.8'])
    expect([a.target, b.target]).toEqual([null, null])
    expect([a.baseline_raw, b.baseline_raw]).toEqual(['0.9', '0.9'])
    expect([a.doubts, b.doubts]).toEqual([[], []])
    expect(b.reasons).toEqual(['由用户从第 10 行拆分'])
    expect(b.category).toBe('经济发展')
  })

  it('keeps a compound unit whole when the name does not split', () => {
    const rows = [row(0, { name: '单位GDP能耗', unit: '吨/万元', target_raw: '≤0.7/≤1.8' })]
    const [a, b] = splitRow(T, rows, `${T}/r0`)!
    expect([a.unit, b.unit]).toEqual(['吨/万元', '吨/万元'])
    expect([a.name, b.name]).toEqual(['单位GDP能耗', '单位GDP能耗'])
    expect(splitRow(T, rows, 'nope')).toBeNull()
  })
})

describe('setting the category of a block', () => {
  it('sets it on the selected rows only; blank clears it', () => {
    const rows = [row(0), row(1), row(2)]
    expect(setCategory(rows, [`${T}/r0`, `${T}/r2`], ' 生态环境 ')).toBe(2)
    expect(rows.map((r) => r.category)).toEqual(['生态环境', '经济发展', '生态环境'])
    setCategory(rows, [`${T}/r1`], '  ')
    expect(rows[1].category).toBeNull()
  })
})

describe('marking a row as checked', () => {
  it('moves its doubts to its reasons, so it leaves the 待核对 filter', () => {
    const rows = [row(0, { doubts: ['目标值读不成数值'] })]
    markChecked(rows[0])
    expect(rows[0].doubts).toEqual([])
    expect(rows[0].reasons).toEqual(['指标名称取自“指标”列', '已由用户核对：目标值读不成数值'])
    expect(visibleRows(rows, true)).toEqual([])
    markChecked(rows[0])
    expect(rows[0].reasons).toHaveLength(2)
  })
})

import { describe, expect, it } from 'vitest'
import { bindingLagging, countByLabel, filterRows, laggingFirst, percent, svgDataUrl } from '../statusFilter'

const rows = [
  { id: 1, label: '已完成', attribute: '约束性' },
  { id: 2, label: '滞后', attribute: '预期性' },
  { id: 3, label: '滞后', attribute: '约束性' },
  { id: 4, label: '严重滞后', attribute: '约束性' },
  { id: 5, label: '无数据', attribute: null },
  { id: 6, label: '严重滞后', attribute: '预期性' },
]

describe('dashboard status logic', () => {
  it('orders binding lagging first, worst first, then other lagging, then the rest', () => {
    expect(laggingFirst(rows).map((r) => r.id)).toEqual([4, 3, 6, 2, 1, 5])
  })

  it('the warning list holds only lagging binding indicators', () => {
    expect(bindingLagging(rows).map((r) => r.id)).toEqual([4, 3])
  })

  it('filters by attribute and labels', () => {
    expect(filterRows(rows, { attribute: '约束性', labels: [] }).map((r) => r.id)).toEqual([1, 3, 4])
    expect(filterRows(rows, { attribute: null, labels: ['滞后', '无数据'] }).map((r) => r.id)).toEqual([2, 3, 5])
  })

  it('counts every label, zero included', () => {
    const c = countByLabel(rows)
    expect(c.find((x) => x.label === '滞后')?.count).toBe(2)
    expect(c.find((x) => x.label === '快于预期')?.count).toBe(0)
    expect(c.reduce((s, x) => s + x.count, 0)).toBe(rows.length)
  })

  it('formats percentages and wraps SVG as a data URL', () => {
    expect(percent(0.734)).toBe('73.4%')
    expect(percent(null)).toBe('—')
    const url = svgDataUrl('<svg><text>滞后</text></svg>')
    expect(url.startsWith('data:image/svg+xml')).toBe(true)
    expect(decodeURIComponent(url.split(',')[1])).toBe('<svg><text>滞后</text></svg>')
  })
})

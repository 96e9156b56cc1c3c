import { describe, expect, it } from 'vitest'
import { countsInOrder, LABELS, percent, svgDataUrl } from '../statusFilter'

describe('dashboard status display', () => {
  it('puts the engine counts in the display order, every label present', () => {
    const c = countsInOrder({
      total: 3,
      binding_lagging: 1,
      counts: [
        { label: '无数据', count: 1 },
        { label: '滞后', count: 2 },
      ],
    })
    expect(c.map((x) => x.label)).toEqual([...LABELS])
    expect(c.find((x) => x.label === '滞后')?.count).toBe(2)
    expect(c.find((x) => x.label === '无数据')?.count).toBe(1)
    expect(c.find((x) => x.label === '快于预期')?.count).toBe(0)
  })

  it('formats percentages and wraps SVG as a data URL', () => {
    expect(percent(0.734)).toBe('73.4%')
    expect(percent(null)).toBe('—')
    const url = svgDataUrl('<svg><text>滞后</text></svg>')
    expect(url.startsWith('data:image/svg+xml')).toBe(true)
    expect(decodeURIComponent(url.split(',')[1])).toBe('<svg><text>滞后</text></svg>')
  })
})

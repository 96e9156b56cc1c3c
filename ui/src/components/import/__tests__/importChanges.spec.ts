import { describe, expect, it } from 'vitest'
import type { ImportChanges } from '../../../bindings'
import { changeSummary, fieldChangeText, revisesStoredPlans } from '../importChanges'

const none = {
  same_document: false,
  plans: [{ key: 'p0', title: '新规划', plan_id: null, new_tables: ['表1'], revisions: [] }],
} satisfies ImportChanges

const corrected = {
  same_document: false,
  plans: [
    {
      key: 'p0',
      title: '示范市“十五五”规划',
      plan_id: 3,
      new_tables: [],
      revisions: [
        {
          table_id: 7,
          title: '表1 主要指标',
          added: ['碳排放降低'],
          changed: [{ indicator_id: 1, name: '森林覆盖率', changes: [{ field: '目标值', old: '36', new: '36.5' }] }],
          dropped: [
            { indicator_id: 2, name: '地表水优良比例', kept_for_values: true },
            { indicator_id: 3, name: '污水处理率', kept_for_values: false },
          ],
          unchanged: 1,
        },
      ],
    },
  ],
} satisfies ImportChanges

describe('import changes', () => {
  it('asks only when a stored plan is revised', () => {
    expect(revisesStoredPlans(none)).toBe(false)
    expect(revisesStoredPlans(corrected)).toBe(true)
  })

  it('counts updates, additions, removals and rows kept for their values', () => {
    const s = changeSummary(corrected)
    expect(s).toContain('更新 1 项')
    expect(s).toContain('新增 1 项')
    expect(s).toContain('删除 1 项')
    expect(s).toContain('1 项新文件中已无但有填报数据，予以保留')
  })

  it('writes a field change as old → new with dashes for empty sides', () => {
    expect(fieldChangeText('36', '36.5')).toBe('36 → 36.5')
    expect(fieldChangeText(null, '〔18〕')).toBe('— → 〔18〕')
  })
})

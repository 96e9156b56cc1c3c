import { describe, expect, it } from 'vitest'
import type { CellConflict } from '../../../bindings'
import { alreadyStored, conflictSides, localMinutes } from '../cellConflict'

const input = {
  indicator_id: 1,
  period: '2026Q3',
  value: ' 61 ',
  status: null,
  evidence: null,
  note: null,
  source: null,
  vintage: null,
  expected_version: 0,
}

function conflict(extra: Partial<CellConflict> = {}): CellConflict {
  return {
    indicator_id: 1,
    indicator_name: '常住人口城镇化率',
    period: '2026Q3',
    expected_version: 0,
    yours: input,
    theirs: {
      indicator_id: 1,
      period: '2026Q3',
      value: 58.5,
      status: null,
      evidence: null,
      note: null,
      source: null,
      vintage: null,
      entered_by: '张三',
      entered_at: '2026-12-01T02:32:10Z',
      version: 7,
    },
    changed_by: '张三',
    changed_at: '2026-12-01T02:32:10Z',
    ...extra,
  }
}

describe('cell conflict', () => {
  it('shows the stored value with who and when (local time), and what was typed', () => {
    expect(conflictSides(conflict(), 'Asia/Shanghai')).toEqual({
      theirsLabel: '张三 2026-12-01 10:32 保存的：',
      theirs: '58.5',
      yours: '61',
    })
  })

  it('says when the cell was cleared, or when the typing clears it', () => {
    const s = conflictSides(conflict({ theirs: null, yours: { ...input, value: null } }), 'UTC')
    expect(s).toMatchObject({ theirs: '（已清空）', yours: '（清空）', theirsLabel: '张三 2026-12-01 02:32 清空了此格：' })
  })

  it('keeps text it cannot read as a time', () => {
    expect(localMinutes('昨天')).toBe('昨天')
  })
})

describe('alreadyStored', () => {
  it('a stored cell equal to what was typed is no conflict (a resent save whose answer was lost)', () => {
    const mine = conflict()
    expect(alreadyStored(mine)).toBe(false)
    expect(alreadyStored(conflict({ theirs: { ...mine.theirs!, value: 61 } }))).toBe(true)
    expect(alreadyStored(conflict({ theirs: { ...mine.theirs!, value: 61, note: '口径调整' } }))).toBe(false)
    expect(alreadyStored(conflict({ theirs: null }))).toBe(false)
    expect(alreadyStored(conflict({ yours: { ...input, value: 'abc' }, theirs: { ...mine.theirs!, value: null } }))).toBe(false)
  })
})

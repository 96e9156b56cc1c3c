import { describe, expect, it } from 'vitest'
import type { Value } from '../../bindings'
import { describeValue } from '../value'

// Cells as the engine's grammar returns them (see src/grammar/tests.rs).
function cell(partial: Partial<Value>): Value {
  return {
    raw: '',
    kind: 'number',
    value: null,
    qualifier: null,
    cumulative: false,
    text: null,
    ...partial,
  }
}

describe('describeValue', () => {
  it('reads a bound in plain Chinese', () => {
    expect(describeValue(cell({ raw: '≥60%', value: 60, qualifier: 'ge', unit_in_cell: '%' }))).toBe('不低于 60 %')
  })

  it('gives both ends of a range with the unit', () => {
    const v = cell({ raw: '3~5家', value: 3, range: { low: 3, high: 5 }, unit_in_cell: '家', text: '3~5家' })
    expect(describeValue(v)).toBe('3～5 家 之间')
  })

  it('marks a cumulative range', () => {
    const v = cell({ raw: '[10~12]', value: 10, range: { low: 10, high: 12 }, cumulative: true })
    expect(describeValue(v, '万人')).toBe('10～12 万人 之间，规划期累计')
  })

  it('says pending and qualitative targets as they are', () => {
    expect(describeValue(cell({ raw: '按省下达目标', kind: 'pending', text: '按省下达目标' }))).toBe('目标待下达：按省下达目标')
    expect(describeValue(cell({ raw: '保持稳定', kind: 'qualitative', text: '保持稳定' }))).toBe('定性目标：保持稳定')
  })
})

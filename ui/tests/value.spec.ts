import { describe, expect, it } from 'vitest'
import { describeValue } from '../src/format/value'
import type { Value } from '../src/bindings'

const base: Value = { raw: '', kind: 'number', value: null, qualifier: null, cumulative: false, text: null }

describe('describeValue', () => {
  it('reads a cumulative lower bound', () => {
    expect(describeValue({ ...base, raw: '[≥60]', value: 60, qualifier: 'ge', cumulative: true })).toBe(
      '不低于 60，规划期累计',
    )
  })
  it('keeps the unit and the approximate mark', () => {
    expect(describeValue({ ...base, raw: '6.0左右', value: 6, qualifier: 'approx' }, '%')).toBe('6 % 左右')
  })
  it('explains relative targets and pending ones', () => {
    const rel: Value = {
      ...base,
      raw: '下降16%',
      kind: 'relative',
      value: 16,
      relative: { direction: 'decrease', percent: true, reference: null },
    }
    expect(describeValue(rel)).toBe('比基期下降 16%')
    expect(describeValue({ ...base, raw: '按省下达目标', kind: 'pending', text: '按省下达目标' })).toBe(
      '目标待下达：按省下达目标',
    )
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { openingPeriod, outsidePlan } from '../periodDefault'
import { formatPace, judgementType, startingTargets } from '../feasibilityFormat'
import type { FeasibilityRow } from '../../../api/lifecycle'

afterEach(() => clearMocks())

describe('opening period', () => {
  it('is the engine\'s answer for the selection', async () => {
    let asked: Record<string, unknown> = {}
    mockIPC((cmd, payload) => {
      if (cmd !== 'default_period') throw { code: 'not_found', message: cmd }
      asked = payload as Record<string, unknown>
      return { period: '2025', reason: '有数据的最近期间' }
    })
    expect(await openingPeriod({ plan_id: 4, department_id: null, granularity: 'year' }, new Date(2026, 10, 30))).toBe('2025')
    expect(asked).toMatchObject({ selection: { plan_id: 4, department_id: null, granularity: 'year' } })
  })

  it('falls back to the last finished quarter (or its year) when the engine cannot answer', async () => {
    mockIPC(() => {
      throw { code: 'internal', message: 'x' }
    })
    const now = new Date(2026, 10, 30)
    expect(await openingPeriod({ plan_id: null, department_id: null, granularity: 'any' }, now)).toBe('2026Q3')
    expect(await openingPeriod({ plan_id: null, department_id: null, granularity: 'year' }, now)).toBe('2026')
  })
})

describe('values outside a plan', () => {
  it('are those after the plan\'s last year', () => {
    expect(outsidePlan('2026Q1', 2025)).toBe(true)
    expect(outsidePlan('2025', 2025)).toBe(false)
    expect(outsidePlan('2025Q4', 2025)).toBe(false)
    expect(outsidePlan('2031', null)).toBe(false)
  })
})

describe('feasibility wording', () => {
  it('shows rates as percentages and amounts as numbers', () => {
    expect(formatPace('rate', 0.057944)).toBe('5.79%')
    expect(formatPace('amount', 8.4)).toBe('8.4')
    expect(formatPace('change', -0.123456)).toBe('-0.1235')
    expect(formatPace(null, 1)).toBe('—')
    expect(judgementType('偏高')).toBe('danger')
    expect(judgementType('无法评估')).toBe('info')
  })

  it('starts the annual-target editor from saved targets, else the proposal', () => {
    const row = {
      result: { proposed: [[2026, 4420], [2027, 4690]] },
      saved: [[2027, 4700], [2035, 1]],
    } as unknown as FeasibilityRow
    expect(startingTargets(row)).toEqual({ 2026: 4420, 2027: 4700 })
  })
})

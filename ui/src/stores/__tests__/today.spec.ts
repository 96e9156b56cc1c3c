import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import type { Today } from '../../bindings'
import { parseDate, useTodayStore } from '../today'
import { defaultPeriod } from '../../components/progress/periods'

describe('today from the engine', () => {
  let answer: Today
  beforeEach(() => {
    setActivePinia(createPinia())
    answer = { date: '2025-08-20', source: 'setting' }
    mockIPC((cmd) => {
      if (cmd === 'today') return answer
      throw { code: 'not_found', message: cmd }
    })
  })
  afterEach(() => clearMocks())

  it('period pickers start from the fixed date, not the clock', async () => {
    const store = useTodayStore()
    await store.load()
    expect(store.fixed).toBe(true)
    expect(store.now().getFullYear()).toBe(2025)
    expect(defaultPeriod(store.now())).toBe(defaultPeriod(new Date(2025, 7, 20)))
  })

  it('keeps the clock when the engine cannot answer', async () => {
    mockIPC(() => {
      throw { code: 'internal', message: '不可用' }
    })
    const store = useTodayStore()
    await store.load()
    expect(store.fixed).toBe(false)
    expect(store.now().getFullYear()).toBe(new Date().getFullYear())
  })

  it('reads YYYY-MM-DD as a local date', () => {
    const d = parseDate('2026-01-01')!
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 0, 1])
    expect(parseDate('2026/1/1')).toBeNull()
  })
})

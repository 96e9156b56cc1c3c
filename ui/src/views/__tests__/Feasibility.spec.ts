// 目标可行性 page: each row shows the engine's paces and judgement and flags an adjusted base;
// a manager saves the proposed annual targets as they stand, a clerk cannot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Feasibility from '../Feasibility.vue'
import { useSessionStore } from '../../stores/session'
import type { FeasibilityRow } from '../../bindings'

// The demo's 十五五 GDP: 4150 → 5500 asks 5.79 % a year; 十四五 realised 6.45 % (3000 → 4100).
const GDP = {
  indicator: { id: 21, name: '地区生产总值', unit: '亿元', plan_id: 10, plan_title: '十五五规划', target_raw: '5500', target_year: 2030 },
  category: '经济发展',
  attribute: '预期性',
  baseline_raw: '4150',
  baseline_year: 2025,
  predecessor: { id: 1, name: '地区生产总值', unit: '亿元', plan_id: 9, plan_title: '十四五规划', target_raw: '4200', target_year: 2025 },
  baseline_shift: { year: 2025, predecessor_actual: 4100, successor_baseline: 4150, relative: 0.0122, adjusted: true },
  result: {
    pace_kind: 'rate',
    required: 0.0579446,
    realised: 0.0644678,
    forecast: 5653.017,
    judgement: '合理',
    reason: '所需年均增速为上期实际的0.90倍',
    proposed: [[2026, 4420], [2027, 4690]],
  },
  saved: [],
} as unknown as FeasibilityRow

let saved: unknown[] = []

beforeEach(() => {
  saved = []
  mockIPC((cmd, payload) => {
    switch (cmd) {
      case 'list_plans':
        return []
      case 'target_feasibility':
        return [GDP]
      case 'save_annual_targets':
        saved.push(payload)
        return 2
      default:
        throw { code: 'not_found', message: cmd }
    }
  })
})
afterEach(() => clearMocks())

async function page(role: 'manager' | 'staff') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const s = useSessionStore()
  s.user = { user_id: 1, name: 'u', role, department_id: role === 'staff' ? 1 : null, must_change_password: false }
  s.loaded = true
  const w = mount(Feasibility, { global: { plugins: [pinia, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  await w.find('.el-table__expand-icon').trigger('click')
  await flushPromises()
  return w
}

describe('目标可行性', () => {
  it('shows the paces, the judgement and an adjusted base', async () => {
    const w = await page('manager')
    const text = w.find('[data-test="feasibility-table"]').text()
    expect(text).toContain('5.79%')
    expect(text).toContain('6.45%')
    expect(text).toContain('5653.017')
    expect(w.find('[data-test="judgement-21"]').text()).toBe('合理')
    expect(w.find('[data-test="baseline-shift-tag"]').exists()).toBe(true)
    w.unmount()
  })

  it('lets a manager save the proposed annual targets, not a clerk', async () => {
    const w = await page('manager')
    await w.find('[data-test="save-targets-21"]').trigger('click')
    await flushPromises()
    expect(saved).toEqual([{ indicatorId: 21, values: [[2026, 4420], [2027, 4690]] }])
    w.unmount()
    const clerk = await page('staff')
    expect(clerk.find('[data-test="breakdown-21"]').exists()).toBe(true)
    expect(clerk.find('[data-test="save-targets-21"]').exists()).toBe(false)
    clerk.unmount()
  })
})

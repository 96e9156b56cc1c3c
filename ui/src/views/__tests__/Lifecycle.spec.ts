// Lifecycle behaviour of the views: the indicator page of a completion-review row is titled
// with the indicator's name; an empty report offers the nearest period as a button; 保存 PDF
// writes to the test output directory without the native dialog when one is named.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import IndicatorPage from '../IndicatorPage.vue'
import Reports from '../Reports.vue'
import { useSessionStore } from '../../stores/session'

const PDF = [...'%PDF-1.7 test'].map((c) => c.charCodeAt(0))
let calls: { cmd: string; args: Record<string, unknown> }[]

beforeEach(() => {
  calls = []
  URL.createObjectURL = vi.fn(() => 'blob:report-1')
  URL.revokeObjectURL = vi.fn()
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    switch (cmd) {
      case 'indicator_heading':
        return { indicator_id: 7, name: '单位地区生产总值能源消耗降低', unit: '%', plan_id: 2, plan_title: '十四五规划', phase: '已结束', phase_note: '已结束：按2025年完成情况评估', last_year: 2025, review_row: true }
      case 'default_period':
        return { period: (args.selection as { granularity: string }).granularity === 'quarter' ? '2026Q3' : '2025', reason: '' }
      case 'indicator_values':
      case 'indicator_history':
      case 'annual_targets':
      case 'target_revisions':
      case 'list_plans':
      case 'list_departments':
        return []
      case 'generate_report':
        if (args.period === '2026Q3') throw { code: 'not_found', message: '2026年第三季度没有可报告的指标：没有规划期包含2026年的规划' }
        return PDF
      case 'nearest_report_period':
        return '2025Q4'
      case 'report_output_dir':
        return '/tmp/e2e-out'
      case 'save_report':
        return null
      default:
        throw { code: 'not_found', message: cmd }
    }
  })
})
afterEach(() => clearMocks())

describe('lifecycle in the views', () => {
  it('titles the page of a completion-review row with the indicator\'s name', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const s = useSessionStore()
    s.user = { user_id: 1, name: 'u', role: 'manager', department_id: null, must_change_password: false }
    s.loaded = true
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/indicators/:id', component: IndicatorPage, props: true }] })
    await router.push('/indicators/7')
    const w = mount(IndicatorPage, { props: { id: '7' }, global: { plugins: [pinia, router, ElementPlus] } })
    await flushPromises()
    expect(w.find('[data-test="indicator-title"]').text()).toBe('单位地区生产总值能源消耗降低')
    expect(w.find('[data-test="plan-phase"]').text()).toContain('已结束：按2025年完成情况评估')
  })

  it('offers the nearest period with a report as a button, and saves to the test directory', async () => {
    const w = mount(Reports, { global: { plugins: [createPinia(), ElementPlus] } })
    await flushPromises()
    // The picker opened on the engine's default for quarterly reports.
    const asked = calls.find((c) => c.cmd === 'default_period')!.args
    expect(asked).toMatchObject({ selection: { granularity: 'quarter' } })
    await w.find('[data-test="generate"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="report-error"]').text()).toContain('没有规划期包含2026年的规划')
    const button = w.find('[data-test="use-nearest"]')
    expect(button.text()).toContain('2025年第四季度')
    await button.trigger('click')
    await flushPromises()
    expect(calls.filter((c) => c.cmd === 'generate_report').at(-1)!.args.period).toBe('2025Q4')
    expect(w.find('[data-test="report-preview"]').exists()).toBe(true)
    await w.find('[data-test="save-pdf"]').trigger('click')
    await flushPromises()
    const saved = calls.find((c) => c.cmd === 'save_report')!.args
    expect(String(saved.path)).toMatch(/^\/tmp\/e2e-out\/.*2025Q4\.pdf$/)
    expect(calls.some((c) => c.cmd === 'plugin:dialog|save')).toBe(false)
  })
})

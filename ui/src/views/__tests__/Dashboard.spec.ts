import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Dashboard from '../Dashboard.vue'
import { useDashboardStore } from '../../stores/dashboard'
import type { Attribute, DepartmentSummary, Label, PlanSummary, StatusReport, StatusRow } from '../../bindings'

function status(id: number, name: string, label: Label, attribute: Attribute | null): StatusRow {
  return {
    plan_id: 1,
    plan_title: '十五五规划',
    seq: String(id),
    category: '绿色发展',
    name,
    unit: '%',
    attribute,
    department_id: 3,
    department: '生态环境局',
    baseline_raw: '10',
    target_raw: '20',
    baseline_year: 2025,
    target_year: 2030,
    status: {
      indicator_id: id,
      period: '2026',
      label,
      form: 'level',
      actual_period: '2026',
      actual: 12,
      baseline: 10,
      target: 20,
      completion: 0.2,
      expected: 0.2,
      annual_target: null,
      cagr_ratio: null,
      cagr_band: null,
      forecast: null,
      required_rate: null,
      required_annual_change: null,
      reason: { kind: 'progress', completion: 0.2, expected: 0.2, annual_target: false },
    },
    reason: '按序时进度评估',
    phase: '执行中',
    lifecycle_note: null,
  }
}

const PLANS = [
  {
    id: 1,
    title: '十五五规划',
    issuer: null,
    doc_number: null,
    issue_date: null,
    period_start: 2026,
    period_end: 2030,
    baseline_year: 2025,
    target_year: 2030,
    table_count: 1,
    indicator_count: 5,
    binding_count: 3,
    expected_count: 2,
    unmarked_count: 0,
    review_count: 0,
  },
] satisfies PlanSummary[]
const DEPARTMENTS = [
  { id: 3, name: '生态环境局', lead_count: 2, support_count: 0, user_count: 1 },
] satisfies DepartmentSummary[]

function report(period: string, rows: StatusRow[]): StatusReport {
  const empty = { total: 0, counts: [], binding_lagging: 0 }
  return { period, rows, overall: empty, by_plan: [], by_category: [], by_attribute: [], by_department: [] }
}

const ROWS = [
  status(1, '单位GDP能耗降低', '已完成', '约束性'),
  status(2, '森林覆盖率', '滞后', '约束性'),
  status(3, '居民人均可支配收入增长', '滞后', '预期性'),
  status(4, '地表水达标比例', '严重滞后', '约束性'),
  status(5, '城镇调查失业率', '无数据', '预期性'),
]

let calls: { cmd: string; args: Record<string, unknown> }[]

beforeEach(() => {
  calls = []
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    if (cmd === 'list_plans') return PLANS
    if (cmd === 'list_departments') return DEPARTMENTS
    if (cmd === 'status_report') return report(String(args.period), args.departmentId === 3 ? ROWS.slice(0, 2) : ROWS)
    if (cmd === 'chart_svg') return '<svg xmlns="http://www.w3.org/2000/svg"><text>差距图</text></svg>'
    throw { code: 'not_found', message: cmd }
  })
})
afterEach(() => clearMocks())

async function mountDashboard() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Dashboard },
      { path: '/indicators/:id', name: 'indicator', component: { template: '<div>indicator</div>' } },
    ],
  })
  await router.push('/')
  const w = mount(Dashboard, { global: { plugins: [pinia, router, ElementPlus] } })
  await flushPromises()
  return { w, router, store: useDashboardStore() }
}

const names = (el: Element | undefined) =>
  [...(el?.querySelectorAll('a.name') ?? [])].map((a) => a.textContent?.trim())

describe('dashboard', () => {
  it('lists lagging binding indicators first, worst first, and counts by label', async () => {
    const { w } = await mountDashboard()
    expect(names(w.find('[data-test="warnings"]').element)).toEqual(['地表水达标比例', '森林覆盖率'])
    expect(names(w.find('[data-test="all-status"]').element)).toEqual([
      '地表水达标比例',
      '森林覆盖率',
      '居民人均可支配收入增长',
      '单位GDP能耗降低',
      '城镇调查失业率',
    ])
    expect(w.find('[data-label="滞后"]').text()).toContain('2')
    expect(w.find('[data-test="chart"] img').attributes('src')).toMatch(/^data:image\/svg\+xml/)
  })

  it('attribute and label filters narrow the list without asking the engine again', async () => {
    const { w, store } = await mountDashboard()
    const before = calls.filter((c) => c.cmd === 'status_report').length
    store.attribute = '预期性'
    await flushPromises()
    expect(names(w.find('[data-test="all-status"]').element)).toEqual(['居民人均可支配收入增长', '城镇调查失业率'])
    await w.find('[data-label="滞后"]').trigger('click')
    expect(names(w.find('[data-test="all-status"]').element)).toEqual(['居民人均可支配收入增长'])
    expect(calls.filter((c) => c.cmd === 'status_report').length).toBe(before)
  })

  it('department and period filters reload from the engine', async () => {
    const { w, store } = await mountDashboard()
    store.departmentId = 3
    await flushPromises()
    const last = calls.filter((c) => c.cmd === 'status_report').at(-1)!
    expect(last.args).toMatchObject({ departmentId: 3, period: store.period })
    expect(names(w.find('[data-test="all-status"]').element)).toEqual(['森林覆盖率', '单位GDP能耗降低'])
    store.period = '2025'
    await flushPromises()
    expect(calls.filter((c) => c.cmd === 'status_report').at(-1)!.args).toMatchObject({ period: '2025' })
  })

  it('clicking an indicator opens its page for the same period', async () => {
    const { w, router, store } = await mountDashboard()
    await w.find('[data-test="status-4"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('indicator')
    expect(router.currentRoute.value.params.id).toBe('4')
    expect(router.currentRoute.value.query.period).toBe(store.period)
  })
})

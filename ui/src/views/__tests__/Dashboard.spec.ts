import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Dashboard from '../Dashboard.vue'
import { useDashboardStore } from '../../stores/dashboard'
import type { Attribute, DashboardPage, DashboardQuery, DepartmentSummary, Label, PlanSummary, StatusRow } from '../../bindings'

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

/**
 * The engine's answer as the UI receives it. Filtering, ordering and counting are tested in
 * Rust (tests/evaluation/dashboard.rs); this fake applies the attribute, label and page only as far as
 * needed to see that the UI sends them and shows what comes back.
 */
function page(q: DashboardQuery, all: StatusRow[], warningsTotal = 2): DashboardPage {
  const inScope = all.filter((r) => !q.attribute || r.attribute === q.attribute)
  const listed = inScope.filter((r) => q.labels.length === 0 || q.labels.includes(r.status.label))
  const counts = [...new Set(inScope.map((r) => r.status.label))].map((label) => ({
    label,
    count: inScope.filter((r) => r.status.label === label).length,
  }))
  return {
    period: q.period,
    counts: { total: inScope.length, counts, binding_lagging: 0 },
    warnings: all.filter((r) => r.attribute === '约束性' && ['滞后', '严重滞后'].includes(r.status.label)),
    warnings_total: warningsTotal,
    rows: listed.slice(q.offset, q.offset + q.limit),
    rows_total: listed.length,
    offset: q.offset,
    ended_plans: [],
    gap_svg: q.with_gap_chart ? '<svg xmlns="http://www.w3.org/2000/svg"><text>差距图</text></svg>' : null,
  }
}

// In the engine's order: binding lagging first, worst first, then other lagging, then the rest.
const ROWS = [
  status(4, '地表水达标比例', '严重滞后', '约束性'),
  status(2, '森林覆盖率', '滞后', '约束性'),
  status(3, '居民人均可支配收入增长', '滞后', '预期性'),
  status(1, '单位GDP能耗降低', '已完成', '约束性'),
  status(5, '城镇调查失业率', '无数据', '预期性'),
]
let all = ROWS

let calls: { cmd: string; args: Record<string, unknown> }[]
let lastChange = 1

beforeEach(() => {
  calls = []
  all = ROWS
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    if (cmd === 'list_plans') return PLANS
    if (cmd === 'list_departments') return DEPARTMENTS
    if (cmd === 'dashboard_page') {
      const q = args.query as DashboardQuery
      return page(q, q.department_id === 3 ? all.slice(0, 2) : all)
    }
    if (cmd === 'chart_svg') return '<svg xmlns="http://www.w3.org/2000/svg"><text>差距图</text></svg>'
    if (cmd === 'changes') return { last_change: lastChange }
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

const pageCalls = () => calls.filter((c) => c.cmd === 'dashboard_page').map((c) => c.args.query as DashboardQuery)

describe('dashboard', () => {
  it('reloads when the server\'s change counter grew (polled every 10 s), and stops when closed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      lastChange = 1
      const { w } = await mountDashboard()
      const loads = pageCalls().length
      const polls = () => calls.filter((c) => c.cmd === 'changes').length
      expect(polls()).toBe(1)
      await vi.advanceTimersByTimeAsync(10_000)
      await flushPromises()
      expect(polls()).toBe(2)
      expect(pageCalls()).toHaveLength(loads)
      lastChange = 4
      await vi.advanceTimersByTimeAsync(10_000)
      await flushPromises()
      expect(pageCalls()).toHaveLength(loads + 1)
      w.unmount()
      await vi.advanceTimersByTimeAsync(30_000)
      expect(polls()).toBe(3)
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows the warnings, the list and the counts the engine sent', async () => {
    const { w } = await mountDashboard()
    expect(names(w.find('[data-test="warnings"]').element)).toEqual(['地表水达标比例', '森林覆盖率'])
    expect(names(w.find('[data-test="all-status"]').element)).toEqual(ROWS.map((r) => r.name))
    expect(w.find('[data-label="滞后"]').text()).toContain('2')
    expect(w.find('[data-label="快于预期"]').text()).toContain('0')
    expect(w.find('[data-test="chart"] img').attributes('src')).toMatch(/^data:image\/svg\+xml/)
    expect(pageCalls().at(-1)).toMatchObject({ offset: 0, limit: 50, labels: [], attribute: null })
  })

  it('attribute and label filters go to the engine, from the first page, without redrawing the chart', async () => {
    const { w, store } = await mountDashboard()
    expect(pageCalls().at(-1)).toMatchObject({ with_gap_chart: true })
    store.attribute = '预期性'
    await flushPromises()
    expect(pageCalls().at(-1)).toMatchObject({ attribute: '预期性', labels: [], offset: 0 })
    expect(names(w.find('[data-test="all-status"]').element)).toEqual(['居民人均可支配收入增长', '城镇调查失业率'])
    await w.find('[data-label="滞后"]').trigger('click')
    await flushPromises()
    expect(pageCalls().at(-1)).toMatchObject({ attribute: '预期性', labels: ['滞后'] })
    expect(names(w.find('[data-test="all-status"]').element)).toEqual(['居民人均可支配收入增长'])
    expect(pageCalls().at(-1)).toMatchObject({ with_gap_chart: false })
    expect(w.find('[data-test="chart"] img').exists()).toBe(true)
  })

  it('department and period filters reload from the engine', async () => {
    const { w, store } = await mountDashboard()
    store.departmentId = 3
    await flushPromises()
    expect(pageCalls().at(-1)).toMatchObject({ department_id: 3, period: store.period })
    expect(names(w.find('[data-test="all-status"]').element)).toEqual(['地表水达标比例', '森林覆盖率'])
    store.period = '2025'
    await flushPromises()
    expect(pageCalls().at(-1)).toMatchObject({ period: '2025' })
  })

  it('pages through a long list, asking the engine for one page at a time', async () => {
    all = Array.from({ length: 120 }, (_, i) => status(100 + i, `指标${i + 1}`, '无数据', '预期性'))
    const { w, store } = await mountDashboard()
    expect(w.findAll('[data-test="all-status"] a.name')).toHaveLength(50)
    expect(w.find('[data-test="status-pager"]').exists()).toBe(true)
    await w.find('[data-test="status-pager"] .btn-next').trigger('click')
    await flushPromises()
    expect(pageCalls().at(-1)).toMatchObject({ offset: 50, limit: 50 })
    expect(store.page).toBe(2)
    expect(names(w.find('[data-test="all-status"]').element)[0]).toBe('指标51')
    expect(w.find('[data-test="all-status"] tbody tr td').text()).toBe('51')
    // A filter change starts again from the first page.
    store.labels = ['无数据']
    await flushPromises()
    expect(pageCalls().at(-1)).toMatchObject({ offset: 0, labels: ['无数据'] })
  })

  it('a long warning list offers the whole list through the filters', async () => {
    mockIPC((cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>
      calls.push({ cmd, args })
      if (cmd === 'dashboard_page') return page(args.query as DashboardQuery, ROWS, 80)
      if (cmd === 'list_plans') return PLANS
      if (cmd === 'list_departments') return DEPARTMENTS
      if (cmd === 'chart_svg') return '<svg xmlns="http://www.w3.org/2000/svg"/>'
      throw { code: 'not_found', message: cmd }
    })
    const { w } = await mountDashboard()
    expect(w.text()).toContain('预警：滞后的约束性指标（80）')
    await w.find('[data-test="all-warnings"]').trigger('click')
    await flushPromises()
    expect(pageCalls().at(-1)).toMatchObject({ attribute: '约束性', labels: ['严重滞后', '滞后'], offset: 0 })
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

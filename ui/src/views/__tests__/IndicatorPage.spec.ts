import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import IndicatorPage from '../IndicatorPage.vue'
import { useSessionStore } from '../../stores/session'

let calls: { cmd: string; args: Record<string, unknown> }[]

beforeEach(() => {
  calls = []
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    switch (cmd) {
      case 'indicator_status':
        return {
          plan_id: 1, plan_title: '十五五规划', category: null, name: '森林覆盖率', unit: '%', attribute: '约束性',
          department_id: 2, department: '林业局', baseline_raw: '30', target_raw: '≥33', reason: '目标待下达',
          status: {
            indicator_id: 9, period: '2026', label: '目标待下达', actual_period: '2026', actual: 31, completion: null,
            expected: null, cagr_ratio: null, cagr_band: null, forecast: null, required_rate: null,
          },
        }
      case 'indicator_values':
        return [{ indicator_id: 9, period: '2026', value: 31, status: null, evidence: null, note: '林业统计', source: null, vintage: '快报', entered_by: '张三', entered_at: '2026-11-01' }]
      case 'indicator_history':
      case 'target_revisions':
      case 'annual_targets':
        return []
      case 'get_measures':
        return null
      case 'chart_svg':
        return '<svg xmlns="http://www.w3.org/2000/svg"/>'
      case 'assign_target':
        return { id: 1, indicator_id: 9, target: { raw: String(args.target) }, effective_date: args.effectiveDate, document: args.document, entered_by: 'm', entered_at: 'x' }
      default:
        throw { code: 'not_found', message: cmd }
    }
  })
})
afterEach(() => clearMocks())

async function mountPage(role: 'staff' | 'manager') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const s = useSessionStore()
  s.user = { user_id: 1, name: 'u', role, department_id: 1, must_change_password: false }
  s.loaded = true
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/indicators/:id', component: IndicatorPage, props: true }] })
  await router.push('/indicators/9?period=2026')
  const w = mount(IndicatorPage, { props: { id: '9' }, global: { plugins: [pinia, router, ElementPlus] } })
  await flushPromises()
  return w
}

describe('indicator page', () => {
  it('shows status, trajectory chart and values for the period in the URL', async () => {
    const w = await mountPage('staff')
    expect(w.find('[data-test="indicator-label"]').text()).toBe('目标待下达')
    expect(calls.find((c) => c.cmd === 'chart_svg')!.args).toMatchObject({ kind: 'trajectory', indicatorId: 9, period: '2026' })
    expect(w.find('[data-test="chart"] img').exists()).toBe(true)
    expect(w.text()).toContain('林业统计')
  })

  it('only managers and admins get the target forms; assigning sends value, date and document', async () => {
    expect((await mountPage('staff')).find('[data-test="assign-target"]').exists()).toBe(false)
    const w = await mountPage('manager')
    const form = w.find('[data-test="assign-target"]')
    expect(form.exists()).toBe(true)
    await form.findAll('input')[0].setValue('≥33.5')
    await form.findAll('input')[2].setValue('省政府〔2026〕12号')
    await form.find('button').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'assign_target')!.args).toMatchObject({
      indicatorId: 9,
      target: '≥33.5',
      document: '省政府〔2026〕12号',
    })
  })
})

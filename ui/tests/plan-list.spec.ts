import { afterEach, describe, expect, it, vi } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { flushPromises } from '@vue/test-utils'
import PlanList from '../src/views/PlanList.vue'
import { mountView } from './mount'
import { planSummary } from './fixtures'

afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

describe('PlanList', () => {
  it('lists every plan with 文号, period and counts by attribute', async () => {
    const plans = [
      planSummary(1, '许昌市“十四五”生态环境保护规划', { binding_count: 7, expected_count: 5 }),
      planSummary(2, '平顶山市生态文明建设规划', { period_start: 2026, period_end: 2030, doc_number: null }),
    ]
    const calls: string[] = []
    mockIPC((cmd) => {
      calls.push(cmd)
      if (cmd === 'list_plans') return plans
    })
    const { wrapper } = await mountView(PlanList)
    expect(calls).toContain('list_plans')
    const rows = wrapper.findAll('.el-table__body tr.el-table__row')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('许昌市“十四五”生态环境保护规划')
    expect(rows[0].text()).toContain('许政〔2022〕1号')
    expect(rows[0].text()).toContain('2021—2025年')
    expect(rows[0].text()).toContain('7')
    expect(rows[1].text()).toContain('2026—2030年')
    expect(rows[1].text()).toContain('—')
  })

  it('opens the plan on click', async () => {
    mockIPC((cmd) => (cmd === 'list_plans' ? [planSummary(5, '规划五')] : undefined))
    const { wrapper, router } = await mountView(PlanList)
    const push = vi.spyOn(router, 'push')
    await wrapper.find('a[data-test="plan-5"]').trigger('click')
    await flushPromises()
    expect(push).toHaveBeenCalledWith('/plans/5')
  })

  it('shows the Chinese message of an IPC error', async () => {
    mockIPC(() => {
      throw { code: 'internal', message: '数据库错误：磁盘已满' }
    })
    const { wrapper } = await mountView(PlanList)
    expect(wrapper.text()).toContain('数据库错误：磁盘已满')
  })
})

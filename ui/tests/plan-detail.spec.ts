import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { flushPromises } from '@vue/test-utils'
import PlanDetail from '../src/views/PlanDetail.vue'
import { mountView } from './mount'
import { indicator, num, planSummary, table } from './fixtures'
import type { PlanDetail as PlanDetailDto } from '../src/bindings'

afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

const detail: PlanDetailDto = {
  summary: planSummary(1, '许昌市“十四五”生态环境保护规划'),
  tables: [
    {
      ...table,
      categories: [
        {
          category: '环境治理',
          indicators: [
            indicator(1, '空气质量优良天数比率', '环境治理', { lead_department_id: 3, lead_department: '市生态环境局' }),
            indicator(2, '地表水达到或好于Ⅲ类水体比例', '环境治理', { attribute: '预期性' }),
          ],
        },
        {
          category: '绿色低碳',
          indicators: [
            indicator(3, '单位GDP二氧化碳排放降低', '绿色低碳', { target: { ...num('[18]', 18), cumulative: true } }),
          ],
        },
      ],
    },
  ],
}

describe('PlanDetail', () => {
  it('shows indicators grouped by category with attribute tags, raw values and lead department', async () => {
    const asked: unknown[] = []
    mockIPC((cmd, args) => {
      if (cmd === 'get_plan') {
        asked.push(args)
        return detail
      }
      if (cmd === 'list_departments') return [{ id: 3, name: '市生态环境局', lead_count: 1, support_count: 0, user_count: 0 }]
    })
    const { wrapper } = await mountView(PlanDetail, '/plans/1', { id: '1' })
    await flushPromises()
    expect(asked).toEqual([{ id: 1 }])
    expect(wrapper.find('[data-test="plan-title"]').text()).toBe('许昌市“十四五”生态环境保护规划')
    const rows = wrapper.findAll('[data-test="indicator-table"] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(3)
    // Category groups keep their members together, in row order.
    expect(rows.map((r) => r.find('td').text())).toEqual(['环境治理', '环境治理', '绿色低碳'])
    expect(rows[0].text()).toContain('≥60')
    expect(rows[0].text()).toContain('约束性')
    expect(rows[0].text()).toContain('市生态环境局')
    expect(rows[1].text()).toContain('预期性')
    expect(rows[2].text()).toContain('[18]')
  })

  it('explains a target on hover through its aria label', async () => {
    mockIPC((cmd) => (cmd === 'get_plan' ? detail : cmd === 'list_departments' ? [] : undefined))
    const { wrapper } = await mountView(PlanDetail, '/plans/1', { id: '1' })
    await flushPromises()
    const labels = wrapper.findAll('.value').map((v) => v.attributes('aria-label'))
    expect(labels).toContain('≥60：不低于 60 %')
    expect(labels).toContain('[18]：18 %，规划期累计')
  })

  it('reports a missing plan in Chinese', async () => {
    mockIPC(() => {
      throw { code: 'not_found', message: '未找到规划（编号 9）' }
    })
    const { wrapper } = await mountView(PlanDetail, '/plans/9', { id: '9' })
    await flushPromises()
    expect(wrapper.text()).toContain('未找到规划（编号 9）')
  })
})

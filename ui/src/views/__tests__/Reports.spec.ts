import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Reports from '../Reports.vue'

const PDF = [...'%PDF-1.7 test'].map((c) => c.charCodeAt(0))
let calls: { cmd: string; args: Record<string, unknown> }[]
let release: (() => void) | null

beforeEach(() => {
  calls = []
  release = null
  URL.createObjectURL = vi.fn(() => 'blob:report-1')
  URL.revokeObjectURL = vi.fn()
  mockIPC(async (cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    if (cmd === 'list_plans') return [{ id: 1, title: '十四五规划' }]
    if (cmd === 'list_departments') return [{ id: 3, name: '统计局' }]
    if (cmd === 'generate_report') {
      await new Promise<void>((r) => (release = r))
      if (args.period === '2024Q1') throw { code: 'not_found', message: '该期间没有任何数据' }
      return PDF
    }
    if (cmd === 'plugin:dialog|save') return '/tmp/报告.pdf'
    if (cmd === 'save_report') return null
    if (cmd === 'plugin:dialog|open') return '/tmp/填报.xlsx'
    if (cmd === 'import_xlsx_preview')
      return {
        period: args.period,
        accepted: [{ row: 4, indicator_id: 1, name: '森林覆盖率', old_value: null, new_value: '33.1', warnings: [] }],
        rejected: [{ row: 5, indicator_id: 2, name: '地区生产总值', reason: '第5行：“约12”不是数字' }],
        blank: 2,
      }
    if (cmd === 'import_xlsx_confirm') return { committed: true, saved: 1, preview: null }
    throw { code: 'not_found', message: cmd }
  })
})
afterEach(() => clearMocks())

async function mountReports() {
  const w = mount(Reports, { global: { plugins: [createPinia(), ElementPlus] } })
  await flushPromises()
  return w
}

describe('reports page', () => {
  it('generates with a progress indicator, then previews the PDF in an iframe', async () => {
    const w = await mountReports()
    expect(w.find('[data-test="save-pdf"]').attributes('disabled')).toBeDefined()
    await w.find('[data-test="generate"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="generating"]').exists()).toBe(true)
    expect(w.find('[data-test="report-preview"]').exists()).toBe(false)
    release!()
    await flushPromises()
    expect(w.find('[data-test="generating"]').exists()).toBe(false)
    expect(w.find('[data-test="report-preview"]').attributes('src')).toBe('blob:report-1')
    const req = calls.find((c) => c.cmd === 'generate_report')!.args
    expect(req).toMatchObject({ kind: 'quarterly', planId: null, departmentId: null })
    expect(String(req.period)).toMatch(/^\d{4}Q[1-4]$/)
  })

  it('saves exactly the previewed report to the path chosen in the dialog', async () => {
    const w = await mountReports()
    await w.find('[data-test="generate"]').trigger('click')
    await flushPromises()
    release!()
    await flushPromises()
    await w.find('[data-test="save-pdf"]').trigger('click')
    await flushPromises()
    const gen = calls.find((c) => c.cmd === 'generate_report')!.args
    const saved = calls.find((c) => c.cmd === 'save_report')!.args
    expect(saved).toEqual({ ...gen, path: '/tmp/报告.pdf' })
  })

  it('shows the engine\'s Chinese error and no preview when generation fails', async () => {
    const w = await mountReports()
    const vm = w.vm as unknown as { form: { period: string } }
    vm.form.period = '2024Q1'
    await flushPromises()
    await w.find('[data-test="generate"]').trigger('click')
    await flushPromises()
    release!()
    await flushPromises()
    expect(w.find('[data-test="report-error"]').text()).toContain('该期间没有任何数据')
    expect(w.find('[data-test="report-preview"]').exists()).toBe(false)
  })

  it('imports Excel through a dry-run preview: rejected rows with reasons, then confirm', async () => {
    const w = await mountReports()
    await w.find('[data-test="import-xlsx"]').trigger('click')
    await flushPromises()
    const preview = calls.find((c) => c.cmd === 'import_xlsx_preview')!.args
    expect(preview.path).toBe('/tmp/填报.xlsx')
    expect(w.find('[data-test="import-rejected"]').text()).toContain('“约12”不是数字')
    expect(w.find('[data-test="import-accepted"]').text()).toContain('33.1')
    expect(calls.some((c) => c.cmd === 'import_xlsx_confirm')).toBe(false)
    await w.find('[data-test="import-confirm"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'import_xlsx_confirm')!.args).toEqual({ path: '/tmp/填报.xlsx', period: preview.period })
    expect(w.find('[data-test="import-preview"]').exists()).toBe(false)
  })
})

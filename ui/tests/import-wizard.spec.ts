import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { flushPromises } from '@vue/test-utils'
import ImportWizard from '../src/views/ImportWizard.vue'
import { mountView } from './mount'
import { preview } from './fixtures'
import type { ImportChanges, ImportPreview } from '../src/bindings'

afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

interface Recorded {
  cmd: string
  args: Record<string, unknown>
}

const noChanges = { same_document: false, plans: [] } satisfies ImportChanges

function backend(makePreview: () => ImportPreview | never, changes: ImportChanges = noChanges) {
  const calls: Recorded[] = []
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> })
    if (cmd === 'list_departments') return []
    if (cmd === 'preview_import' || cmd === 'preview_import_html') return makePreview()
    if (cmd === 'preview_import_changes') return changes
    if (cmd === 'commit_import') {
      return {
        already_imported: false,
        plans: [{ plan_id: 42, title: '示范市规划', created: true, tables_added: 1, tables_existing: 0, indicators_added: 2 }],
        tables_added: 1,
        indicators_added: 2,
        message: '导入完成：新增规划 1 个、指标表 1 张、指标 2 项',
      }
    }
  })
  return calls
}

async function paste(wrapper: Awaited<ReturnType<typeof mountView>>['wrapper'], text: string) {
  await wrapper.find('textarea').setValue(text)
  await wrapper.find('[data-test="import-preview"]').trigger('click')
  await flushPromises()
}

// Mounting the wizard with Element Plus takes seconds on a busy 2-core machine.
describe('ImportWizard', { timeout: 30_000 }, () => {
  it('previews, lets a cell be corrected and a row dropped, then commits the edited preview', async () => {
    const calls = backend(preview)
    const { wrapper, router } = await mountView(ImportWizard, '/import')
    await paste(wrapper, '表1 主要指标\n类别\t指标名称…')
    expect(calls.find((c) => c.cmd === 'preview_import')?.args).toEqual({ text: '表1 主要指标\n类别\t指标名称…' })
    expect(calls.some((c) => c.cmd === 'commit_import')).toBe(false)
    const rows = () => wrapper.findAll('[data-test="preview-table"] .el-table__body tr.el-table__row')
    expect(rows()).toHaveLength(3)
    expect(wrapper.find('[data-test="preview-summary"]').text()).toContain('1 张指标表、3 项指标')

    await rows()[0].find('[data-test="row-name"] input, input[data-test="row-name"]').setValue('经常参加体育锻炼人数占比')
    await rows()[2].find('[data-test="row-drop"]').trigger('click')
    await flushPromises()
    expect(rows()).toHaveLength(2)

    await wrapper.find('[data-test="import-commit"]').trigger('click')
    await flushPromises()
    const commit = calls.find((c) => c.cmd === 'commit_import')
    const sent = commit?.args.preview as ImportPreview
    const rowsSent = sent.plans[0].tables[0].rows
    expect(rowsSent.map((r) => [r.name, r.keep])).toEqual([
      ['经常参加体育锻炼人数占比', true],
      ['指标2', true],
      ['指标3', false],
    ])
    expect(router.currentRoute.value.fullPath).toBe('/plans/42')
  })

  it('shows what a corrected gazette changes in a stored plan and commits only after 确认修订', async () => {
    const corrected = {
      same_document: false,
      plans: [
        {
          key: 'p0',
          title: '示范市规划',
          plan_id: 42,
          new_tables: [],
          revisions: [
            {
              table_id: 7,
              title: '表1 主要指标',
              added: [],
              changed: [{ indicator_id: 1, name: '指标1', changes: [{ field: '目标值', old: '36', new: '36.5' }] }],
              dropped: [],
              unchanged: 2,
            },
          ],
        },
      ],
    } satisfies ImportChanges
    const calls = backend(preview, corrected)
    const { wrapper } = await mountView(ImportWizard, '/import')
    await paste(wrapper, '表1 主要指标\n类别\t指标名称…')
    await wrapper.find('[data-test="import-commit"]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.cmd === 'commit_import')).toBe(false)
    expect(document.body.textContent).toContain('目标值 36 → 36.5')
    expect(document.body.textContent).toContain('更新 1 项')
    ;(document.querySelector('[data-test="import-changes-confirm"]') as HTMLElement).click()
    await flushPromises()
    expect(calls.some((c) => c.cmd === 'commit_import')).toBe(true)
  })

  it('refuses an empty paste without calling the backend', async () => {
    const calls = backend(preview)
    const { wrapper } = await mountView(ImportWizard, '/import')
    await paste(wrapper, '   ')
    expect(wrapper.find('[data-test="import-error"]').text()).toContain('请先粘贴')
    expect(calls.some((c) => c.cmd === 'preview_import')).toBe(false)
  })

  it('refuses a 10 MB paste with a clear message before it crosses IPC', async () => {
    const calls = backend(preview)
    const { wrapper } = await mountView(ImportWizard, '/import')
    await paste(wrapper, '规划'.repeat(1_800_000))
    expect(wrapper.find('[data-test="import-error"]').text()).toMatch(/过大（10\.\d MB/)
    expect(calls.some((c) => c.cmd === 'preview_import')).toBe(false)
  })

  it('says so when no table is found, and shows backend errors in Chinese', async () => {
    backend(() => ({ sha256: 'x', file_name: null, plans: [], text: '', corrections: [] }))
    const { wrapper } = await mountView(ImportWizard, '/import')
    await paste(wrapper, '这是一段没有表格的文字。')
    expect(wrapper.find('[data-test="import-error"]').text()).toContain('没有在文本中找到指标表')

    clearMocks()
    backend(() => {
      throw { code: 'unreadable_document', message: '无法识别文件编码：不是文本文件' }
    })
    await paste(wrapper, '\u0000\u0001binary')
    expect(wrapper.find('[data-test="import-error"]').text()).toContain('无法识别文件编码')
  })

  it('sends the HTML of a paste from WPS/Word, and only the text once the paste is edited', async () => {
    const calls = backend(preview)
    const { wrapper } = await mountView(ImportWizard, '/import')
    const html = '<table><tr><td rowspan="2">环境质量</td><td>指标</td></tr></table>'
    const plain = '环境质量\t指标'
    const event = new Event('paste', { bubbles: true })
    Object.defineProperty(event, 'clipboardData', {
      value: { getData: (type: string) => (type === 'text/html' ? html : plain) },
    })
    wrapper.find('textarea').element.dispatchEvent(event)
    await paste(wrapper, plain)
    expect(calls.find((c) => c.cmd === 'preview_import_html')?.args).toEqual({ html, text: plain })
    expect(calls.some((c) => c.cmd === 'preview_import')).toBe(false)

    const back = wrapper.findAll('button').find((b) => b.text().includes('返回修改文本'))
    await back?.trigger('click')
    await flushPromises()
    await paste(wrapper, plain + '\n补充一行')
    expect(calls.filter((c) => c.cmd === 'preview_import_html')).toHaveLength(1)
    expect(calls.find((c) => c.cmd === 'preview_import')?.args).toEqual({ text: plain + '\n补充一行' })
  })
})

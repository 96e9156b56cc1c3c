// The wizard's help for what the importer misses: pointing at a table in the text, the role
// drop-downs re-reading it, row edits, and the 待核对 count and filter; the corrections go
// with 确认导入.
import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { flushPromises } from '@vue/test-utils'
import ImportWizard from '../src/views/ImportWizard.vue'
import ColumnRoleBar from '../src/components/import/ColumnRoleBar.vue'
import { mountView } from './mount'
import { preview } from './fixtures'
import type { ColumnChoice, ImportChanges, ImportPreview, PreviewTable } from '../src/bindings'

afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

const TEXT = '某县生态规划\n到2030年主要指标如下。\n森林覆盖率  %  25  26\n人均预期寿命  岁  80  81\n以上指标按年度分解。'

type Args = Record<string, unknown>

function manualTable(key: string, columns: ColumnChoice[]): PreviewTable {
  const t = preview().plans[0].tables[0]
  const rows = t.rows.slice(0, 2).map((r, i) => ({
    ...r,
    key: `${key}/r${i}`,
    line: 3 + i,
    name: ['森林覆盖率', '人均预期寿命'][i],
    baseline_raw: columns[2]?.role === 'ignore' ? null : '25',
    doubts: [],
  }))
  return {
    ...t,
    key,
    title: '人工指定的指标表（第 3–4 行）',
    start_line: 3,
    end_line: 4,
    column_roles: columns.map((c, index) => ({ index, label: '', role: c.role, year: c.year, reason: '内容为数值' })),
    rows,
  }
}

const GUESS: ColumnChoice[] = ['name', 'unit', 'baseline', 'target'].map((role) => ({ role, year: null }) as ColumnChoice)

function backend(first: () => ImportPreview) {
  const calls: { cmd: string; args: Args }[] = []
  mockIPC((cmd, raw) => {
    const args = raw as Args
    calls.push({ cmd, args })
    if (cmd === 'list_departments') return []
    if (cmd === 'preview_import') return first()
    if (cmd === 'plugin:dialog|open') return '/tmp/县规划.txt'
    if (cmd === 'preview_import_file') throw { code: 'no_tables', message: '未找到指标表' }
    if (cmd === 'preview_file_or_blank') {
      return { sha256: 's', file_name: '县规划.txt', text: TEXT, corrections: [], plans: [{ ...preview().plans[0], title: '', tables: [] }] }
    }
    if (cmd === 'preview_or_blank') {
      return { sha256: 's', file_name: null, text: args.text, corrections: [], plans: [{ ...preview().plans[0], title: '', tables: [] }] }
    }
    if (cmd === 'guess_manual_table') {
      return { header_rows: 0, table: manualTable(args.key as string, GUESS), sample: ['森林覆盖率', '%', '25', '26'] }
    }
    if (cmd === 'read_manual_table') return manualTable(args.key as string, args.columns as ColumnChoice[])
    // Nothing stored yet: committing revises no stored plan.
    if (cmd === 'preview_import_changes') return { same_document: false, plans: [] } satisfies ImportChanges
    if (cmd === 'commit_import') {
      return { already_imported: false, plans: [{ plan_id: 7, title: 't', created: true, tables_added: 1, tables_existing: 0, indicators_added: 2 }], tables_added: 1, indicators_added: 2, message: 'ok' }
    }
  })
  return calls
}

async function start(text: string) {
  const mounted = await mountView(ImportWizard, '/import')
  await mounted.wrapper.find('textarea').setValue(text)
  await mounted.wrapper.find('[data-test="import-preview"]').trigger('click')
  await flushPromises()
  return mounted
}

const sentPreview = (calls: { cmd: string; args: Args }[]) =>
  calls.find((c) => c.cmd === 'commit_import')?.args.preview as ImportPreview

// Mounting the wizard with Element Plus takes seconds on a busy 2-core machine.
describe('ImportWizard: a table the importer missed', { timeout: 30_000 }, () => {
  it('opens on the numbered text, reads the selected lines, re-reads on a role change and commits the provenance', async () => {
    const calls = backend(() => {
      throw { code: 'no_tables', message: '未找到指标表' }
    })
    const { wrapper } = await start(TEXT)
    expect(calls.map((c) => c.cmd)).toContain('preview_or_blank')
    const lines = wrapper.findAll('[data-test="source-lines"] .line')
    expect(lines.map((l) => l.find('.no').text())).toEqual(['1', '2', '3', '4', '5'])

    await lines[2].trigger('click')
    await lines[3].trigger('click', { shiftKey: true })
    expect(wrapper.findAll('.line.selected').map((l) => l.attributes('data-line'))).toEqual(['3', '4'])
    await wrapper.find('[data-test="mark-table"]').trigger('click')
    await flushPromises()
    const guess = calls.find((c) => c.cmd === 'guess_manual_table')
    // Only the text up to the last selected line crosses IPC; line numbers stay the same.
    expect(guess?.args).toEqual({ text: TEXT.split('\n').slice(0, 4).join('\n'), first: 3, last: 4, key: 'p0/m0' })
    expect(wrapper.findAll('[data-test="preview-table"] .el-table__body tr.el-table__row')).toHaveLength(2)
    expect(wrapper.findAll('[data-test="column-role"]')).toHaveLength(4)
    expect(wrapper.findAll('[data-test="column-sample"]').map((s) => s.text())).toEqual(['例：森林覆盖率', '例：%', '例：25', '例：26'])

    const chosen: ColumnChoice[] = [...GUESS.slice(0, 2), { role: 'ignore', year: null }, { role: 'target', year: 2030 }]
    wrapper.findComponent(ColumnRoleBar).vm.$emit('change', chosen, 0)
    await flushPromises()
    const read = calls.find((c) => c.cmd === 'read_manual_table')
    expect(read?.args).toMatchObject({ first: 3, last: 4, headerRows: 0, columns: chosen, key: 'p0/m0' })
    const rows = wrapper.findAll('[data-test="preview-table"] .el-table__body tr.el-table__row')
    expect(rows).toHaveLength(2)
    expect((rows[0].find('input[aria-label="基期值"]').element as HTMLInputElement).value).toBe('')

    // A role choice without a name column is explained, not sent.
    const before = calls.length
    wrapper.findComponent(ColumnRoleBar).vm.$emit('change', [{ role: 'unit', year: null }], 0)
    await flushPromises()
    expect(wrapper.text()).toContain('请为一列选择“指标名称”')
    expect(calls.length).toBe(before)
    wrapper.findComponent(ColumnRoleBar).vm.$emit('change', chosen, 0)
    await flushPromises()

    await wrapper.find('[data-test="plan-title-input"] input, input[data-test="plan-title-input"]').setValue('某县生态规划')
    await wrapper.find('[data-test="import-commit"]').trigger('click')
    await flushPromises()
    const sent = sentPreview(calls)
    expect(sent.plans[0].tables.map((t) => t.key)).toEqual(['p0/m0'])
    expect(sent.corrections).toEqual([
      { kind: 'manual_table', table_key: 'p0/m0', first: 3, last: 4, header_rows: 0, columns: chosen },
    ])
  })
})

describe('ImportWizard: a file without a table found', { timeout: 30_000 }, () => {
  it('opens on the file text, ready for pointing at the table', async () => {
    const calls = backend(preview)
    const { wrapper } = await mountView(ImportWizard, '/import')
    await wrapper.find('[data-test="import-open-file"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'preview_file_or_blank')?.args).toEqual({ path: '/tmp/县规划.txt' })
    expect(wrapper.findAll('[data-test="source-lines"] .line')).toHaveLength(5)
    expect(wrapper.text()).toContain('没有自动识别出指标表')
  })
})

describe('ImportWizard: confidence and row edits', { timeout: 30_000 }, () => {
  const rows = (w: Awaited<ReturnType<typeof start>>['wrapper']) =>
    w.findAll('[data-test="preview-table"] .el-table__body tr.el-table__row')

  it('counts 待核对 rows, marks them, and filters to them in table order', async () => {
    backend(preview)
    const { wrapper } = await start('表1 主要指标')
    expect(wrapper.find('[data-test="doubt-count"]').text()).toBe('待核对 1 项')
    expect(rows(wrapper).map((r) => r.find('[data-test="row-doubtful"]').exists())).toEqual([false, true, false])
    expect(wrapper.find('[data-test="table-why"]').exists()).toBe(true)
    await wrapper.find('[data-test="only-doubtful"]').trigger('click')
    await flushPromises()
    expect(rows(wrapper)).toHaveLength(1)
    expect((rows(wrapper)[0].find('input[aria-label="指标名称"]').element as HTMLInputElement).value).toBe('指标2')
  })

  it('merges two selected rows and sends the merge with the commit', async () => {
    const calls = backend(preview)
    const { wrapper } = await start('表1 主要指标')
    await rows(wrapper)[0].find('.el-checkbox').trigger('click')
    await rows(wrapper)[1].find('.el-checkbox').trigger('click')
    await flushPromises()
    await wrapper.find('[data-test="row-merge"]').trigger('click')
    await flushPromises()
    expect(rows(wrapper)).toHaveLength(2)
    expect(wrapper.find('[data-test="doubt-count"]').text()).toBe('待核对 0 项')
    await wrapper.find('[data-test="import-commit"]').trigger('click')
    await flushPromises()
    const sent = sentPreview(calls)
    expect(sent.plans[0].tables[0].rows.map((r) => r.name)).toEqual(['指标1指标2', '指标3'])
    expect(sent.corrections).toEqual([{ kind: 'rows_merged', table_key: 'p0/t0', row_keys: ['p0/t0/r1', 'p0/t0/r2'] }])
  })

  it('splits a selected row, adds one, and sends both edits', async () => {
    const calls = backend(preview)
    const { wrapper } = await start('表1 主要指标')
    await rows(wrapper)[2].find('.el-checkbox').trigger('click')
    await flushPromises()
    await wrapper.find('[data-test="row-split"]').trigger('click')
    await flushPromises()
    expect(rows(wrapper)).toHaveLength(4)
    expect(wrapper.find('[data-test="row-split"]').attributes('disabled')).toBeDefined()
    await wrapper.find('[data-test="row-add"]').trigger('click')
    await flushPromises()
    expect(rows(wrapper)).toHaveLength(5)
    await wrapper.find('[data-test="import-commit"]').trigger('click')
    await flushPromises()
    const sent = sentPreview(calls)
    expect(sent.plans[0].tables[0].rows.map((r) => r.key)).toEqual(['p0/t0/r1', 'p0/t0/r2', 'p0/t0/r3', 'p0/t0/s0', 'p0/t0/a0'])
    expect(sent.corrections).toEqual([
      { kind: 'row_split', table_key: 'p0/t0', row_key: 'p0/t0/r3', into: ['p0/t0/r3', 'p0/t0/s0'] },
      { kind: 'row_added', table_key: 'p0/t0', row_key: 'p0/t0/a0' },
    ])
  })

  it('re-selects a found table in the text and replaces it with the table marked there', async () => {
    const text = Array.from({ length: 15 }, (_, i) => `第${i + 1}行`).join('\n')
    const calls = backend(() => ({ ...preview(), text }))
    const { wrapper } = await start('表1 主要指标')
    await wrapper.find('[data-test="table-reselect"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test="replacing"]').text()).toContain('表1 主要指标')
    expect(wrapper.findAll('.line.selected').map((l) => l.attributes('data-line'))).toEqual(['9', '10', '11', '12', '13'])
    await wrapper.find('[data-test="source-lines"]').trigger('keydown', { key: 'ArrowDown', shiftKey: true })
    await wrapper.find('[data-test="source-lines"]').trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'guess_manual_table')?.args).toMatchObject({ first: 9, last: 14, key: 'p0/m0' })
    expect(wrapper.find('[data-test="replacing"]').exists()).toBe(false)
    await wrapper.find('[data-test="import-commit"]').trigger('click')
    await flushPromises()
    const sent = sentPreview(calls)
    expect(sent.plans[0].tables.map((t) => [t.key, t.keep])).toEqual([
      ['p0/m0', true],
      ['p0/t0', false],
    ])
    expect(sent.corrections.map((c) => c.kind)).toEqual(['manual_table'])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { clearMocks } from '@tauri-apps/api/mocks'
import EntryTable from '../EntryTable.vue'
import { useProgressStore, useBackupStorage } from '../../../stores/progress'
import { draftKey } from '../draftAutosave'
import { fakeBackend, grid, memoryStorage, type FakeBackend } from './gridFixture'

let storage: ReturnType<typeof memoryStorage>
let backend: FakeBackend
let wrapper: VueWrapper

async function mountGrid() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useProgressStore()
  await store.open(7, '2026Q3')
  wrapper = mount(EntryTable, { global: { plugins: [pinia, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return store
}

function cell(r: number, c: number): HTMLInputElement | HTMLSelectElement {
  const el = wrapper.element.querySelector(`[data-cell="${r}:${c}"]`)
  if (!el) throw new Error(`no cell ${r}:${c}`)
  return el as HTMLInputElement
}

async function key(el: Element, k: string, opts: KeyboardEventInit = {}) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...opts }))
  await flushPromises()
}

async function type(el: HTMLInputElement, text: string) {
  el.focus()
  el.value = text
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

async function paste(el: Element, text: string) {
  const ev = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent
  Object.defineProperty(ev, 'clipboardData', { value: { getData: () => text } })
  el.dispatchEvent(ev)
  await flushPromises()
}

beforeEach(() => {
  storage = memoryStorage()
  useBackupStorage(() => storage)
  backend = fakeBackend()
})

afterEach(() => {
  // As the page does on leaving: a timed save of this test must not land in the next one's
  // backend (under load, timers fire late).
  useProgressStore().close()
  wrapper?.unmount()
  clearMocks()
})

describe('entry grid keyboard', () => {
  it('Enter moves down, Tab moves right and wraps, skipping evidence of numeric rows', async () => {
    await mountGrid()
    cell(0, 0).focus()
    await key(cell(0, 0), 'Enter')
    expect(document.activeElement).toBe(cell(1, 0))
    await key(cell(1, 0), 'Tab')
    // Row 1 is numeric: no evidence cell, so Tab lands on the note.
    expect(document.activeElement).toBe(cell(1, 2))
    cell(1, 4).focus()
    await key(cell(1, 4), 'Tab')
    expect(document.activeElement).toBe(cell(2, 0))
    await key(cell(2, 0), 'Tab')
    // Row 2 is qualitative: its evidence cell exists.
    expect(document.activeElement).toBe(cell(2, 1))
    await key(cell(2, 1), 'Tab', { shiftKey: true })
    expect(document.activeElement).toBe(cell(2, 0))
    await key(cell(2, 0), 'ArrowUp')
    expect(document.activeElement).toBe(cell(1, 0))
  })

  it('typed text is autosaved as a draft and backed up locally at once', async () => {
    const store = await mountGrid()
    await type(cell(0, 0) as HTMLInputElement, '65.3')
    expect(JSON.parse(storage.data.get(draftKey(7, '2026Q3'))!).rows).toEqual({ '1': { value: '65.3' } })
    await key(cell(0, 0), 'Enter')
    await store.flush()
    expect(backend.saved.at(-1)).toEqual([
      expect.objectContaining({ indicator_id: 1, period: '2026Q3', value: '65.3', status: null }),
    ])
    expect(storage.data.has(draftKey(7, '2026Q3'))).toBe(false)
  })
})

describe('entry grid paste and undo', () => {
  it('a block from Excel fills the grid from the focused cell; one Ctrl+Z reverts it', async () => {
    const store = await mountGrid()
    cell(0, 0).focus()
    await paste(cell(0, 0), '61.2\t\t口径说明\n2.8\t\t\n达到\n')
    expect(store.grid!.rows.map((r) => [r.value, r.status, r.note])).toEqual([
      ['61.2', '', '口径说明'],
      ['2.8', '', ''],
      ['', '达到', ''],
      ['', '', ''],
    ])
    await store.flush()
    const sent = backend.saved.at(-1)!
    expect(sent.map((i) => i.indicator_id).sort()).toEqual([1, 2, 3])
    expect(sent.find((i) => i.indicator_id === 3)).toMatchObject({ status: '达到', value: null })

    await key(cell(0, 0), 'z', { ctrlKey: true })
    expect(store.grid!.rows.map((r) => r.value || r.status)).toEqual(['', '', '', ''])
  })

  it('undo reverts typed cells one step at a time', async () => {
    const store = await mountGrid()
    await type(cell(0, 0) as HTMLInputElement, '1')
    await key(cell(0, 0), 'Enter')
    await type(cell(1, 0) as HTMLInputElement, '2')
    await key(cell(1, 0), 'z', { ctrlKey: true })
    expect(store.grid!.rows.slice(0, 2).map((r) => r.value)).toEqual(['1', ''])
    await key(cell(1, 0), 'z', { ctrlKey: true })
    expect(store.grid!.rows[0].value).toBe('')
  })
})

describe('entry grid validation and drafts', () => {
  it('shows the engine\'s Chinese error inline and keeps the value as a local draft', async () => {
    backend.refuse[2] = '研发经费投入强度：不是有效的数字'
    const store = await mountGrid()
    await paste(cell(0, 0), '3.1\nabc')
    await store.flush()
    expect(wrapper.text()).toContain('不是有效的数字')
    expect(store.pendingRows).toBe(1)
    expect(JSON.parse(storage.data.get(draftKey(7, '2026Q3'))!).rows).toEqual({ '2': { value: 'abc' } })
    // The valid row was stored on its own.
    expect(backend.saved.at(-1)!.map((i) => i.indicator_id)).toEqual([1])
  })

  it('a needs-note issue marks the note cell until a note is given', async () => {
    backend.needsNote[1] = '与上期相比变化超过30%，请填写说明'
    const store = await mountGrid()
    await type(cell(0, 0) as HTMLInputElement, '99')
    await store.flush()
    expect(wrapper.text()).toContain('请填写说明')
    expect(cell(0, 2).classList.contains('needs-note')).toBe(true)
    expect(store.blocking.map((r) => r.indicator_id)).toEqual([1])
    await type(cell(0, 2) as HTMLInputElement, '统计口径调整')
    await store.flush()
    expect(cell(0, 2).classList.contains('needs-note')).toBe(false)
    expect(store.blocking).toHaveLength(0)
  })

  it('restores edits left in the local backup by a closed app and saves them', async () => {
    storage.setItem(draftKey(7, '2026Q3'), JSON.stringify({ savedAt: 'x', rows: { '4': { value: '1.25' } } }))
    const store = await mountGrid()
    expect(store.restoredRows).toBe(1)
    expect((cell(3, 0) as HTMLInputElement).value).toBe('1.25')
    await store.flush()
    expect(backend.saved.at(-1)).toEqual([expect.objectContaining({ indicator_id: 4, value: '1.25' })])
  })

  it('a locked period is read-only: no edits, no paste, and a stale backup is dropped', async () => {
    backend.grid = grid({ can_edit: false, can_submit: false })
    backend.grid.submission.state = 'approved'
    storage.setItem(draftKey(7, '2026Q3'), JSON.stringify({ savedAt: 'x', rows: { '1': { value: '5' } } }))
    const store = await mountGrid()
    expect((cell(0, 0) as HTMLInputElement).readOnly).toBe(true)
    expect((cell(2, 0) as HTMLSelectElement).disabled).toBe(true)
    await paste(cell(0, 0), '1\n2')
    expect(store.grid!.rows[0].value).toBe('')
    expect(storage.data.has(draftKey(7, '2026Q3'))).toBe(false)
    await store.flush()
    expect(backend.saved).toHaveLength(0)
  })
})

describe('entry grid: two people on one cell', () => {
  it('each save names the version it was based on, then the one it stored', async () => {
    const store = await mountGrid()
    await type(cell(0, 0) as HTMLInputElement, '61')
    await store.flush()
    expect(backend.saved.at(-1)![0]).toMatchObject({ indicator_id: 1, expected_version: 0 })
    const v = backend.stored[1]!.version
    await type(cell(0, 0) as HTMLInputElement, '62')
    await store.flush()
    expect(backend.saved.at(-1)![0]).toMatchObject({ value: '62', expected_version: v })
  })

  it('a value saved by someone else meanwhile is shown beside mine; keeping mine saves it over theirs', async () => {
    const store = await mountGrid()
    const theirs = backend.saveAsOther(1, 58.5, '张三')!
    await type(cell(0, 0) as HTMLInputElement, '61')
    await store.flush()
    expect(wrapper.text()).toContain('此格已被他人修改')
    expect(wrapper.text()).toContain('58.5')
    expect(wrapper.text()).toContain('张三')
    expect(backend.stored[1]!.value).toBe(58.5)
    expect(JSON.parse(storage.data.get(draftKey(7, '2026Q3'))!).rows).toEqual({ '1': { value: '61' } })
    await wrapper.findAll('button').find((b) => b.text() === '保留我的')!.trigger('click')
    await store.flush()
    expect(backend.saved.at(-1)![0]).toMatchObject({ value: '61', expected_version: theirs.version })
    expect(backend.stored[1]!.value).toBe(61)
    expect(wrapper.text()).not.toContain('此格已被他人修改')
    expect(storage.data.has(draftKey(7, '2026Q3'))).toBe(false)
  })

  it('taking theirs shows the stored value and drops my edit of the row', async () => {
    const store = await mountGrid()
    backend.saveAsOther(1, 58.5, '张三')
    await type(cell(0, 0) as HTMLInputElement, '61')
    await store.flush()
    const sends = backend.saved.length
    await wrapper.findAll('button').find((b) => b.text() === '采用对方的')!.trigger('click')
    await store.flush()
    expect((cell(0, 0) as HTMLInputElement).value).toBe('58.5')
    expect(backend.saved).toHaveLength(sends)
    expect(store.pendingRows).toBe(0)
    expect(storage.data.has(draftKey(7, '2026Q3'))).toBe(false)
  })

  it('a draft restored after the cell changed elsewhere meets a conflict instead of overwriting', async () => {
    const typedOn = backend.saveAsOther(4, 1.1, '李四')!
    storage.setItem(
      draftKey(7, '2026Q3'),
      JSON.stringify({ savedAt: 'x', rows: { '4': { value: '1.25' } }, bases: { '4': typedOn.version } }),
    )
    backend.saveAsOther(4, 1.3, '张三')
    const store = await mountGrid()
    await store.flush()
    expect(backend.saved.at(-1)![0]).toMatchObject({ value: '1.25', expected_version: typedOn.version })
    expect(backend.stored[4]!.value).toBe(1.3)
    expect(store.grid!.rows[3].conflict?.changed_by).toBe('张三')
  })
})

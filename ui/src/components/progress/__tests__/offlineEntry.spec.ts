// Offline entry: a save that cannot reach the server keeps the typed cells in the local draft
// with a 离线 mark, and they are resent (timer or `online` event) through the ordinary save.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { clearMocks } from '@tauri-apps/api/mocks'
import EntryTable from '../EntryTable.vue'
import { offlineResend, quietGrid, useBackupStorage, useProgressStore } from '../../../stores/progress'
import { draftKey } from '../draftAutosave'
import { fakeBackend, memoryStorage, type FakeBackend } from './gridFixture'

let storage: ReturnType<typeof memoryStorage>
let backend: FakeBackend
let wrapper: VueWrapper
let online: EventTarget
const defaults = { ...offlineResend }

async function mountGrid() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useProgressStore()
  await store.open(7, '2026Q3')
  wrapper = mount(EntryTable, { global: { plugins: [pinia, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return store
}

function input(r: number, c: number): HTMLInputElement {
  return wrapper.element.querySelector(`[data-cell="${r}:${c}"]`) as HTMLInputElement
}

async function type(el: HTMLInputElement, text: string) {
  el.focus()
  el.value = text
  el.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

const marks = () => wrapper.findAll('[data-test="offline-mark"]').length
const draft = () => JSON.parse(storage.data.get(draftKey(7, '2026Q3')) ?? 'null')?.rows

async function backOnline() {
  backend.offline = false
  online.dispatchEvent(new Event('online'))
  await flushPromises()
}

beforeEach(() => {
  storage = memoryStorage()
  useBackupStorage(() => storage)
  backend = fakeBackend()
  online = new EventTarget()
  offlineResend.target = () => online
  offlineResend.ms = 60_000
})

afterEach(() => {
  useProgressStore().close()
  Object.assign(offlineResend, defaults)
  wrapper?.unmount()
  clearMocks()
})

describe('offline entry', () => {
  it('keeps unsent cells in the draft with a 离线 mark and sends them when online again', async () => {
    const store = await mountGrid()
    backend.offline = true
    await type(input(0, 0), '61')
    await store.flush().catch(() => {})
    expect(store.offline).toBe(true)
    expect(store.saveError).toBeNull()
    expect(marks()).toBe(1)
    await type(input(1, 0), '2.9')
    await type(input(1, 2), '快报口径')
    expect(marks()).toBe(3)
    expect(draft()).toEqual({ '1': { value: '61' }, '2': { value: '2.9', note: '快报口径' } })
    expect(backend.stored[1]).toBeUndefined()

    await backOnline()
    expect(store.offline).toBe(false)
    expect(marks()).toBe(0)
    expect(backend.stored[1]!.value).toBe(61)
    expect(backend.stored[2]).toMatchObject({ value: 2.9, note: '快报口径' })
    expect(storage.data.has(draftKey(7, '2026Q3'))).toBe(false)
  })

  it('resends on the timer while offline and stops once sent', async () => {
    offlineResend.ms = 30
    const store = await mountGrid()
    backend.offline = true
    await type(input(0, 0), '61')
    await store.flush().catch(() => {})
    const tries = () => backend.calls.filter((c) => c.cmd === 'save_observations').length
    const before = tries()
    await new Promise((r) => setTimeout(r, 100))
    expect(tries()).toBeGreaterThan(before)
    expect(marks()).toBe(1)
    backend.offline = false
    await new Promise((r) => setTimeout(r, 80))
    await flushPromises()
    expect(marks()).toBe(0)
    expect(backend.stored[1]!.value).toBe(61)
    const sent = tries()
    await new Promise((r) => setTimeout(r, 100))
    expect(tries()).toBe(sent)
  })

  it('a save whose answer was lost is not applied twice nor shown as a conflict when resent', async () => {
    const store = await mountGrid()
    backend.loseAnswer = true
    await type(input(0, 0), '61')
    await store.flush().catch(() => {})
    expect(marks()).toBe(1)
    const first = backend.stored[1]!
    expect(first.value).toBe(61)
    await backOnline()
    expect(wrapper.text()).not.toContain('此格已被他人修改')
    expect(backend.stored[1]).toEqual(first)
    expect(store.grid!.rows[0].base).toBe(first.version)
    expect(marks()).toBe(0)
    expect(storage.data.has(draftKey(7, '2026Q3'))).toBe(false)
    await type(input(0, 0), '62')
    await store.flush()
    expect(backend.stored[1]!.value).toBe(62)
  })

  it('a resent cell that meets a newer value on the server shows the conflict to choose from', async () => {
    const store = await mountGrid()
    backend.offline = true
    await type(input(0, 0), '61')
    await store.flush().catch(() => {})
    backend.offline = false
    backend.saveAsOther(1, 58.5, '张三')
    backend.offline = true
    await backOnline()
    expect(wrapper.text()).toContain('此格已被他人修改')
    expect(wrapper.text()).toContain('58.5')
    expect(backend.stored[1]!.value).toBe(58.5)
    expect(draft()).toEqual({ '1': { value: '61' } })
    expect(marks()).toBe(0)
  })
})

describe('reloading the grid for others\' changes', () => {
  it('reloads a grid without own edits, and leaves one with unsent or undoable edits alone', async () => {
    const store = await mountGrid()
    backend.saveAsOther(2, 3.1, '张三')
    expect(await store.refresh()).toBe(true)
    expect(input(1, 0).value).toBe('3.1')
    await type(input(0, 0), '61')
    input(0, 0).dispatchEvent(new Event('blur'))
    await store.flush()
    backend.saveAsOther(2, 3.2, '张三')
    expect(store.canUndo).toBe(true)
    expect(await store.refresh()).toBe(false)
    expect(input(1, 0).value).toBe('3.1')
  })

  it('quietGrid: nothing pending, nothing to undo, no conflict or error', () => {
    const row = { conflict: null, error: null } as never
    expect(quietGrid({ pendingRows: 0, canUndo: false, rows: [row] })).toBe(true)
    expect(quietGrid({ pendingRows: 1, canUndo: false, rows: [row] })).toBe(false)
    expect(quietGrid({ pendingRows: 0, canUndo: true, rows: [row] })).toBe(false)
    expect(quietGrid({ pendingRows: 0, canUndo: false, rows: [{ conflict: null, error: '数值有误' } as never] })).toBe(false)
  })
})

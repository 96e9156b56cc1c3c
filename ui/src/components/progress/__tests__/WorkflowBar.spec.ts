import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { clearMocks } from '@tauri-apps/api/mocks'
import WorkflowBar from '../WorkflowBar.vue'
import { useProgressStore, useBackupStorage } from '../../../stores/progress'
import type { EntryGrid, State } from '../../../bindings'
import { fakeBackend, grid, memoryStorage, type FakeBackend } from './gridFixture'

let backend: FakeBackend

async function mountBar(g: EntryGrid) {
  backend = fakeBackend(g)
  const pinia = createPinia()
  setActivePinia(pinia)
  const store = useProgressStore()
  await store.open(7, '2026Q3')
  const w = mount(WorkflowBar, { global: { plugins: [pinia, ElementPlus] } })
  await flushPromises()
  return { w, store }
}

const buttons = (w: ReturnType<typeof mount>) =>
  ['submit', 'approve', 'return', 'reopen'].filter((b) => w.find(`[data-test="${b}"]`).exists())

function reviewing(state: State): EntryGrid {
  const g = grid({ can_edit: false, can_submit: false, can_review: true })
  g.submission.state = state
  return g
}

beforeEach(() => useBackupStorage(() => memoryStorage()))
afterEach(() => clearMocks())

describe('workflow bar', () => {
  it('staff on a draft may submit only', async () => {
    const { w } = await mountBar(grid())
    expect(w.find('[data-test="workflow-state"]').text()).toBe('草稿')
    expect(buttons(w)).toEqual(['submit'])
  })

  it('a manager sees approve and return on a submitted period, reopen on an approved one', async () => {
    expect(buttons((await mountBar(reviewing('submitted'))).w)).toEqual(['approve', 'return'])
    expect(buttons((await mountBar(reviewing('approved'))).w)).toEqual(['reopen'])
    expect(buttons((await mountBar(reviewing('draft'))).w)).toEqual([])
  })

  it('submit saves pending drafts first, then the period is submitted and read-only', async () => {
    const { w, store } = await mountBar(grid())
    store.edit([{ key: 1, field: 'value', text: '12' }])
    await w.find('[data-test="submit"]').trigger('click')
    await flushPromises()
    const cmds = backend.calls.map((c) => c.cmd)
    expect(cmds.indexOf('save_observations')).toBeLessThan(cmds.indexOf('submit_period'))
    expect(w.find('[data-test="workflow-state"]').text()).toBe('已提交')
    expect(store.editable).toBe(false)
    expect(buttons(w)).toEqual([])
  })

  it('refuses to submit while a note is still owed', async () => {
    const { w, store } = await mountBar(grid())
    backend.needsNote[1] = '变化超过30%，请填写说明'
    store.edit([{ key: 1, field: 'value', text: '99' }])
    await store.flush()
    await w.find('[data-test="submit"]').trigger('click')
    await flushPromises()
    expect(backend.calls.map((c) => c.cmd)).not.toContain('submit_period')
  })
})

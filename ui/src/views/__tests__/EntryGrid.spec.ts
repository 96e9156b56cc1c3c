import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { clearMocks } from '@tauri-apps/api/mocks'
import EntryGrid from '../EntryGrid.vue'
import { useSessionStore } from '../../stores/session'
import { offlineResend, useBackupStorage, useProgressStore } from '../../stores/progress'
import { fakeBackend, grid, memoryStorage, type FakeBackend } from '../../components/progress/__tests__/gridFixture'

let backend: FakeBackend

beforeEach(() => useBackupStorage(() => memoryStorage()))
afterEach(() => clearMocks())

async function mountPage(role: 'staff' | 'manager', query: Record<string, string> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  session.user = { user_id: 1, name: 'u', role, department_id: role === 'staff' ? 7 : null, must_change_password: false }
  session.loaded = true
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/entry', component: EntryGrid }] })
  await router.push({ path: '/entry', query })
  const w = mount(EntryGrid, { global: { plugins: [pinia, router, ElementPlus] } })
  await flushPromises()
  return { w, router }
}

describe('entry grid page', () => {
  it('staff get their own department; the URL names the grid shown', async () => {
    backend = fakeBackend()
    const { w, router } = await mountPage('staff', { period: '2026Q2', department: '99' })
    const call = backend.calls.find((c) => c.cmd === 'entry_grid')!
    expect(call.args).toEqual({ departmentId: 7, period: '2026Q2' })
    expect(router.currentRoute.value.query).toMatchObject({ department: '7', period: '2026Q2' })
    expect(w.findAll('[data-cell]').length).toBeGreaterThan(0)
    expect(backend.calls.filter((c) => c.cmd === 'entry_grid')).toHaveLength(1)
  })

  it('a manager opens the department from the URL and sees review buttons, read-only cells', async () => {
    const g = grid({ can_edit: false, can_submit: false, can_review: true })
    g.submission.state = 'submitted'
    backend = fakeBackend(g)
    const { w } = await mountPage('manager', { period: '2026Q3', department: '7' })
    expect(backend.calls.find((c) => c.cmd === 'entry_grid')!.args).toEqual({ departmentId: 7, period: '2026Q3' })
    expect(w.find('[data-test="approve"]').exists()).toBe(true)
    expect(w.find('[data-test="submit"]').exists()).toBe(false)
    expect((w.find('[data-cell="0:0"]').element as HTMLInputElement).readOnly).toBe(true)
  })

  it('an offline save shows the banner and the status; both go once the cells are sent', async () => {
    backend = fakeBackend()
    const online = new EventTarget()
    offlineResend.target = () => online
    try {
      const { w } = await mountPage('staff', { period: '2026Q3', department: '7' })
      backend.offline = true
      const el = w.find('[data-cell="0:0"]').element as HTMLInputElement
      el.value = '61'
      el.dispatchEvent(new Event('input', { bubbles: true }))
      await useProgressStore().flush().catch(() => {})
      await flushPromises()
      expect(w.find('[data-test="offline-banner"]').text()).toContain('网络中断：已保存在本机草稿，连接恢复后自动发送')
      expect(w.find('[data-test="save-status"]').text()).toContain('离线')
      expect(w.find('[data-test="offline-mark"]').exists()).toBe(true)
      backend.offline = false
      online.dispatchEvent(new Event('online'))
      await flushPromises()
      expect(w.find('[data-test="offline-banner"]').exists()).toBe(false)
      expect(w.find('[data-test="offline-mark"]').exists()).toBe(false)
      expect(backend.stored[1]!.value).toBe(61)
      w.unmount()
    } finally {
      offlineResend.target = () => window
    }
  })

  it('a reviewer sees a new submission without reopening the grid (polled every 10 s)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const g = grid({ can_edit: false, can_submit: false, can_review: true })
      backend = fakeBackend(g)
      const { w } = await mountPage('manager', { period: '2026Q3', department: '7' })
      expect(w.find('[data-test="approve"]').exists()).toBe(false)
      const opens = () => backend.calls.filter((c) => c.cmd === 'entry_grid').length
      const before = opens()
      await vi.advanceTimersByTimeAsync(10_000)
      await flushPromises()
      expect(opens()).toBe(before)
      backend.grid.submission.state = 'submitted'
      backend.lastChange++
      await vi.advanceTimersByTimeAsync(10_000)
      await flushPromises()
      expect(opens()).toBe(before + 1)
      expect(w.find('[data-test="approve"]').exists()).toBe(true)
      w.unmount()
    } finally {
      vi.useRealTimers()
    }
  })
})

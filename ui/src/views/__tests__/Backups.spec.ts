import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Backups from '../Backups.vue'

let calls: { cmd: string; args: Record<string, unknown> }[]
let backups: Record<string, unknown>[]

const entry = (file_name: string, kind_label: string, taken_at: string, size: number) => ({
  file_name,
  kind: 'daily',
  kind_label,
  taken_at,
  size,
})

beforeEach(() => {
  calls = []
  backups = [entry('city-20261130-080000-daily.db', '每日自动备份', '2026-11-30 08:00:00', 204800)]
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    if (cmd === 'list_backups') return { folder: '/data/city.db-backups', backups }
    if (cmd === 'backup_now') {
      const b = entry('city-20261130-101500-manual.db', '手动备份', '2026-11-30 10:15:00', 210000)
      backups = [b, ...backups]
      return b
    }
    if (cmd === 'restore_backup') {
      if (args.fileName === 'broken.db') throw { code: 'storage', message: '数据库文件已损坏（文件 broken.db）' }
      return { restored_from: args.fileName, set_aside: 'aside.db', message: '已从备份恢复数据库。' }
    }
    throw { code: 'not_found', message: cmd }
  })
})
afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

const inBody = (selector: string) => new DOMWrapper(document.body).find(selector)

async function mountPage() {
  const w = mount(Backups, { attachTo: document.body, global: { plugins: [createPinia(), ElementPlus] } })
  await flushPromises()
  return w
}

describe('backups page', () => {
  it('lists backups with time, kind and size, and the folder', async () => {
    const w = await mountPage()
    const text = w.find('[data-test="backup-table"]').text()
    expect(text).toContain('2026-11-30 08:00:00')
    expect(text).toContain('每日自动备份')
    expect(text).toContain('200.0 KB')
    expect(w.text()).toContain('/data/city.db-backups')
  })

  it('backs up now and shows the new backup first', async () => {
    const w = await mountPage()
    await w.find('[data-test="backup-now"]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.cmd === 'backup_now')).toBe(true)
    const rows = w.findAll('[data-test="backup-table"] .el-table__body tr')
    expect(rows[0].text()).toContain('手动备份')
  })

  it('restores only after confirmation, with the chosen file name', async () => {
    const w = await mountPage()
    await w.find('[data-test="restore"]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.cmd === 'restore_backup')).toBe(false)
    expect(document.body.textContent).toContain('恢复前的数据库会先另存')
    await inBody('.el-message-box__btns .el-button--primary').trigger('click')
    await flushPromises()
    const r = calls.find((c) => c.cmd === 'restore_backup')
    expect(r?.args).toEqual({ fileName: 'city-20261130-080000-daily.db' })
  })

  it('cancelling the confirmation restores nothing', async () => {
    const w = await mountPage()
    await w.find('[data-test="restore"]').trigger('click')
    await flushPromises()
    await inBody('.el-message-box__btns .el-button:not(.el-button--primary)').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.cmd === 'restore_backup')).toBe(false)
  })
})

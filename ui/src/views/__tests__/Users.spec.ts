import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import Users from '../Users.vue'

let calls: { cmd: string; args: Record<string, unknown> }[]
let users: Record<string, unknown>[]

beforeEach(() => {
  calls = []
  users = [
    { id: 1, name: 'admin', role: 'admin', department_id: null, department_name: null, must_change_password: false, active: true },
    { id: 2, name: 'staff1', role: 'staff', department_id: 3, department_name: '统计局', must_change_password: false, active: false },
  ]
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    if (cmd === 'list_users') return users
    if (cmd === 'list_departments') return [{ id: 3, name: '统计局', lead_count: 0 }]
    if (cmd === 'create_user') {
      const input = args.input as { name: string; role: string; department_id: number | null }
      if (input.name === 'admin') throw { code: 'conflict', message: '用户名已存在' }
      const u = { id: 9, ...input, department_name: '统计局', must_change_password: true, active: true }
      users = [...users, u]
      return u
    }
    if (cmd === 'set_user_active') {
      if (args.userId === 1) throw { code: 'forbidden', message: '不能停用自己' }
      users = users.map((u) => (u.id === args.userId ? { ...u, active: args.active } : u))
      return users.find((u) => u.id === args.userId)
    }
    if (cmd === 'set_user_role') {
      users = users.map((u) => (u.id === args.userId ? { ...u, role: args.role, department_id: args.departmentId } : u))
      return users.find((u) => u.id === args.userId)
    }
    throw { code: 'not_found', message: cmd }
  })
})
afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

// Dialogs and popups are teleported to <body>, outside the wrapper.
const inBody = (selector: string) => new DOMWrapper(document.body).find(selector)

async function mountUsers() {
  const w = mount(Users, { attachTo: document.body, global: { plugins: [createPinia(), ElementPlus] } })
  await flushPromises()
  return w
}

async function fillCreate(w: Awaited<ReturnType<typeof mountUsers>>, name: string) {
  await w.find('[data-test="open-create"]').trigger('click')
  await flushPromises()
  await inBody('input[data-test="new-name"], [data-test="new-name"] input').setValue(name)
  await inBody('input[data-test="new-password"], [data-test="new-password"] input').setValue('Chushi-2026!')
  await inBody('[data-test="submit-create"]').trigger('click')
  await flushPromises()
}

describe('users page', () => {
  it('lists users with Chinese role labels, department and state', async () => {
    const w = await mountUsers()
    const text = w.find('[data-test="users-table"]').text()
    expect(text).toContain('admin')
    expect(text).toContain('管理员')
    expect(text).toContain('填报员')
    expect(text).toContain('统计局')
    expect(text).toContain('停用')
  })

  it('creates a user with the entered name, password, default role and department', async () => {
    const w = await mountUsers()
    await fillCreate(w, ' zhangsan ')
    const create = calls.find((c) => c.cmd === 'create_user')
    expect(create?.args).toEqual({
      input: { name: 'zhangsan', password: 'Chushi-2026!', role: 'staff', department_id: 3 },
    })
    expect(calls.filter((c) => c.cmd === 'list_users').length).toBe(2)
    expect(w.find('[data-test="users-table"]').text()).toContain('zhangsan')
  })

  it('shows the engine error message in Chinese', async () => {
    const w = await mountUsers()
    await fillCreate(w, 'admin')
    expect(w.find('[data-test="error"]').text()).toContain('用户名已存在')
  })

  it('enables a disabled user and shows the new state after reloading', async () => {
    const w = await mountUsers()
    expect(w.find('[data-test="toggle-2"]').text()).toBe('启用')
    await w.find('[data-test="toggle-2"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'set_user_active')?.args).toEqual({ userId: 2, active: true })
    expect(w.find('[data-test="toggle-2"]').text()).toBe('停用')
  })

  it('keeps the list and shows the refusal when the backend refuses to disable', async () => {
    const w = await mountUsers()
    await w.find('[data-test="toggle-1"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="error"]').text()).toContain('不能停用自己')
    expect(w.find('[data-test="toggle-1"]').text()).toBe('停用')
  })

  it('edits role and department starting from the user\'s current ones', async () => {
    const w = await mountUsers()
    await w.find('[data-test="edit-2"]').trigger('click')
    await flushPromises()
    await inBody('[data-test="submit-edit"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'set_user_role')?.args).toEqual({ userId: 2, role: 'staff', departmentId: 3 })
  })
})

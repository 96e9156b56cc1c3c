import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import SignIn from '../src/views/SignIn.vue'
import type { FirstRun, Session } from '../src/bindings'
import { mountView } from './mount'

afterEach(() => clearMocks())

const admin = {
  user_id: 1,
  name: 'admin',
  role: 'admin',
  department_id: null,
  must_change_password: false,
} satisfies Session

function backend(first: FirstRun) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = []
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: args as Record<string, unknown> })
    if (cmd === 'first_run') return first
    if (cmd === 'set_first_password') return admin
    if (cmd === 'login') return admin
    if (cmd === 'open_demo_database') return '/data/demo.db'
    return []
  })
  return calls
}

describe('SignIn', () => {
  it('asks a new database for the administrator password, twice, and signs in with it', async () => {
    const calls = backend({ admin_needs_password: true, admin_name: 'admin' })
    const { wrapper, router } = await mountView(SignIn, '/login')
    await flushPromises()
    expect(wrapper.find('[data-test="login-name"]').exists()).toBe(false)
    await wrapper.find('input[data-test="first-password-input"]').setValue('Shifan-2026!')
    await wrapper.find('input[data-test="first-password-repeat"]').setValue('Shifan-2026?')
    await wrapper.find('[data-test="first-password"]').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test="login-error"]').text()).toContain('两次输入的密码不一致')
    expect(calls.some((c) => c.cmd === 'set_first_password')).toBe(false)

    await wrapper.find('input[data-test="first-password-repeat"]').setValue('Shifan-2026!')
    await wrapper.find('[data-test="first-password"]').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'set_first_password')?.args).toEqual({ password: 'Shifan-2026!' })
    expect(router.currentRoute.value.fullPath).toBe('/plans')
  })

  it('opens the demo data instead at first run, and then offers the demo sign-in', async () => {
    const calls = backend({ admin_needs_password: true, admin_name: 'admin' })
    const { wrapper } = await mountView(SignIn, '/login')
    await flushPromises()
    await wrapper.find('[data-test="open-demo"]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.cmd === 'open_demo_database')).toBe(true)
    expect(calls.some((c) => c.cmd === 'set_first_password')).toBe(false)
    expect(wrapper.find('[data-test="sign-in-notice"]').text()).toContain('/data/demo.db')
    expect((wrapper.find('input[data-test="login-name"]').element as HTMLInputElement).value).toBe('admin')
  })

  it('shows the login form once the administrator has a password', async () => {
    backend({ admin_needs_password: false, admin_name: 'admin' })
    const { wrapper } = await mountView(SignIn, '/login')
    await flushPromises()
    expect(wrapper.find('[data-test="login-name"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="first-password"]').exists()).toBe(false)
  })
})

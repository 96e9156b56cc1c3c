import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { call } from '../../api/invoke'
import { endSessionOnExpiry, endsSession, useSessionStore } from '../session'

const expired = { code: 'unauthenticated', message: '登录已过期或无效，请重新登录' }
let router: Router

beforeEach(async () => {
  setActivePinia(createPinia())
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: { template: '<div />' } },
      { path: '/plans', component: { template: '<div />' } },
    ],
  })
  await router.push('/plans')
  endSessionOnExpiry(router)
  mockIPC((cmd) => {
    if (cmd === 'login') throw { code: 'unauthenticated', message: '用户名或密码错误' }
    if (cmd === 'change_password') throw { code: 'unauthenticated', message: '原密码不正确' }
    throw expired
  })
})
afterEach(() => clearMocks())

function signIn() {
  const s = useSessionStore()
  s.user = { user_id: 2, name: '李四', role: 'staff', department_id: 7, must_change_password: false }
  s.loaded = true
  return s
}

describe('an expired sign-in', () => {
  it('any command answering unauthenticated returns to the sign-in screen with the reason', async () => {
    const s = signIn()
    await expect(call('list_plans')).rejects.toMatchObject(expired)
    await router.isReady()
    await new Promise((r) => setTimeout(r, 0))
    expect(s.user).toBeNull()
    expect(s.endedReason).toBe('登录已过期或无效，请重新登录')
    expect(router.currentRoute.value.name).toBe('login')
  })

  it('a wrong password (login, change password) is not an expired session', async () => {
    const s = signIn()
    await expect(s.changePassword('old', 'new-Passw0rd')).rejects.toMatchObject({ message: '原密码不正确' })
    expect(s.user).not.toBeNull()
    expect(router.currentRoute.value.path).toBe('/plans')
    s.user = null
    await expect(s.login('李四', 'x')).rejects.toMatchObject({ message: '用户名或密码错误' })
    expect(s.endedReason).toBeNull()
  })

  it('endsSession: only while signed in, and not for the password commands', () => {
    expect(endsSession('entry_grid', true)).toBe(true)
    expect(endsSession('entry_grid', false)).toBe(false)
    expect(endsSession('login', true)).toBe(false)
    expect(endsSession('accept_renewed_certificate', true)).toBe(false)
  })
})

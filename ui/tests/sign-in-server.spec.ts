// The sign-in screen's choice of this computer's database or a shared server: the fingerprint
// shown at first contact, a changed certificate refused with both fingerprints side by side,
// an administrator accepting a renewed one, and back to the local database.
import { afterEach, describe, expect, it } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import SignIn from '../src/views/SignIn.vue'
import type { MachineSettings } from '../src/bindings'
import { useSessionStore } from '../src/stores/session'
import { mountView } from './mount'

afterEach(() => {
  clearMocks()
  document.body.innerHTML = ''
})

const OLD = 'AB:'.repeat(31) + 'AB'
const NEW = 'CD:'.repeat(31) + 'CD'
const body = () => new DOMWrapper(document.body)
const inBody = (selector: string) => body().find(selector)

function backend(opts: { settings?: MachineSettings; presented?: string | null; refuse?: Record<string, unknown> } = {}) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = []
  let settings: MachineSettings = opts.settings ?? { server_url: null, server_cert_sha256: null }
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>
    calls.push({ cmd, args })
    if (opts.refuse?.[cmd]) throw opts.refuse[cmd]
    switch (cmd) {
      case 'first_run':
        return { admin_needs_password: false, admin_name: 'admin' }
      case 'get_machine_settings':
        return settings
      case 'probe_server': {
        const a = String(args.address)
        if (a.includes('127.0.0.1')) return { address: 'http://127.0.0.1:8080', fingerprint: null }
        return { address: 'https://10.0.0.5:8443', fingerprint: opts.presented === undefined ? NEW : opts.presented }
      }
      case 'connect_server':
        settings = { server_url: String(args.address), server_cert_sha256: (args.fingerprint as string | null) ?? null }
        return settings
      case 'accept_renewed_certificate':
        if (args.password !== 'Admin-2026!') throw { code: 'unauthenticated', message: '用户名或密码错误' }
        settings = { server_url: String(args.address), server_cert_sha256: String(args.fingerprint) }
        return settings
      case 'use_local_database':
        settings = { server_url: null, server_cert_sha256: null }
        return settings
      default:
        return null
    }
  })
  return calls
}

async function connectTo(wrapper: Awaited<ReturnType<typeof mountView>>['wrapper'], address: string) {
  await wrapper.find('[data-test="mode-server"] input').setValue(true)
  await flushPromises()
  await wrapper.find('input[data-test="server-address"]').setValue(address)
  await wrapper.find('input[data-test="server-address"]').trigger('keyup', { key: 'Enter' })
  await flushPromises()
}

describe('sign-in: local database or server', () => {
  it('defaults to the local database and says so', async () => {
    backend()
    const { wrapper } = await mountView(SignIn, '/login')
    expect(wrapper.find('[data-test="current-mode"]').text()).toContain('本机数据库')
    expect((wrapper.find('[data-test="mode-local"] input').element as HTMLInputElement).checked).toBe(true)
    expect(wrapper.find('[data-test="server-address"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="login-name"]').exists()).toBe(true)
  })

  it('shows the server certificate fingerprint, grouped, and connects only once it is accepted', async () => {
    const calls = backend()
    const { wrapper } = await mountView(SignIn, '/login')
    await connectTo(wrapper, '10.0.0.5:8443')
    expect(calls.find((c) => c.cmd === 'probe_server')?.args).toEqual({ address: '10.0.0.5:8443' })
    expect(calls.some((c) => c.cmd === 'connect_server')).toBe(false)
    const fp = inBody('[data-test="fingerprint"]').text().split('\n')
    expect(fp).toHaveLength(4)
    expect(fp[0]).toBe('CD:CD:CD:CD:CD:CD:CD:CD')

    await inBody('[data-test="confirm-cancel"]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.cmd === 'connect_server')).toBe(false)

    await wrapper.find('[data-test="server-connect"]').trigger('click')
    await flushPromises()
    await inBody('[data-test="confirm-accept"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.cmd === 'connect_server')?.args).toEqual({ address: 'https://10.0.0.5:8443', fingerprint: NEW })
    expect(wrapper.find('[data-test="current-mode"]').text()).toContain('https://10.0.0.5:8443')
    expect(calls.filter((c) => c.cmd === 'first_run')).toHaveLength(2)
  })

  it('a plain-http server on this computer connects without a fingerprint to accept', async () => {
    const calls = backend()
    const { wrapper } = await mountView(SignIn, '/login')
    await connectTo(wrapper, '127.0.0.1:8080')
    expect(calls.find((c) => c.cmd === 'connect_server')?.args).toEqual({ address: 'http://127.0.0.1:8080', fingerprint: null })
    expect(inBody('[data-test="fingerprint"]').exists()).toBe(false)
  })

  it('an unreachable or wrong address is said in Chinese, and nothing is saved', async () => {
    const calls = backend({ refuse: { probe_server: { code: 'invalid_input', message: '该地址不是规划指标监测服务器' } } })
    const { wrapper } = await mountView(SignIn, '/login')
    await connectTo(wrapper, 'example.org')
    expect(wrapper.find('[data-test="server-error"]').text()).toContain('不是规划指标监测服务器')
    expect(calls.some((c) => c.cmd === 'connect_server')).toBe(false)
  })

  it('a changed certificate is refused with both fingerprints; an administrator accepts the renewed one', async () => {
    const calls = backend({
      settings: { server_url: 'https://10.0.0.5:8443', server_cert_sha256: OLD },
      refuse: { connect_server: { code: 'certificate_changed', message: `服务器证书已变化：已确认 ${OLD}，服务器出示 ${NEW}` } },
    })
    const { wrapper } = await mountView(SignIn, '/login')
    expect(wrapper.find('[data-test="current-mode"]').text()).toContain('服务器')
    await wrapper.find('[data-test="server-connect"]').trigger('click')
    await flushPromises()
    // Never offered as a first contact to click through.
    expect(inBody('[data-test="confirm-accept"]').exists()).toBe(false)
    const dialog = inBody('[data-test="changed-dialog"]')
    expect(dialog.text()).toContain('有人冒充服务器')
    expect(inBody('[data-test="expected-fingerprint"]').text()).toContain('AB:AB:AB:AB:AB:AB:AB:AB')
    expect(inBody('[data-test="presented-fingerprint"]').text()).toContain('CD:CD:CD:CD:CD:CD:CD:CD')

    await inBody('input[data-test="renew-name"]').setValue('admin')
    await inBody('input[data-test="renew-password"]').setValue('wrong')
    await inBody('[data-test="renew-accept"]').trigger('click')
    await flushPromises()
    expect(inBody('[data-test="renew-error"]').text()).toContain('用户名或密码错误')
    expect(useSessionStore().endedReason).toBeNull()

    await inBody('input[data-test="renew-password"]').setValue('Admin-2026!')
    await inBody('input[data-test="renew-password"]').trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(calls.filter((c) => c.cmd === 'accept_renewed_certificate').at(-1)?.args).toEqual({
      address: 'https://10.0.0.5:8443',
      fingerprint: NEW,
      name: 'admin',
      password: 'Admin-2026!',
    })
    expect(calls.some((c) => c.cmd === 'connect_server')).toBe(false)
    expect(calls.filter((c) => c.cmd === 'first_run')).toHaveLength(2)
  })

  it('a connection refused for a changed certificate shows the warning too', async () => {
    backend({
      settings: { server_url: 'https://10.0.0.9:8443', server_cert_sha256: OLD },
      refuse: { connect_server: { code: 'certificate_changed', message: `服务器证书已变化：已确认 ${OLD}，服务器出示 ${NEW}` } },
    })
    const { wrapper } = await mountView(SignIn, '/login')
    await connectTo(wrapper, '10.0.0.5:8443')
    await inBody('[data-test="confirm-accept"]').trigger('click')
    await flushPromises()
    expect(inBody('[data-test="changed-dialog"]').text()).toContain('有人冒充服务器')
    expect(inBody('[data-test="presented-fingerprint"]').text()).toContain('CD:CD')
  })

  it('a command refused for a changed certificate at start shows the same warning', async () => {
    backend({
      settings: { server_url: 'https://10.0.0.5:8443', server_cert_sha256: OLD },
      refuse: { first_run: { code: 'certificate_changed', message: `服务器证书已变化：已确认 ${OLD}，服务器出示 ${NEW}` } },
    })
    await mountView(SignIn, '/login')
    await flushPromises()
    expect(inBody('[data-test="presented-fingerprint"]').text()).toContain('CD:CD')
    expect(inBody('[data-test="expected-fingerprint"]').text()).toContain('AB:AB')
  })

  it('goes back to the local database from server mode', async () => {
    const calls = backend({ settings: { server_url: 'https://10.0.0.5:8443', server_cert_sha256: OLD } })
    const { wrapper } = await mountView(SignIn, '/login')
    await wrapper.find('[data-test="mode-local"] input').setValue(true)
    await flushPromises()
    await wrapper.find('[data-test="use-local"]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.cmd === 'use_local_database')).toBe(true)
    expect(wrapper.find('[data-test="current-mode"]').text()).toContain('本机数据库')
    expect(wrapper.find('[data-test="use-local"]').exists()).toBe(false)
  })

  it('shows why the person was signed out', async () => {
    backend()
    const { wrapper } = await mountView(SignIn, '/login')
    useSessionStore().endedReason = '登录已过期或无效，请重新登录'
    await flushPromises()
    expect(wrapper.find('[data-test="session-ended"]').text()).toContain('登录已过期或无效，请重新登录')
  })
})

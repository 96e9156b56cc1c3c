// The desktop app as a client of `zhibiao serve`: after the first session (which imported a
// plan into its database), that database is served over TLS with a self-signed certificate
// and a second window, on a database of its own, signs in to the server from the sign-in
// screen: 服务器 → address → the certificate's fingerprint shown → 接受并连接 → sign in →
// the server's plans (the one imported earlier included).
import { execFileSync, spawn } from 'node:child_process'
import path from 'node:path'

const PORT = 4460

function certificate(dir) {
  const cert = path.join(dir, 'server.crt')
  const key = path.join(dir, 'server.key')
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-days', '2', '-subj', '/CN=zhibiao-e2e', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' })
  const out = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', cert], {
    encoding: 'utf8',
  })
  return { cert, key, fingerprint: out.trim().split('=').pop() }
}

/** Starts the server on `db`; returns its fingerprint and a function that stops it. */
export function startServer({ cli, db, dir }) {
  const { cert, key, fingerprint } = certificate(dir)
  const server = spawn(cli, ['serve', '--listen', `127.0.0.1:${PORT}`, '--db', db, '--tls-cert', cert, '--tls-key', key], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return {
    port: PORT,
    fingerprint,
    stop: () => {
      if (server.exitCode === null) server.kill('SIGTERM')
    },
  }
}

export async function runServerSteps({ browser, step, screenshot, waitForText, clickWhenReady, bodyText, server, plan }) {
  const input = (name) => browser.$(`input[data-test="${name}"], [data-test="${name}"] input`)

  await step('the sign-in screen connects to the server after showing its fingerprint', async () => {
    await (await input('login-name')).waitForDisplayed({ timeout: 30000 })
    await clickWhenReady('[data-test="mode-server"]')
    await (await input('server-address')).setValue(`https://127.0.0.1:${server.port}`)
    await clickWhenReady('[data-test="server-connect"]')
    const shown = await browser.$('[data-test="fingerprint"]')
    await shown.waitForDisplayed({ timeout: 20000 })
    // Shown in groups over several lines: compare the hex digits.
    const digits = (s) => s.replace(/[\s:]+/g, '').toUpperCase()
    const text = await shown.getText()
    if (digits(text) !== digits(server.fingerprint)) {
      throw new Error(`显示的指纹 ${text} 与证书的 ${server.fingerprint} 不同`)
    }
    await screenshot('server-fingerprint')
    await clickWhenReady('[data-test="confirm-accept"]')
    await browser.waitUntil(
      async () => (await (await browser.$('[data-test="current-mode"]')).getText()).includes(`127.0.0.1:${server.port}`),
      { timeout: 20000, timeoutMsg: '连接后当前模式没有显示服务器地址' },
    )
  })

  await step('a reviewer signs in to the server and sees its plans', async () => {
    await (await input('login-name')).setValue('manager')
    await (await input('login-password')).setValue('demo1234')
    await clickWhenReady('[data-test="login-submit"]')
    await browser.waitUntil(async () => !(await browser.getUrl()).includes('login'), {
      timeout: 20000,
      timeoutMsg: '登录服务器后仍停留在登录页',
    })
    await clickWhenReady('[data-test="menu-plans"]')
    // Imported into the server's database by the first session; this window's own
    // database never saw it.
    await waitForText(plan)
    const body = await bodyText()
    if (body.includes('登录已过期')) throw new Error('服务器拒绝了令牌')
    await screenshot('server-plans')
  })
}

// Drives the real app window (WebKitGTK under Xvfb) through tauri-driver + WebKitWebDriver.
// Prints `N passed, M failed` and exits non-zero on any failure.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { remote } from 'webdriverio'
import { runProgressSteps } from './specs/progress.mjs'
import { runReportSteps } from './specs/report.mjs'
import { runServerSteps, startServer } from './specs/server.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const app = process.env.ZHIBIAO_E2E_APP
const db = process.env.ZHIBIAO_E2E_DB
const shots = process.env.ZHIBIAO_E2E_SCREENSHOTS ?? path.join(here, 'screenshots')
const NEW_PASSWORD = 'E2e-Passw0rd'
const PASTE = readFileSync(path.join(here, 'fixtures/paste-plan.txt'), 'utf8')
const PASTED_PLAN = '示范市体育事业发展“十五五”规划'
const CORRECTED_NAME = '经常参加体育锻炼人数占比'
const DRIVER_PORT = 4444
const NATIVE_PORT = 4445

let passed = 0
let failed = 0
let browser

async function step(name, fn) {
  const t0 = Date.now()
  try {
    await fn()
    passed++
    console.log(`ok   ${name} (${Date.now() - t0} ms)`)
  } catch (e) {
    failed++
    console.log(`FAIL ${name}: ${e?.message ?? e}`)
    await screenshot(`failure-${passed + failed}`)
  }
}

async function screenshot(name) {
  try {
    if (browser) await browser.saveScreenshot(path.join(shots, `${name}.png`))
  } catch (e) {
    console.log(`(screenshot ${name} failed: ${e?.message ?? e})`)
  }
}

function waitForPort(port, who, ms) {
  const until = Date.now() + ms
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.end()
        resolve()
      })
      sock.on('error', () => {
        if (Date.now() > until) reject(new Error(`${who} did not listen on ${port}`))
        else setTimeout(attempt, 200)
      })
    }
    attempt()
  })
}

const $ = (sel) => browser.$(sel)
const input = (name) => $(`input[data-test="${name}"], [data-test="${name}"] input`)

// A click can land on an overlay that is still fading out (the table's loading mask, a closing
// dialog); WebKitWebDriver then refuses it as "intercepted". Retry until the overlay is gone.
async function clickWhenReady(target, timeout = 15000) {
  const el = typeof target === 'string' ? await $(target) : target
  await el.waitForClickable({ timeout })
  await browser.waitUntil(
    async () => {
      try {
        await el.click()
        return true
      } catch (e) {
        if (String(e?.message ?? e).includes('intercepted')) return false
        throw e
      }
    },
    { timeout, interval: 200, timeoutMsg: `「${el.selector}」一直被遮挡，无法点击` },
  )
}

async function bodyText() {
  return browser.execute(() => document.body.innerText)
}

async function waitForText(text, timeout = 20000) {
  await browser.waitUntil(async () => (await bodyText()).includes(text), {
    timeout,
    timeoutMsg: `页面中没有出现「${text}」`,
  })
}

async function rows(tableSel) {
  return browser.$$(`${tableSel} .el-table__body tr.el-table__row`)
}

async function main() {
  if (!app || !db) throw new Error('ZHIBIAO_E2E_APP and ZHIBIAO_E2E_DB must be set (use e2e/run.sh)')
  const driver = spawn('tauri-driver', ['--port', String(DRIVER_PORT), '--native-port', String(NATIVE_PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const stopDriver = () => {
    // SIGTERM lets tauri-driver stop WebKitWebDriver too; SIGKILL would orphan it.
    if (driver.exitCode === null) driver.kill('SIGTERM')
  }
  process.on('exit', stopDriver)
  try {
    // tauri-driver listens at once but starts WebKitWebDriver in the background; on a busy
    // machine a session requested before WebKitWebDriver listens fails with "connection refused".
    await waitForPort(DRIVER_PORT, 'tauri-driver', 20000)
    await waitForPort(NATIVE_PORT, 'WebKitWebDriver', 60000)
    const t0 = Date.now()
    browser = await remote({
      hostname: '127.0.0.1',
      port: DRIVER_PORT,
      logLevel: 'error',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'wry',
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application: app, args: ['--db', db, '--demo'] },
      },
    })
    await runSteps(t0)
    await browser.deleteSession()
    browser = undefined
    await runServerSession()
  } finally {
    if (browser) await browser.deleteSession().catch(() => {})
    stopDriver()
  }
}

// The first session's database served by `zhibiao serve`; a second window signs in to it.
async function runServerSession() {
  const cli = process.env.ZHIBIAO_E2E_CLI
  const work = process.env.ZHIBIAO_E2E_WORK
  if (!cli || !work) throw new Error('ZHIBIAO_E2E_CLI and ZHIBIAO_E2E_WORK must be set (use e2e/run.sh)')
  const server = startServer({ cli, db, dir: work })
  try {
    await waitForPort(server.port, 'zhibiao serve', 30000)
    browser = await remote({
      hostname: '127.0.0.1',
      port: DRIVER_PORT,
      logLevel: 'error',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'wry',
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application: app, args: ['--db', path.join(work, 'own.db'), '--demo'] },
      },
    })
    await runServerSteps({ browser, step, screenshot, waitForText, clickWhenReady, bodyText, server, plan: PASTED_PLAN })
  } finally {
    server.stop()
  }
}

async function runSteps(t0) {
  await step('app starts and shows the login screen', async () => {
    await (await input('login-name')).waitForDisplayed({ timeout: 30000 })
    console.log(`     first paint of the login screen after ${Date.now() - t0} ms`)
    await waitForText('规划指标监测')
  })

  await step('admin logs in (forced password change on first run)', async () => {
    await (await input('login-name')).setValue('admin')
    await (await input('login-password')).setValue('admin')
    await clickWhenReady('[data-test="login-submit"]')
    await browser.waitUntil(async () => (await browser.getUrl()).match(/#\/(change-password|plans)/), {
      timeout: 15000,
      timeoutMsg: '登录后没有进入修改密码或规划列表页面',
    })
    if ((await browser.getUrl()).includes('change-password')) {
      await (await input('pw-old')).setValue('admin')
      await (await input('pw-new')).setValue(NEW_PASSWORD)
      await (await input('pw-repeat')).setValue(NEW_PASSWORD)
      await clickWhenReady('[data-test="pw-submit"]')
    }
    await browser.waitUntil(async () => (await browser.getUrl()).includes('#/plans'), {
      timeout: 15000,
      timeoutMsg: '没有进入规划列表',
    })
  })

  let demoCount = 0
  await step('the demo plans are listed', async () => {
    await browser.waitUntil(async () => (await rows('[data-test="plan-table"]')).length > 0, {
      timeout: 20000,
      timeoutMsg: '规划列表为空',
    })
    demoCount = (await rows('[data-test="plan-table"]')).length
    const text = await bodyText()
    if (!text.includes('规划')) throw new Error('列表中没有规划名称')
    console.log(`     ${demoCount} demo plans listed`)
    await screenshot('plan-list')
  })

  await step('a plan opens with its indicators', async () => {
    await clickWhenReady('[data-test="plan-table"] a[data-test^="plan-"]')
    await browser.waitUntil(async () => (await rows('[data-test="indicator-table"]')).length > 0, {
      timeout: 20000,
      timeoutMsg: '规划详情中没有指标',
    })
    const text = await bodyText()
    for (const word of ['基期值', '目标值', '属性']) {
      if (!text.includes(word)) throw new Error(`详情页缺少「${word}」列`)
    }
    await screenshot('plan-detail')
  })

  await step('a pasted table is previewed', async () => {
    await clickWhenReady('[data-test="menu-import"]')
    const area = await $('textarea[data-test="import-text"], [data-test="import-text"] textarea')
    await area.waitForDisplayed({ timeout: 15000 })
    // Typing 600 characters key by key is slow and IME-dependent; set the value as a paste would.
    await browser.execute(
      (el, text) => {
        el.value = text
        el.dispatchEvent(new Event('input', { bubbles: true }))
      },
      area,
      PASTE,
    )
    await clickWhenReady('[data-test="import-preview"]')
    await browser.waitUntil(async () => (await rows('[data-test="preview-table"]')).length >= 4, {
      timeout: 20000,
      timeoutMsg: '预览中没有出现 4 行指标',
    })
  })

  await step('one cell is corrected and the import is committed', async () => {
    const name = await $('[data-test="preview-table"] input[data-test="row-name"], [data-test="preview-table"] [data-test="row-name"] input')
    await name.waitForDisplayed({ timeout: 10000 })
    // WebDriver's clear does not fire `input`, so Vue would keep the old text: select it all
    // and overwrite it, as a user does.
    await clickWhenReady(name)
    await browser.keys(['Control', 'a'])
    await browser.keys('Backspace')
    await name.addValue(CORRECTED_NAME)
    const typed = await name.getValue()
    if (typed !== CORRECTED_NAME) throw new Error(`名称单元格应为「${CORRECTED_NAME}」，实际「${typed}」`)
    await screenshot('import-preview')
    await clickWhenReady('[data-test="import-commit"]')
    await waitForText('导入成功')
  })

  await step('the imported plan appears in the plan list with the correction', async () => {
    await clickWhenReady('[data-test="menu-plans"]')
    await waitForText(PASTED_PLAN)
    const count = (await rows('[data-test="plan-table"]')).length
    if (count !== demoCount + 1) throw new Error(`规划数应为 ${demoCount + 1}，实际 ${count}`)
    await screenshot('plan-list-after-import')
    await clickWhenReady(`//a[contains(., "${PASTED_PLAN}")]`)
    await waitForText(CORRECTED_NAME)
    const names = await browser.execute(() =>
      [...document.querySelectorAll('[data-test="indicator-table"] .el-table__body td')].map((td) => td.innerText.trim()),
    )
    if (!names.includes(CORRECTED_NAME)) throw new Error(`详情中没有名称恰为「${CORRECTED_NAME}」的指标`)
    const errors = await browser.execute(() => window.__zhibiaoErrors ?? [])
    if (errors.length) throw new Error(`界面渲染出错：${errors[0]}`)
    await browser.pause(500) // let the success message fade in fully for the screenshot
    await screenshot('app')
  })

  // Progress entry, submit and approval (e2e/specs/progress.mjs).
  await runProgressSteps({ browser, step, screenshot, waitForText, clickWhenReady, bodyText })

  // The default report, saved without the native dialog (e2e/specs/report.mjs).
  await runReportSteps({ browser, step, screenshot, clickWhenReady })
}

try {
  await main()
} catch (e) {
  failed++
  console.log(`FAIL setup: ${e?.message ?? e}`)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)

// Progress entry in the real window: a staff user types values with the keyboard, pastes a
// block, submits; a manager approves; the staff user can no longer edit.
// Called by app.test.mjs with its helpers; users come from the demo seed
// (src/api/demo_progress.rs).

// DEMO_PASSWORD, DEMO_MANAGER and demo_staff_name(1) of src/api/demo_progress.rs.
export const STAFF = { name: 'staff1', password: 'demo1234' }
export const MANAGER = { name: 'manager', password: 'demo1234' }
const NOTE = '端到端测试填报'

export async function runProgressSteps({ browser, step, screenshot, waitForText, clickWhenReady, bodyText }) {
  const $ = (sel) => browser.$(sel)
  const input = (name) => $(`input[data-test="${name}"], [data-test="${name}"] input`)
  let period = null
  let departmentId = null

  async function logout() {
    if ((await browser.getUrl()).includes('#/login')) return
    await clickWhenReady('[data-test="logout"]')
    await (await input('login-name')).waitForDisplayed({ timeout: 15000 })
  }

  async function login(user) {
    await logout()
    await (await input('login-name')).setValue(user.name)
    await (await input('login-password')).setValue(user.password)
    await clickWhenReady('[data-test="login-submit"]')
    await browser.waitUntil(async () => !(await browser.getUrl()).includes('#/login'), {
      timeout: 15000,
      timeoutMsg: `${user.name} 登录失败`,
    })
  }

  async function openGrid() {
    const q = new URLSearchParams()
    if (period) q.set('period', period)
    if (departmentId != null) q.set('department', String(departmentId))
    await browser.execute((hash) => (window.location.hash = hash), `#/entry?${q}`)
    await browser.waitUntil(async () => (await browser.$$('[data-cell]')).length > 0, {
      timeout: 20000,
      timeoutMsg: '填报表没有出现',
    })
  }

  const state = () => browser.execute(() => document.querySelector('[data-test="workflow-state"]')?.textContent?.trim() ?? '')

  /** Rows whose value cell is a text input (numeric indicators), as grid row indexes. */
  const numericRows = () =>
    browser.execute(() =>
      [...document.querySelectorAll('input[data-cell$=":0"]')].map((el) => Number(el.getAttribute('data-cell').split(':')[0])),
    )

  /** A value that passes the checks: the last recorded value when there is one. */
  const safeValue = (r) =>
    browser.execute((row) => {
      const tr = document.querySelectorAll('.entry-table tbody tr')[row]
      const last = tr?.children[5]?.textContent ?? ''
      const m = /^-?[\d.]+/.exec(last.trim())
      return m ? m[0] : '50'
    }, r)

  await step('staff user logs in and opens the entry grid', async () => {
    await login(STAFF)
    await openGrid()
    const url = new URL((await browser.getUrl()).replace('#/', ''))
    period = url.searchParams.get('period')
    departmentId = Number(url.searchParams.get('department'))
    const s = await state()
    if (s !== '草稿' && s !== '已退回') throw new Error(`本期状态应可填报，实际为「${s}」`)
  })

  let rowsTyped = []
  await step('staff types values with the keyboard (Enter / Tab move like Excel)', async () => {
    const rows = await numericRows()
    if (rows.length < 3) throw new Error(`至少需要 3 个数值型指标，实际 ${rows.length}`)
    rowsTyped = rows.slice(0, 2)
    for (const r of rowsTyped) {
      const v = await safeValue(r)
      await clickWhenReady(`[data-cell="${r}:0"]`)
      await browser.keys(['Control', 'a'])
      await browser.keys(v.split(''))
      // Tab goes to the next cell of the row: the note (numeric rows have no evidence cell).
      await browser.keys('Tab')
      const active = await browser.execute(() => document.activeElement?.getAttribute('data-cell'))
      if (active !== `${r}:2`) throw new Error(`Tab 后焦点应在 ${r}:2，实际 ${active}`)
      await browser.keys(NOTE.split(''))
      await browser.keys('Enter')
      const below = await browser.execute(() => document.activeElement?.getAttribute('data-cell'))
      if (below !== `${r + 1}:2`) throw new Error(`Enter 后焦点应在 ${r + 1}:2，实际 ${below}`)
    }
    const typed = await browser.execute((r) => document.querySelector(`[data-cell="${r}:0"]`).value, rowsTyped[0])
    if (!typed) throw new Error('键入的数值没有出现在单元格中')
  })

  await step('staff pastes a block copied from a spreadsheet', async () => {
    const rows = await numericRows()
    const r = rows[2]
    const v = await safeValue(r)
    // value, evidence (skipped for numeric rows), note, source, vintage — as Excel copies a row.
    const block = `${v}\t\t${NOTE}\t统计公报\t快报\n`
    await clickWhenReady(`[data-cell="${r}:0"]`)
    await browser.execute(
      (row, text) => {
        const el = document.querySelector(`[data-cell="${row}:0"]`)
        const dt = new DataTransfer()
        dt.setData('text/plain', text)
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
      },
      r,
      block,
    )
    await browser.waitUntil(
      async () => (await browser.execute((row) => document.querySelector(`[data-cell="${row}:3"]`).value, r)) === '统计公报',
      { timeout: 5000, timeoutMsg: '粘贴的数据来源没有出现在表格中' },
    )
    await waitForText('已自动保存为草稿', 20000)
    await screenshot('entry-grid-typed')
  })

  await step('staff submits the period', async () => {
    await clickWhenReady('[data-test="submit"]')
    await browser.waitUntil(async () => (await state()) === '已提交', { timeout: 15000, timeoutMsg: '提交后状态不是「已提交」' })
  })

  await step('a manager logs in and approves', async () => {
    await login(MANAGER)
    await openGrid()
    await browser.waitUntil(async () => (await state()) === '已提交', { timeout: 15000, timeoutMsg: '审核员看到的状态不是「已提交」' })
    await clickWhenReady('[data-test="approve"]')
    await browser.waitUntil(async () => (await state()) === '已审核', { timeout: 15000, timeoutMsg: '审核后状态不是「已审核」' })
    await screenshot('entry-grid-approved')
  })

  await step('the staff user can no longer edit the approved period', async () => {
    await login(STAFF)
    await openGrid()
    await browser.waitUntil(async () => (await state()) === '已审核', { timeout: 15000, timeoutMsg: '状态不是「已审核」' })
    const r = rowsTyped[0]
    const readOnly = await browser.execute((row) => document.querySelector(`[data-cell="${row}:0"]`).readOnly, r)
    if (!readOnly) throw new Error('已审核的数值单元格仍可编辑')
    const before = await browser.execute((row) => document.querySelector(`[data-cell="${row}:0"]`).value, r)
    // Focus as a click would (a toast may still cover the cell) and type into it.
    await browser.execute((row) => document.querySelector(`[data-cell="${row}:0"]`).focus(), r)
    await browser.keys(['9', '9'])
    const after = await browser.execute((row) => document.querySelector(`[data-cell="${row}:0"]`).value, r)
    if (after !== before) throw new Error('已审核的数值被修改了')
    if (await browser.$('[data-test="submit"]').isExisting()) throw new Error('已审核后仍显示「提交」按钮')
    if (!(await bodyText()).includes('已审核锁定')) throw new Error('没有显示锁定提示')
  })
}

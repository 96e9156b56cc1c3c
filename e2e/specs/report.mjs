// The first report a newcomer asks for: 报告 → 生成报告 with every choice left at its
// default, then 保存 PDF. The native save dialog cannot be driven by WebDriver, so run.sh
// names an output directory (ZHIBIAO_E2E_OUTPUT_DIR) that debug builds save into instead;
// the first page is read back with pdftotext.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

// The running plan of the demo (assets/demo/shifanshi-15th-outline-2026.txt).
const RUNNING_PLAN = '示范市国民经济和社会发展第十五个五年规划纲要'

export async function runReportSteps({ browser, step, screenshot, clickWhenReady }) {
  const out = process.env.ZHIBIAO_E2E_OUTPUT_DIR
  const pdfs = () => (out && existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.pdf')) : [])

  await step('the default report is generated and saved as a PDF naming the running plan', async () => {
    if (!out) throw new Error('ZHIBIAO_E2E_OUTPUT_DIR is not set (use e2e/run.sh)')
    await clickWhenReady('[data-test="menu-reports"]')
    await clickWhenReady('[data-test="generate"]')
    await browser.waitUntil(
      async () => (await browser.$('[data-test="report-preview"]').isExisting()) || (await browser.$('[data-test="report-error"]').isExisting()),
      { timeout: 60000, timeoutMsg: '报告没有生成，也没有错误提示' },
    )
    const failure = await browser.$('[data-test="report-error"]')
    if (await failure.isExisting()) throw new Error(`默认报告生成失败：${await failure.getText()}`)
    await screenshot('report-default')
    const before = pdfs().length
    await clickWhenReady('[data-test="save-pdf"]')
    await browser.waitUntil(async () => pdfs().length > before, { timeout: 30000, timeoutMsg: '没有保存出 PDF 文件' })
    const file = path.join(out, pdfs().at(-1))
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' })
    // Lines wrap inside long titles: compare without white space.
    const flat = first.replace(/\s+/g, '')
    if (!flat.includes(RUNNING_PLAN)) throw new Error(`PDF 第一页没有规划名称「${RUNNING_PLAN}」：${first.slice(0, 300)}`)
    console.log(`     ${path.basename(file)}: first page names ${RUNNING_PLAN}`)
  })
}

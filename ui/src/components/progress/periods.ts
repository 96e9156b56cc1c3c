// Reporting periods as the engine writes them: "2026" (a year) or "2026Q3" (a quarter).

export interface PeriodParts {
  year: number
  quarter: number | null
}

export function parsePeriod(text: string): PeriodParts | null {
  const m = /^\s*(\d{4})(?:\s*[Qq]([1-4]))?\s*$/.exec(text)
  if (!m) return null
  return { year: Number(m[1]), quarter: m[2] ? Number(m[2]) : null }
}

export function formatPeriod(p: PeriodParts): string {
  return p.quarter ? `${p.year}Q${p.quarter}` : String(p.year)
}

const QUARTER_ZH = ['一', '二', '三', '四']

export function periodLabel(text: string): string {
  const p = parsePeriod(text)
  if (!p) return text
  return p.quarter ? `${p.year}年第${QUARTER_ZH[p.quarter - 1]}季度` : `${p.year}年`
}

/** The period being reported on at `now`: the quarter that ended last. */
export function defaultPeriod(now: Date): string {
  const q = Math.floor(now.getMonth() / 3) // 0..3 = the current quarter's index
  return q === 0 ? `${now.getFullYear() - 1}Q4` : `${now.getFullYear()}Q${q}`
}

/** Years offered in the picker: a window around `now`, newest first. */
export function yearOptions(now: Date, back = 8, ahead = 1): number[] {
  const y = now.getFullYear()
  const out: number[] = []
  for (let i = y + ahead; i >= y - back; i--) out.push(i)
  return out
}

// The date the app works with, from the engine: a fixed date (ZHIBIAO_TODAY or the database
// setting) for demos and tests, else the clock. Period pickers start from it, never from
// `new Date()` directly.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '../api/settings'

/** `YYYY-MM-DD` as a local date (not UTC midnight, which is the previous day west of UTC). */
export function parseDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null
}

export const useTodayStore = defineStore('today', () => {
  /** The clock until the engine has answered. */
  const date = ref<Date>(new Date())
  const fixed = ref(false)
  let loaded = false

  async function load() {
    if (loaded) return
    try {
      const t = await api.today()
      const d = parseDate(t.date)
      if (d) {
        date.value = d
        fixed.value = t.source !== 'clock'
      }
      loaded = true
    } catch {
      // Keep the clock; the next navigation asks again.
    }
  }

  /** A fresh copy, so callers may change it. */
  const now = () => new Date(date.value.getTime())

  return { date, fixed, load, now }
})

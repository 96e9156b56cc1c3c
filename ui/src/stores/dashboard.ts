// Dashboard filters and one page of data. Every filter and the page go to the engine, which
// evaluates every indicator in scope and answers with counts, warnings and the page only:
// a province's 50 000 rows never cross IPC at once.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Attribute, Label } from '../bindings'
import { dashboardPage, type StatusLine } from '../api/status'
import { countsInOrder } from '../components/dashboard/statusFilter'
import { defaultPeriod } from '../components/progress/periods'
import { openingPeriod } from '../components/lifecycle/periodDefault'
import { useTodayStore } from './today'

export const PAGE_SIZES = [20, 50, 100, 200]

export const useDashboardStore = defineStore('dashboard', () => {
  const period = ref(defaultPeriod(useTodayStore().now()))
  const planId = ref<number | null>(null)
  const departmentId = ref<number | null>(null)
  const attribute = ref<Attribute | null>(null)
  const labels = ref<Label[]>([])
  const page = ref(1)
  const pageSize = ref(50)
  const rows = ref<StatusLine[]>([])
  const rowsTotal = ref(0)
  const warnings = ref<StatusLine[]>([])
  const warningsTotal = ref(0)
  const counts = ref<{ label: string; count: number }[]>([])
  const endedPlans = ref<string[]>([])
  const gapSvg = ref<string | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let generation = 0

  const query = computed(() => ({ period: period.value, planId: planId.value, departmentId: departmentId.value }))

  /**
   * Reads the page (and the gap chart unless `chart: false`) from the engine; `firstPage`
   * after a filter change. The pagination calls this itself, so nothing watches `page`.
   */
  async function load(options: { chart?: boolean; firstPage?: boolean } = {}) {
    if (options.firstPage) page.value = 1
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const q = query.value
      const chart = options.chart !== false
      // One call: the engine evaluates every indicator once for the page and the chart.
      const p = await dashboardPage({
        period: q.period,
        plan_id: q.planId,
        department_id: q.departmentId,
        attribute: attribute.value || null,
        labels: labels.value,
        offset: (page.value - 1) * pageSize.value,
        limit: pageSize.value,
        with_gap_chart: chart,
      })
      // A slower earlier request must not overwrite a newer one.
      if (mine !== generation) return
      rows.value = p.rows
      rowsTotal.value = p.rowsTotal
      page.value = Math.floor(p.offset / pageSize.value) + 1
      warnings.value = p.warnings
      warningsTotal.value = p.warningsTotal
      counts.value = countsInOrder(p.counts)
      endedPlans.value = p.endedPlans
      if (chart) gapSvg.value = p.gapSvg
    } catch (e) {
      if (mine === generation) error.value = (e as { message?: string }).message ?? String(e)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** Opens on the latest period with data for the plan and department chosen. */
  async function openOnDefault() {
    period.value = await openingPeriod({ plan_id: planId.value, department_id: departmentId.value, granularity: 'any' }, useTodayStore().now())
  }

  function toggleLabel(label: string) {
    const l = label as Label
    labels.value = labels.value.includes(l) ? labels.value.filter((x) => x !== l) : [...labels.value, l]
  }

  /** The warning list in full: the list filtered to binding lagging indicators. */
  function showAllWarnings() {
    attribute.value = '约束性'
    labels.value = ['严重滞后', '滞后']
  }

  return {
    period,
    planId,
    departmentId,
    attribute,
    labels,
    page,
    pageSize,
    rows,
    rowsTotal,
    warnings,
    warningsTotal,
    counts,
    endedPlans,
    gapSvg,
    loading,
    error,
    query,
    load,
    openOnDefault,
    toggleLabel,
    showAllWarnings,
  }
})

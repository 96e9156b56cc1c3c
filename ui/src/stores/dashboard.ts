// Dashboard filters and data. Plan, department and period go to the engine; attribute and
// label narrow the rows it sent, so toggling them is instant.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { chartSvg, indicatorStatuses, type StatusLine } from '../api/status'
import { bindingLagging, countByLabel, filterRows, laggingFirst } from '../components/dashboard/statusFilter'
import { defaultPeriod } from '../components/progress/periods'
import { openingPeriod } from '../components/lifecycle/periodDefault'
import { useTodayStore } from './today'

export const useDashboardStore = defineStore('dashboard', () => {
  const period = ref(defaultPeriod(useTodayStore().now()))
  const planId = ref<number | null>(null)
  const departmentId = ref<number | null>(null)
  const attribute = ref<string | null>(null)
  const labels = ref<string[]>([])
  const rows = ref<StatusLine[]>([])
  const gapSvg = ref<string | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let generation = 0

  const query = computed(() => ({ period: period.value, planId: planId.value, departmentId: departmentId.value }))
  const visible = computed(() => laggingFirst(filterRows(rows.value, { attribute: attribute.value, labels: labels.value })))
  const counts = computed(() => countByLabel(filterRows(rows.value, { attribute: attribute.value, labels: [] })))
  const warnings = computed(() => bindingLagging(rows.value))

  async function load() {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const q = query.value
      const [r, svg] = await Promise.all([
        indicatorStatuses(q),
        chartSvg({ ...q, kind: 'gap', indicatorId: null }).catch(() => null),
      ])
      // A slower earlier request must not overwrite a newer one.
      if (mine !== generation) return
      rows.value = r
      gapSvg.value = svg
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
    labels.value = labels.value.includes(label) ? labels.value.filter((l) => l !== label) : [...labels.value, label]
  }

  return {
    period,
    planId,
    departmentId,
    attribute,
    labels,
    rows,
    gapSvg,
    loading,
    error,
    query,
    visible,
    counts,
    warnings,
    load,
    openOnDefault,
    toggleLabel,
  }
})

import type { IndicatorUpdate, IndicatorView, PlanDetail, PlanSummary } from '../bindings'
import { call } from './invoke'

export const listPlans = () => call<PlanSummary[]>('list_plans')

export const getPlan = (id: number) => call<PlanDetail>('get_plan', { id })

export const updateIndicator = (id: number, update: IndicatorUpdate) =>
  call<IndicatorView>('update_indicator', { id, update })

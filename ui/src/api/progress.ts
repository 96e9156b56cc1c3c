// IPC for progress entry (src-tauri/src/commands/progress.rs over zhibiao::api::progress).
// Every type comes from the generated bindings.
import type {
  AnnualTarget,
  AuditEntry,
  BatchOutcome,
  EntryGrid,
  Measures,
  Observation,
  ObservationInput,
  State,
  Submission,
  TargetRevision,
} from '../bindings'
import { call } from './invoke'

export const entryGrid = (departmentId: number, period: string) =>
  call<EntryGrid>('entry_grid', { departmentId, period })

export const saveObservations = (inputs: ObservationInput[]) => call<BatchOutcome>('save_observations', { inputs })

export const submitPeriod = (departmentId: number, period: string) =>
  call<Submission>('submit_period', { departmentId, period })

export const approvePeriod = (departmentId: number, period: string) =>
  call<Submission>('approve_period', { departmentId, period })

export const returnPeriod = (departmentId: number, period: string, reason: string) =>
  call<Submission>('return_period', { departmentId, period, reason })

export const reopenPeriod = (departmentId: number, period: string, reason: string) =>
  call<Submission>('reopen_period', { departmentId, period, reason })

export const cellHistory = (indicatorId: number, period: string) =>
  call<AuditEntry[]>('cell_history', { indicatorId, period })

export const indicatorHistory = (indicatorId: number) => call<AuditEntry[]>('indicator_history', { indicatorId })

export const getMeasures = (indicatorId: number, period: string) =>
  call<Measures | null>('get_measures', { indicatorId, period })

export const saveMeasures = (indicatorId: number, period: string, cause: string, measures: string) =>
  call<Measures>('save_measures', { indicatorId, period, cause, measures })

export const assignTarget = (indicatorId: number, target: string, effectiveDate: string, document: string) =>
  call<TargetRevision>('assign_target', { indicatorId, target, effectiveDate, document })

export const targetRevisions = (indicatorId: number) => call<TargetRevision[]>('target_revisions', { indicatorId })

export const setAnnualTarget = (indicatorId: number, year: number, value: number, note: string | null) =>
  call<AnnualTarget>('set_annual_target', { indicatorId, year, value, note })

export const annualTargets = (indicatorId: number) => call<AnnualTarget[]>('annual_targets', { indicatorId })

export const WORKFLOW_LABELS: Record<State, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已审核',
  returned: '已退回',
}

export const indicatorValues = (indicatorId: number) => call<Observation[]>('indicator_values', { indicatorId })

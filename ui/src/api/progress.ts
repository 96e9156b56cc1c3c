// IPC for progress entry (src-tauri/src/commands/progress.rs over zhibiao::api::progress).
// The types mirror the engine's DTOs field for field; they move to bindings.ts once those
// DTOs are listed in src/api/bindings.rs.
import { call } from './invoke'

export type WorkflowState = 'draft' | 'submitted' | 'approved' | 'returned'
export type QualStatus = '达到' | '基本达到' | '未达到'
export type Vintage = '快报' | '年报' | '修订'

export interface ValidationIssue {
  rule: string
  severity: 'error' | 'needs_note'
  message: string
  resolved: boolean
}

export interface Observation {
  indicator_id: number
  period: string
  value: number | null
  status: QualStatus | null
  evidence: string | null
  note: string | null
  source: string | null
  vintage: Vintage | null
  entered_by: string | null
  entered_at: string
}

export interface Submission {
  department_id: number
  period: string
  state: WorkflowState
  reason: string | null
  updated_by: string | null
  updated_at: string | null
}

export interface EntryRowDto {
  indicator_id: number
  plan_title: string
  seq: string | null
  category: string | null
  name: string
  unit: string | null
  attribute: string | null
  flow: boolean
  qualitative: boolean
  baseline_raw: string | null
  target_raw: string | null
  target_pending: boolean
  annual_target: number | null
  last: Observation | null
  current: Observation | null
  issues: ValidationIssue[]
}

export interface EntryGridDto {
  department_id: number
  department_name: string
  period: string
  submission: Submission
  can_edit: boolean
  can_submit: boolean
  can_review: boolean
  rows: EntryRowDto[]
}

export interface ObservationInput {
  indicator_id: number
  period: string
  value: string | null
  status: QualStatus | null
  evidence: string | null
  note: string | null
  source: string | null
  vintage: Vintage | null
}

export interface BatchRow {
  index: number
  indicator_id: number
  period: string
  error: string | null
  issues: ValidationIssue[]
}

export interface BatchOutcome {
  committed: boolean
  rows: BatchRow[]
}

export interface AuditEntry {
  id: number
  at: string
  user_id: number | null
  user_name: string
  action: string
  entity: string
  entity_id: number | null
  period: string | null
  field: string | null
  old_value: string | null
  new_value: string | null
  reason: string | null
}

export interface Measures {
  indicator_id: number
  period: string
  cause: string | null
  measures: string | null
  updated_by: string | null
  updated_at: string
}

export interface TargetRevision {
  id: number
  indicator_id: number
  target: { raw: string } & Record<string, unknown>
  effective_date: string
  document: string | null
  entered_by: string | null
  entered_at: string
}

export interface AnnualTarget {
  indicator_id: number
  year: number
  value: number
  note: string | null
}

export const entryGrid = (departmentId: number, period: string) =>
  call<EntryGridDto>('entry_grid', { departmentId, period })

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

export const WORKFLOW_LABELS: Record<WorkflowState, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已审核',
  returned: '已退回',
}

export const indicatorValues = (indicatorId: number) => call<Observation[]>('indicator_values', { indicatorId })

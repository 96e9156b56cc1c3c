import type { Department, DepartmentSummary, IndicatorView } from '../bindings'
import { call } from './invoke'

export const listDepartments = () => call<DepartmentSummary[]>('list_departments')

export const createDepartment = (name: string) => call<Department>('create_department', { name })

export const renameDepartment = (id: number, name: string) => call<Department>('rename_department', { id, name })

export const deleteDepartment = (id: number) => call<void>('delete_department', { id })

/** One lead department (or none) and any supporting ones for an indicator. */
export const assignIndicator = (indicatorId: number, leadId: number | null, supportingIds: number[]) =>
  call<IndicatorView>('assign_indicator', { indicatorId, leadId, supportingIds })

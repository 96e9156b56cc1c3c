import type { NewUserInput, Role, UserInfo } from '../bindings'
import { call } from './invoke'

export const listUsers = () => call<UserInfo[]>('list_users')

export const createUser = (input: NewUserInput) => call<UserInfo>('create_user', { input })

export const setUserRole = (userId: number, role: Role, departmentId: number | null) =>
  call<UserInfo>('set_user_role', { userId, role, departmentId })

/** Sets a new initial password; the user must change it at next login. */
export const resetUserPassword = (userId: number, newPassword: string) =>
  call<UserInfo>('reset_user_password', { userId, newPassword })

export const setUserActive = (userId: number, active: boolean) =>
  call<UserInfo>('set_user_active', { userId, active })

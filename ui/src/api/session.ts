import type { Session } from '../bindings'
import { call } from './invoke'

export const login = (name: string, password: string) =>
  call<Session>('login', { name, password })

export const logout = () => call<void>('logout')

export const currentUser = () => call<Session | null>('current_user')

export const changePassword = (oldPassword: string, newPassword: string) =>
  call<Session>('change_password', { oldPassword, newPassword })

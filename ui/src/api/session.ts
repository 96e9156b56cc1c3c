import type { FirstRun, Session } from '../bindings'
import { call } from './invoke'

export const login = (name: string, password: string) =>
  call<Session>('login', { name, password })

export const logout = () => call<void>('logout')

export const currentUser = () => call<Session | null>('current_user')

export const changePassword = (oldPassword: string, newPassword: string) =>
  call<Session>('change_password', { oldPassword, newPassword })

/** Whether a new database's administrator must set its password before anyone signs in. */
export const firstRun = () => call<FirstRun>('first_run')

/** Sets that first password and signs in. */
export const setFirstPassword = (password: string) => call<Session>('set_first_password', { password })

/** First run only: opens the demo database beside the new one instead; returns its path. */
export const openDemoDatabase = () => call<string>('open_demo_database')

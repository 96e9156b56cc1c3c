// IPC for settings and the date the app works with (src-tauri/src/commands/settings.rs over
// zhibiao::api::settings and zhibiao::api::machine_settings).
import type { DatabaseSettings, MachineSettings, Today } from '../bindings'
import { call } from './invoke'

/** `ZHIBIAO_TODAY`, the database's fixed date, or the clock (the engine decides). */
export const today = () => call<Today>('today')

export const getSettings = () => call<DatabaseSettings>('get_settings')

export const updateSettings = (settings: DatabaseSettings) => call<DatabaseSettings>('update_settings', { settings })

export const getMachineSettings = () => call<MachineSettings>('get_machine_settings')

export const updateMachineSettings = (settings: MachineSettings) =>
  call<MachineSettings>('update_machine_settings', { settings })

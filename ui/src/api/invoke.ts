// The one door to the Rust side: every IPC call goes through `call`, which turns a rejected
// promise into the typed ApiError (stable code + Chinese message) the shell sends.
import { invoke } from '@tauri-apps/api/core'
import type { ApiError, ErrorCode } from '../bindings'

export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e
}

export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e
  const message = typeof e === 'string' ? e : e instanceof Error ? e.message : String(e)
  return { code: 'internal' as ErrorCode, message: message || '未知错误' }
}

/**
 * Told of every `unauthenticated` answer (an expired or unknown server token); the session
 * decides whether it means "signed out" (a wrong password at login is not).
 */
let unauthenticated: (e: ApiError, command: string) => void = () => {}
export function onUnauthenticated(handler: (e: ApiError, command: string) => void) {
  unauthenticated = handler
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (e) {
    const err = toApiError(e)
    if (err.code === 'unauthenticated') unauthenticated(err, command)
    throw err
  }
}

/** The server could not be reached (server mode): the work stays on this computer. */
export function isOffline(e: unknown): boolean {
  return isApiError(e) && e.code === 'offline'
}

/** The Chinese message of any error, for ElMessage. */
export function errorMessage(e: unknown): string {
  return toApiError(e).message
}

import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Session } from '../bindings'
import type { Router } from 'vue-router'
import * as api from '../api/session'
import { onUnauthenticated } from '../api/invoke'

/**
 * Commands whose `unauthenticated` answer is about the password just typed (wrong password,
 * wrong old password), not an expired sign-in.
 */
const CREDENTIAL_COMMANDS = new Set(['login', 'change_password', 'set_first_password', 'accept_renewed_certificate', 'logout'])

/** Whether an `unauthenticated` answer to `command` ends the signed-in session. */
export function endsSession(command: string, signedIn: boolean): boolean {
  return signedIn && !CREDENTIAL_COMMANDS.has(command)
}

/** Who is working. The backend re-checks every permission; this only drives the UI. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<Session | null>(null)
  const loaded = ref(false)
  /** Why the person was sent back to the sign-in screen (shown there), e.g. an expired token. */
  const endedReason = ref<string | null>(null)

  const signedIn = computed(() => user.value !== null)
  const isAdmin = computed(() => user.value?.role === 'admin')

  async function load() {
    if (loaded.value) return
    try {
      user.value = await api.currentUser()
    } catch {
      user.value = null
    }
    loaded.value = true
  }

  async function login(name: string, password: string) {
    user.value = await api.login(name, password)
    loaded.value = true
    endedReason.value = null
  }

  async function setFirstPassword(password: string) {
    user.value = await api.setFirstPassword(password)
    loaded.value = true
  }

  async function logout() {
    await api.logout()
    user.value = null
  }

  /** The server no longer knows this sign-in: signed out here too, with the reason. */
  function expire(reason: string) {
    user.value = null
    loaded.value = true
    endedReason.value = reason
  }

  async function changePassword(oldPassword: string, newPassword: string) {
    user.value = await api.changePassword(oldPassword, newPassword)
  }

  return { user, loaded, endedReason, signedIn, isAdmin, load, login, setFirstPassword, logout, expire, changePassword }
})

/**
 * The one place an expired or unknown token (server mode) ends the session: any command
 * answering `unauthenticated` while signed in returns to the sign-in screen with the reason.
 */
export function endSessionOnExpiry(router: Router) {
  onUnauthenticated((e, command) => {
    const session = useSessionStore()
    if (!endsSession(command, session.signedIn)) return
    session.expire(e.message)
    void router.push({ name: 'login' })
  })
}

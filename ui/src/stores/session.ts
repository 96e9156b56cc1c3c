import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Session } from '../bindings'
import * as api from '../api/session'

/** Who is working. The backend re-checks every permission; this only drives the UI. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<Session | null>(null)
  const loaded = ref(false)

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
  }

  async function setFirstPassword(password: string) {
    user.value = await api.setFirstPassword(password)
    loaded.value = true
  }

  async function logout() {
    await api.logout()
    user.value = null
  }

  async function changePassword(oldPassword: string, newPassword: string) {
    user.value = await api.changePassword(oldPassword, newPassword)
  }

  return { user, loaded, signedIn, isAdmin, load, login, setFirstPassword, logout, changePassword }
})

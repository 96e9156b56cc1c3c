import { createRouter, createWebHashHistory } from 'vue-router'
import { endSessionOnExpiry, useSessionStore } from './stores/session'
import { useTodayStore } from './stores/today'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/SignIn.vue'), meta: { public: true } },
    { path: '/change-password', name: 'change-password', component: () => import('./views/ChangePassword.vue') },
    {
      path: '/',
      component: () => import('./layouts/AppLayout.vue'),
      children: [
        { path: '', redirect: '/plans' },
        { path: 'plans', name: 'plans', component: () => import('./views/PlanList.vue') },
        { path: 'plans/:id', name: 'plan', component: () => import('./views/PlanDetail.vue'), props: true },
        { path: 'import', name: 'import', component: () => import('./views/ImportWizard.vue') },
        { path: 'departments', name: 'departments', component: () => import('./views/Departments.vue') },
        { path: 'entry', name: 'entry', component: () => import('./views/EntryGrid.vue') },
        { path: 'dashboard', name: 'dashboard', component: () => import('./views/Dashboard.vue') },
        { path: 'indicators/:id', name: 'indicator', component: () => import('./views/IndicatorPage.vue'), props: true },
        { path: 'reports', name: 'reports', component: () => import('./views/Reports.vue') },
        { path: 'feasibility', name: 'feasibility', component: () => import('./views/Feasibility.vue') },
        { path: 'users', name: 'users', component: () => import('./views/Users.vue'), meta: { adminOnly: true } },
        { path: 'backups', name: 'backups', component: () => import('./views/Backups.vue'), meta: { adminOnly: true } },
      ],
    },
  ],
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  await Promise.all([session.load(), useTodayStore().load()])
  if (to.meta.public) return true
  if (!session.user) return { name: 'login' }
  if (session.user.must_change_password && to.name !== 'change-password') {
    return { name: 'change-password' }
  }
  if (to.meta.adminOnly && session.user.role !== 'admin') return { name: 'plans' }
  return true
})

endSessionOnExpiry(router)

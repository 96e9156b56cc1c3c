import { createRouter, createWebHashHistory, type RouteComponent } from 'vue-router'
import { useSessionStore } from './stores/session'

// Views written by other parts of the app (progress, dashboard, reports) are picked up when
// their files exist, so the menu never points at a missing module.
const views = import.meta.glob<{ default: RouteComponent }>('./views/*.vue')

function view(name: string, fallback?: string) {
  const loader = views[`./views/${name}.vue`] ?? (fallback ? views[`./views/${fallback}.vue`] : undefined)
  return loader ?? (() => import('./views/NotAvailable.vue'))
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: 'login', component: view('Login', 'SignIn'), meta: { public: true } },
    { path: '/change-password', name: 'change-password', component: view('ChangePassword') },
    {
      path: '/',
      component: () => import('./layouts/AppLayout.vue'),
      children: [
        { path: '', redirect: '/plans' },
        { path: 'plans', name: 'plans', component: view('PlanList') },
        { path: 'plans/:id', name: 'plan', component: view('PlanDetail'), props: true },
        { path: 'import', name: 'import', component: view('ImportWizard') },
        { path: 'departments', name: 'departments', component: view('Departments') },
        { path: 'entry', name: 'entry', component: view('EntryGrid') },
        { path: 'dashboard', name: 'dashboard', component: view('Dashboard') },
        { path: 'indicators/:id', name: 'indicator', component: view('IndicatorPage'), props: true },
        { path: 'reports', name: 'reports', component: view('Reports') },
        { path: 'users', name: 'users', component: view('Users'), meta: { adminOnly: true } },
        { path: 'backups', name: 'backups', component: view('Backups'), meta: { adminOnly: true } },
      ],
    },
  ],
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  await session.load()
  if (to.meta.public) return true
  if (!session.user) return { name: 'login' }
  if (session.user.must_change_password && to.name !== 'change-password') {
    return { name: 'change-password' }
  }
  if (to.meta.adminOnly && session.user.role !== 'admin') return { name: 'plans' }
  return true
})

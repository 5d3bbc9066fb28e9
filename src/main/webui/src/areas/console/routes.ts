// The secretariat's console (/app/console), navigated by the stages of the year.
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/console',
    component: () => import('./ConsoleShell.vue'),
    children: [
      { path: '', redirect: '/console/accounts' },
      { path: 'accounts', component: () => import('./Accounts.vue') },
    ],
  },
]

// Platform admin (/app/admin): congresses and their first secretariat accounts.
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/admin',
    component: () => import('./AdminShell.vue'),
    children: [
      { path: '', component: () => import('./Congresses.vue') },
      { path: 'congresses/:congressId', component: () => import('./CongressAccounts.vue'), props: true },
    ],
  },
]

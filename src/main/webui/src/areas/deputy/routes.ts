// The deputy area (/app/deputy), for a tablet in the hall and a phone during the year.
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/deputy',
    component: () => import('./DeputyShell.vue'),
    children: [
      { path: '', redirect: '/deputy/vote' },
      { path: 'vote', component: () => import('./Vote.vue') },
      { path: 'receipts', component: () => import('./Receipts.vue') },
      { path: 'propose', component: () => import('./Propose.vue') },
      { path: 'supervise', component: () => import('./Supervise.vue') },
      { path: 'supervise/:projectId', component: () => import('./Supervise.vue'), props: true },
    ],
  },
]

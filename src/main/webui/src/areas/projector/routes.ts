// The hall's projector (/app/projector): attendance and quorum, the turnout filling up while a
// ballot is open (never per-item figures), then the published result as a chart.
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/projector',
    component: () => import('./ProjectorShell.vue'),
    children: [
      { path: '', component: () => import('./Hall.vue') },
      { path: ':sessionId', component: () => import('./Hall.vue'), props: true },
    ],
  },
]

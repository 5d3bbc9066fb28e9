// The residents' pages (/app/public), phone first, no sign-in: a congress's solicitations and the
// proposal form, a proposal's fate by its query code, slates, results with a chart and the
// bulletin board, projects with their light, progress, milestones, supervision and evaluations.
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/public',
    component: () => import('./PublicShell.vue'),
    children: [
      { path: '', component: () => import('./Congresses.vue') },
      { path: ':code', component: () => import('./Congress.vue'), props: true },
      { path: ':code/projects/:projectId', component: () => import('./Project.vue'), props: true },
      { path: ':code/board/:ballotId', component: () => import('./Board.vue'), props: true },
    ],
  },
]

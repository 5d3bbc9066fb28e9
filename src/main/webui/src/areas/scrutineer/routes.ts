// The scrutineers' pages (/app/scrutineer): the ballots of the sessions, paper ballots entered one
// by one or as totals, the figures they sign shown plainly, and the countersignature.
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/scrutineer',
    component: () => import('./ScrutineerShell.vue'),
    children: [
      { path: '', component: () => import('./Ballots.vue') },
      { path: 'ballots/:ballotId', component: () => import('./Ballot.vue'), props: true },
      { path: 'sessions/:sessionId/ceremony', component: () => import('./Ceremony.vue'), props: true },
    ],
  },
]

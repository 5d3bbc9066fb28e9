// The secretariat's console (/app/console), navigated by the stages of the year.
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/console',
    component: () => import('./ConsoleShell.vue'),
    children: [
      { path: '', redirect: '/console/roster' },
      { path: 'accounts', component: () => import('./Accounts.vue') },
      { path: 'roster', component: () => import('./Roster.vue') },
      { path: 'solicitations', component: () => import('./Solicitations.vue') },
      { path: 'proposals', component: () => import('./Proposals.vue') },
      { path: 'candidates', component: () => import('./Candidates.vue') },
      { path: 'slates', component: () => import('./Slates.vue') },
      { path: 'sessions', component: () => import('./Sessions.vue') },
      { path: 'sessions/:sessionId', component: () => import('./Session.vue'), props: true },
      { path: 'ballots/:ballotId', component: () => import('./Ballot.vue'), props: true },
      { path: 'map', component: () => import('./BattleMap.vue') },
      { path: 'projects/:projectId', component: () => import('./Project.vue'), props: true },
      { path: 'supervision', component: () => import('./Supervision.vue') },
      { path: 'audit', component: () => import('./Audit.vue') },
    ],
  },
]

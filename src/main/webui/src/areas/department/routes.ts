// The departments' pages (/app/department): their projects; plan, milestones, sub-items; progress
// with evidence (photos, PDFs); the issues to answer, with their due dates.
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/department',
    component: () => import('./DepartmentShell.vue'),
    children: [
      { path: '', component: () => import('./Projects.vue') },
      { path: 'projects/:projectId', component: () => import('./Project.vue'), props: true },
    ],
  },
]

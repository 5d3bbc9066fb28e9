// The router gathers every area's routes: src/areas/<area>/routes.ts exports `routes`
// (RouteRecordRaw[]) under the area's own prefix (/console, /admin, /scrutineer, /department,
// /deputy, /public, /projector). Areas never import each other.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import Home from '../shared/Home.vue'
import NotFound from '../shared/NotFound.vue'

const areas = import.meta.glob<{ routes: RouteRecordRaw[] }>('../areas/*/routes.ts', { eager: true })

export const router = createRouter({
  history: createWebHistory('/app/'),
  routes: [
    { path: '/', component: Home },
    ...Object.values(areas).flatMap((a) => a.routes),
    { path: '/:rest(.*)*', component: NotFound },
  ],
})

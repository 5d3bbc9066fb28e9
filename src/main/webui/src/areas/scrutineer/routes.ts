// The scrutineer area (/app/scrutineer): owned by the pages' second helper. Add pages under this folder only;
// use the shared helpers (src/shared) and the one client (src/api/client.ts).
import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = []

import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Served by the service under /app/ (see the README, "Pages"). In dev mode `npm run dev` proxies
// the API to the service on :8080; the Maven build writes dist/ into the jar.
export default defineConfig({
  base: '/app/',
  plugins: [vue()],
  build: {
    outDir: process.env.WEBUI_OUT_DIR || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://localhost:8080', '/q': 'http://localhost:8080' },
  },
})

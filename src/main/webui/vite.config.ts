import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Served by the service under /app/ (see the README, "Pages"): the Maven build writes the bundle
// into the jar, dev mode's `npm run watch` into target/webui-dev. `npm run dev` (Vite's own server
// on :5173, page /app/app.html) proxies the API to the service on :8080.
export default defineConfig({
  base: '/app/',
  plugins: [vue()],
  build: {
    outDir: process.env.WEBUI_OUT_DIR || 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // the entry is app.html, not index.html, so that /app/ and every page under it reach the
    // service's AppPagesResource (which also serves dev mode's fresh bundle) instead of a static file
    rollupOptions: { input: 'app.html' },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://localhost:8080', '/q': 'http://localhost:8080' },
  },
})

import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const marqtuneUrl = process.env.MARQTUNE_URL ?? 'https://marqtune.marqo.ai'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      // React 19 has useSyncExternalStore: the shim TanStack Store asks for is dead weight.
      'use-sync-external-store/shim/with-selector': 'use-sync-external-store/with-selector',
    },
  },
  server: {
    proxy: {
      '/api': {
        target: marqtuneUrl,
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/api/, ''),
      },
    },
  },
  build: {
    // Keep every asset a file: the CSP forbids inline script and style.
    assetsInlineLimit: 0,
    // Every browser the dashboard supports preloads modules itself: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Libraries, and the few small modules that the first screen shares with the lazily
          // loaded panel and menus, in one chunk: one request, cached across our releases.
          groups: [
            {
              name: 'vendor',
              test: /node_modules|\/src\/(lib\/format|components\/(highlight|badge)|models\/status)/,
            },
          ],
        },
      },
    },
  },
})

import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const marqtuneUrl = process.env.MARQTUNE_URL ?? 'https://marqtune.marqo.ai'

export default defineConfig({
  plugins: [react(), tailwindcss()],
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
  },
})

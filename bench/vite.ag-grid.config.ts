import { defineConfig } from 'vite'

// The AG Grid comparison page: built on its own, never part of the app's bundle.
export default defineConfig({
  root: 'bench/ag-grid',
  logLevel: 'warn',
  build: { outDir: '../.dist/ag-grid', emptyOutDir: true },
})

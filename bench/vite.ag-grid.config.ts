import { defineConfig } from 'vite'

import { compressAssets } from '../scripts/compress-assets'

// The AG Grid comparison page: built on its own, never part of the app's bundle; compressed as
// the app is, so the cold start compares like with like.
export default defineConfig({
  root: 'bench/ag-grid',
  logLevel: 'warn',
  plugins: [compressAssets()],
  build: { outDir: '../.dist/ag-grid', emptyOutDir: true },
})

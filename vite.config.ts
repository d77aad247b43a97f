import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

import { compileHints } from './scripts/compile-hints.ts'
import { compressAssets } from './scripts/compress-assets.ts'
import { inlineStyleSheet } from './scripts/inline-style-sheet.ts'
import { inlineThemeScript } from './scripts/inline-theme-script.ts'
import { prerenderFirstScreen } from './scripts/prerender.ts'

/**
 * Imports that leave their folder name where they go: `@/models/engine/model-index`, never
 * `../../engine/model-index`, so the folder boundaries in .oxlintrc.json hold at any depth.
 * `@common/` is the little that the app and the server share (docs/architecture.md).
 */
export const sourceAliases = {
  '@': fileURLToPath(new URL('src', import.meta.url)),
  '@common': fileURLToPath(new URL('common', import.meta.url)),
}

/**
 * The packages only the models view uses (src/app/dashboard.tsx loads it lazily): TanStack's
 * table and virtualiser, and Floating UI, which places its menus and popovers.
 */
const tablePackages =
  '@tanstack[\\\\/](react-table|table-core|react-virtual|virtual-core|store|react-store)[\\\\/]|use-sync-external-store[\\\\/]|@floating-ui[\\\\/]'

/** The chart library: loaded with the first chart (src/components/line-chart-lazy.tsx), alone. */
const chartPackages = 'uplot[\\\\/]'

const marqtuneUrl = process.env.MARQTUNE_URL ?? 'https://marqtune.marqo.ai'

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    prerenderFirstScreen(),
    inlineThemeScript(),
    inlineStyleSheet(),
    // The models view runs as soon as a key is in: compiled while it loads, not as it first runs.
    compileHints('src/models/models-loader.tsx'),
    compressAssets(),
  ],
  resolve: {
    alias: {
      ...sourceAliases,
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
    // Keep every asset a file: the CSP allows no inline code but the theme script and the style
    // sheet that the build puts in index.html (scripts/inline-*.ts), each allowed by its hash.
    assetsInlineLimit: 0,
    // Maps for decoding a production stack trace, named by no bundle; the server never serves them.
    sourcemap: 'hidden',
    // Every browser the dashboard supports preloads modules itself: no polyfill in the entry.
    modulePreload: { polyfill: false },
    // One style sheet, which index.html holds (scripts/inline-style-sheet.ts): no chunk names it
    // as a dependency to load before it runs.
    cssCodeSplit: false,
    rolldownOptions: {
      // The slow steps of this build are known and chosen (brotli at its highest level in
      // compress-assets.ts): a notice of them on every build reads like a warning to a newcomer.
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: {
          // The libraries in two chunks, chosen by package: few requests, cached across our
          // releases. No source file is named, so renaming one never moves code between chunks.
          // The table's libraries come with the models view, never before the key screen; the
          // first group is the higher priority so that it, not theirs, takes React along.
          // uPlot comes with the first chart, in its own chunk, never with the screens before it.
          groups: [
            {
              name: 'vendor-chart',
              test: new RegExp(`[\\\\/]node_modules[\\\\/]${chartPackages}`),
              priority: 3,
            },
            {
              name: 'vendor',
              test: new RegExp(`[\\\\/]node_modules[\\\\/](?!${tablePackages}|${chartPackages})`),
              priority: 2,
            },
            { name: 'vendor-table', test: /[\\/]node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
})

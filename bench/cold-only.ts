/**
 * The cold start alone (bench/cold-start.ts), without the rest of `npm run bench`: builds the app
 * and the AG Grid page once (COLD_NO_BUILD=1 skips it), serves both as bench/run.ts does and
 * prints the medians of COLD_LOADS (3) first visits for each of COLD_SIZES (100,10000).
 * Run it under `flock /tmp/e2e.lock`: it builds into dist/.
 */
import { chromium } from '@playwright/test'
import { Hono } from 'hono'
import { spawnSync } from 'node:child_process'

import { listen } from '../scripts/demo-servers'
import { ensureBrowser } from '../scripts/ensure-browser'
import { initialAssets, total } from '../scripts/bundle-size'
import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { generateModels } from '../server/emulator/generate-models'
import type { ServerEnv } from '../server/prod/context'
import { compressApiAnswers } from '../server/prod/middleware/compress-api'
import { serveBuiltApp } from '../server/prod/middleware/static-files'
import { forward } from '../server/prod/upstream/forward'
import { createServerApp, upstreamDefaults } from '../server/prod/server-app'
import { coldStart, type ColdStart } from './cold-start'

const sizes = (process.env.COLD_SIZES ?? '100,10000').split(',').map(Number)
const loads = Number(process.env.COLD_LOADS ?? 3)

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

async function serve(models: ReturnType<typeof generateModels>) {
  const emulator = await listen(
    createEmulatorApp({ models, keys: [demoKey], envelope: 'wrapped' }).fetch,
  )
  const upstream = { ...upstreamDefaults, baseUrl: emulator.url, timeoutMs: 60_000 }
  const ours = await listen(createServerApp({ upstream, distDir: 'dist', log: () => {} }).fetch)
  const agApp = new Hono<ServerEnv>()
  agApp.use('/api/*', compressApiAnswers())
  agApp.get('/api/models', (c) => forward(c, '/models', upstream))
  serveBuiltApp(agApp, 'bench/.dist/ag-grid')
  const agGrid = await listen(agApp.fetch)
  return { servers: [emulator, ours, agGrid], ours, agGrid }
}

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

if (!process.env.COLD_NO_BUILD) {
  run('npx', ['vite', 'build', '--logLevel', 'warn'])
  run('npx', ['vite', 'build', '-c', 'bench/vite.ag-grid.config.ts'])
}
const assets = initialAssets()
console.log(
  `Initial JS ${total(assets, 'js', 'brotli')} B brotli, CSS ${total(assets, 'css', 'brotli')} B brotli`,
)
const browser = await chromium.launch({ executablePath: ensureBrowser() })
try {
  for (const size of sizes) {
    const { servers, ours, agGrid } = await serve(generateModels(size, 1))
    const samples = { ours: [] as ColdStart[], agGrid: [] as ColdStart[] }
    for (let load = 0; load < loads; load++) {
      samples.ours.push(await coldStart(browser, 'ours', ours.url))
      samples.agGrid.push(await coldStart(browser, 'agGrid', agGrid.url))
    }
    for (const server of servers) server.close()
    console.log(`\n${size.toLocaleString('en')} models`)
    console.log('| measure | ours | AG Grid | ratio | ours samples |')
    console.log('|---|---:|---:|---:|---|')
    for (const key of ['usable', 'lcp', 'toRows', 'bytes', 'tbt', 'cls'] as const) {
      const o = median(samples.ours.map((s) => s[key]))
      const a = median(samples.agGrid.map((s) => s[key]))
      const digits = key === 'cls' ? 3 : 0
      console.log(
        `| ${key} | ${o.toFixed(digits)} | ${a.toFixed(digits)} | ${a > 0 ? (o / a).toFixed(2) : '—'} | ${samples.ours.map((s) => s[key].toFixed(digits)).join(' ')} |`,
      )
    }
  }
} finally {
  await browser.close()
}

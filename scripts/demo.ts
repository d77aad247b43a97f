/**
 * `npm run demo`: builds the app when the build is missing or older than its sources, then runs
 * the emulator with the demo account and the production server pointed at it, in one process.
 */
import { serve } from '@hono/node-server'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { seedModels } from '../server/emulator/seed-models'
import { createServerApp } from '../server/prod/server-app'

const port = Number(process.env.PORT ?? 4173)
const host = process.env.HOST ?? '127.0.0.1'
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 8787)

function newestChange(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))))
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']
const builtAt = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0
if (builtAt < Math.max(...sources.filter(existsSync).map(newestChange))) {
  console.log('Building the app…')
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const emulator = createEmulatorApp({ models: seedModels, keys: [demoKey], envelope: 'wrapped' })
serve({ fetch: emulator.fetch, hostname: '127.0.0.1', port: emulatorPort }, () => {
  const app = createServerApp({
    upstream: { baseUrl: `http://127.0.0.1:${emulatorPort}`, timeoutMs: 10_000 },
    distDir: 'dist',
  })
  serve({ fetch: app.fetch, hostname: host, port }, () => {
    console.log(`
  Marqtune Models dashboard (demo account, ${seedModels.length} models)

    Open      http://${host}:${port}
    API key   ${demoKey}

  The Marqtune emulator answers on http://127.0.0.1:${emulatorPort}. Ctrl+C stops both.
`)
  })
})

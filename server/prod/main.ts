import { serve } from '@hono/node-server'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { createServerApp, localHosts, upstreamDefaults } from './server-app'

const port = Number(process.env.PORT ?? 4173)
const host = process.env.HOST ?? '127.0.0.1'
const upstreamUrl = process.env.MARQTUNE_URL ?? 'https://marqtune.marqo.ai'
const timeoutMs = positive('UPSTREAM_TIMEOUT_MS', upstreamDefaults.timeoutMs)
const maxBodyBytes = positive('UPSTREAM_MAX_BYTES', upstreamDefaults.maxBodyBytes)
// Local names always; a deployment behind a proxy adds its public name(s).
const allowedHosts = [
  ...localHosts,
  ...(host === '0.0.0.0' || host === '::' ? [] : [host]),
  ...(process.env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
]

let baseUrl: string
try {
  const url = new URL(upstreamUrl)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)')
  baseUrl = url.href.replace(/\/+$/, '')
} catch {
  fail(`MARQTUNE_URL must be an http(s) URL, got: ${upstreamUrl}`)
}

const distDir = process.env.DIST_DIR ?? 'dist'
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(
    `No built app in ${distDir}/: run \`npm run build\` first. The /api forwarder still runs.`,
  )
}

const app = createServerApp({
  upstream: { baseUrl, timeoutMs, maxBodyBytes },
  distDir,
  allowedHosts,
})

serve(
  {
    fetch: app.fetch,
    hostname: host,
    port,
    // Small requests only: a key is at most 4 KB.
    serverOptions: {
      maxHeaderSize: 16 * 1024,
      headersTimeout: 10_000,
      requestTimeout: 15_000,
      keepAliveTimeout: 5_000,
    },
  },
  (info) => {
    console.log(
      `Marqtune Models dashboard on http://${host}:${info.port}, forwarding to ${baseUrl}`,
    )
  },
)

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!(Number.isFinite(value) && value > 0)) fail(`${name} must be a positive number`)
  return value
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

import { serve } from '@hono/node-server'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { createServerApp } from './server-app'

const port = Number(process.env.PORT ?? 4173)
const host = process.env.HOST ?? '127.0.0.1'
const upstreamUrl = process.env.MARQTUNE_URL ?? 'https://marqtune.marqo.ai'
const timeoutMs = Number(process.env.UPSTREAM_TIMEOUT_MS ?? 10_000)

let baseUrl: string
try {
  const url = new URL(upstreamUrl)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)')
  baseUrl = url.href.replace(/\/+$/, '')
} catch {
  console.error(`MARQTUNE_URL must be an http(s) URL, got: ${upstreamUrl}`)
  process.exit(2)
}

const distDir = process.env.DIST_DIR ?? 'dist'
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(
    `No built app in ${distDir}/: run \`npm run build\` first. The /api forwarder still runs.`,
  )
}

const app = createServerApp({
  upstream: { baseUrl, timeoutMs },
  distDir,
})

serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(`Marqtune Models dashboard on http://${host}:${info.port}, forwarding to ${baseUrl}`)
})

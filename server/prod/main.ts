import { serve } from '@hono/node-server'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { stopOnSignals } from './graceful-stop'
import { OpenRequests } from './middleware/access-log'
import { parsePublicOrigins } from './middleware/state-changes'
import { createServerApp, localHosts, upstreamDefaults } from './server-app'

const port = Number(process.env.PORT ?? 4173)
const host = process.env.HOST ?? '127.0.0.1'
const upstreamUrl = process.env.MARQTUNE_URL ?? 'https://marqtune.marqo.ai'
const timeoutMs = positive('UPSTREAM_TIMEOUT_MS', upstreamDefaults.timeoutMs)
const maxBodyBytes = positive('UPSTREAM_MAX_BYTES', upstreamDefaults.maxBodyBytes)
// Inside the 10 s that `docker stop` waits before it kills.
const shutdownGraceMs = positive('SHUTDOWN_TIMEOUT_MS', 8_000)
const idleTimeoutMs = positive('UPSTREAM_IDLE_MS', upstreamDefaults.idleTimeoutMs)
const maxRequests = positive('MAX_UPSTREAM_REQUESTS', upstreamDefaults.maxRequests)
const publicOriginsRead = parsePublicOrigins(process.env.PUBLIC_ORIGINS ?? '')
if ('error' in publicOriginsRead) fail(publicOriginsRead.error)
const publicOrigins = publicOriginsRead.origins
// Local names always; a deployment behind a proxy adds its public name(s), those of its public
// origins included.
const everyInterface = host === '0.0.0.0' || host === '::'
const allowedHosts = [
  ...new Set([
    ...localHosts,
    ...(everyInterface ? [] : [host]),
    ...(process.env.ALLOWED_HOSTS ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    ...publicOrigins.map((origin) => new URL(origin).hostname),
  ]),
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
const readOnlyValue = (process.env.READ_ONLY ?? '').trim().toLowerCase()
if (!['', 'true', 'false'].includes(readOnlyValue)) fail('READ_ONLY must be true or false')
const readOnly = readOnlyValue === 'true'
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(
    `No built app in ${distDir}/: run \`npm run build\` first. The /api forwarder still runs.`,
  )
}

const openRequests = new OpenRequests()
const app = createServerApp({
  upstream: { baseUrl, timeoutMs, idleTimeoutMs, maxBodyBytes, maxRequests },
  distDir,
  allowedHosts,
  readOnly,
  publicOrigins,
  openRequests,
})

const server = serve(
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
    // Said at start, since a name missing here is only found out as a 400 in the browser.
    if (readOnly)
      console.log(
        'Read-only: releasing checkpoints, deleting models and starting evaluations are refused.',
      )
    console.log(`Answers to the host names ${allowedHosts.join(', ')}; any other gets a 400.`)
    if (publicOrigins.length) {
      console.log(`Release, delete and evaluate are taken from ${publicOrigins.join(', ')} too.`)
    }
    if (everyInterface && !process.env.ALLOWED_HOSTS?.trim() && !publicOrigins.length) {
      console.log(
        'Listening on every interface, but only for local names: set ALLOWED_HOSTS (or PUBLIC_ORIGINS) to the name(s) people open it by.',
      )
    }
  },
)
stopOnSignals(server, {
  graceMs: shutdownGraceMs,
  log: console.log,
  beforeForcedClose: () => openRequests.cutAll(),
})

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!(Number.isFinite(value) && value > 0)) fail(`${name} must be a positive number`)
  return value
}

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

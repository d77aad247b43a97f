import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { routePath } from 'hono/route'
import { secureHeaders } from 'hono/secure-headers'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { failure, type ServerEnv } from './context'
import { forward, type UpstreamOptions } from './forward'

/** Names a local server answers to whatever else is configured. */
export const localHosts = ['localhost', '127.0.0.1', '[::1]']

export const upstreamDefaults = { timeoutMs: 10_000, maxBodyBytes: 128 * 1024 * 1024 }

export type ServerOptions = {
  upstream: Pick<UpstreamOptions, 'baseUrl'> & Partial<UpstreamOptions>
  /** The built app (`dist/`), relative to the working directory or absolute. */
  distDir: string
  /**
   * Host names (no port) this server answers to; any other `Host` header is refused, which stops
   * DNS rebinding. Behind a reverse proxy, list the public name. `localHosts` by default.
   */
  allowedHosts?: readonly string[]
  log?: (line: string) => void
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Checkpoint names are `epoch_N`; anything that could change the upstream URL is refused. */
const checkpointPattern = /^[A-Za-z0-9_.-]{1,64}$/
/**
 * A request path is absolute, and none of ours ever needs a dot segment, or an encoded
 * dot, slash, backslash or percent sign: refusing them outright rules out every path-confusion
 * trick before anything is normalised.
 */
const unsafePath = /^(?!\/)|^\/\/|\\|%(2e|2f|5c|25)|\/\.\.?(\/|$)/i

/** The id, lower-cased, when it is a UUID: the only thing that may go into an upstream path. */
function modelId(c: Context<ServerEnv>): string | undefined {
  const id = c.req.param('id') ?? ''
  return uuidPattern.test(id) ? id.toLowerCase() : undefined
}

/** At most a short hash of the key reaches the log: enough to tell two users apart. */
function keyTag(key: string | undefined): string {
  return key ? createHash('sha256').update(key).digest('hex').slice(0, 8) : '-'
}

export function createServerApp({
  upstream,
  distDir,
  allowedHosts = localHosts,
  log = console.log,
}: ServerOptions): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  const upstreamOptions = { ...upstreamDefaults, ...upstream }
  const hosts = new Set(allowedHosts.map((host) => host.toLowerCase()))

  app.use(async (c, next) => {
    const started = performance.now()
    const requestId = randomUUID()
    c.set('requestId', requestId)
    await next()
    c.header('x-request-id', requestId)
    // Method, route and outcome only: never a header value, so never the key.
    log(
      [
        c.req.method,
        routePath(c) || '-',
        c.res.status,
        `${Math.round(performance.now() - started)}ms`,
        `id=${requestId}`,
        `key=${keyTag(c.req.header('x-api-key'))}`,
      ].join(' '),
    )
  })

  // First, so that every answer carries them, refusals included.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: 'same-origin',
    }),
  )

  app.use(async (c, next) => {
    // The path as sent, before any normalising; the query may hold anything (a search for "50%").
    const [path = ''] = (c.env?.incoming?.url ?? new URL(c.req.url).pathname).split('?', 1)
    if (unsafePath.test(path)) return failure(c, 400, 'Invalid request target')
    if (!hosts.has(new URL(c.req.url).hostname.toLowerCase())) {
      return failure(c, 400, 'Unexpected Host header')
    }
    return next()
  })

  app.get('/healthz', (c) => {
    c.header('cache-control', 'no-store')
    return c.json({ status: 'ok' })
  })

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 1024,
      onError: (c) => failure(c, 413, 'Request body too large'),
    }),
    async (c, next) => {
      await next()
      c.header('cache-control', 'no-store')
    },
  )

  // An exact allow-list of upstream routes: anything else under /api never leaves this server.
  app.get('/api/models', (c) => forward(c, '/models', upstreamOptions))
  app.get('/api/models/:id', async (c) => {
    const id = modelId(c)
    return id ? forward(c, `/models/${id}`, upstreamOptions) : failure(c, 400, 'Invalid model id')
  })
  app.get('/api/models/:id/logs', async (c) => {
    const id = modelId(c)
    return id
      ? forward(c, `/models/${id}/logs`, upstreamOptions)
      : failure(c, 400, 'Invalid model id')
  })
  app.get('/api/models/:id/download/url', async (c) => {
    const id = modelId(c)
    if (!id) return failure(c, 400, 'Invalid model id')
    const checkpoint = c.req.query('checkpoint')
    if (checkpoint !== undefined && !checkpointPattern.test(checkpoint)) {
      return failure(c, 400, 'Invalid checkpoint name')
    }
    const query = checkpoint === undefined ? '' : `?checkpoint=${encodeURIComponent(checkpoint)}`
    return forward(c, `/models/${id}/download/url${query}`, upstreamOptions)
  })
  app.all('/api/*', (c) =>
    c.req.method === 'GET' ? failure(c, 404, 'Not found') : failure(c, 405, 'Method not allowed'),
  )
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', (c) => failure(c, 405, 'Method not allowed'))

  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('*', (c) => c.text('The app is not built yet: run `npm run build`, then restart.', 503))
    return app
  }

  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => {
        c.header('cache-control', 'public, max-age=31536000, immutable')
      },
    }),
  )
  app.use('/*', serveStatic({ root: distDir, index: 'index.html' }))

  // Client-side routes share the one page.
  const indexHtml = readFile(join(distDir, 'index.html'), 'utf8')
  app.get('*', async (c) => {
    c.header('cache-control', 'no-cache')
    return c.html(await indexHtml)
  })
  return app
}

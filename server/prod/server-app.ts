import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { forward, type UpstreamOptions } from './forward'

export type ServerOptions = {
  upstream: UpstreamOptions
  /** The built app (`dist/`), relative to the working directory or absolute. */
  distDir: string
  log?: (line: string) => void
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Checkpoint names are `epoch_N`; anything that could change the upstream URL is refused. */
const checkpointPattern = /^[A-Za-z0-9_.-]{1,64}$/

/** The id, lower-cased, when it is a UUID: the only thing that may go into an upstream path. */
function modelId(id: string): string | undefined {
  return uuidPattern.test(id) ? id.toLowerCase() : undefined
}

function invalidId(c: Context) {
  return c.json({ message: 'Invalid model id' }, 400)
}

export function createServerApp({ upstream, distDir, log = console.log }: ServerOptions): Hono {
  const app = new Hono()

  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    // Method, path and outcome only: never a header, so never the key.
    log(
      `${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`,
    )
  })

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

  app.use('/api/*', async (c, next) => {
    await next()
    c.header('cache-control', 'no-store')
  })

  // An exact allow-list of upstream routes: anything else under /api never leaves this server.
  app.get('/api/models', (c) => forward(c, '/models', upstream))
  app.get('/api/models/:id', async (c) => {
    const id = modelId(c.req.param('id'))
    return id ? forward(c, `/models/${id}`, upstream) : invalidId(c)
  })
  app.get('/api/models/:id/logs', async (c) => {
    const id = modelId(c.req.param('id'))
    return id ? forward(c, `/models/${id}/logs`, upstream) : invalidId(c)
  })
  app.get('/api/models/:id/download/url', async (c) => {
    const id = modelId(c.req.param('id'))
    if (!id) return invalidId(c)
    const checkpoint = c.req.query('checkpoint')
    if (checkpoint !== undefined && !checkpointPattern.test(checkpoint)) {
      return c.json({ message: 'Invalid checkpoint name' }, 400)
    }
    const query = checkpoint === undefined ? '' : `?checkpoint=${encodeURIComponent(checkpoint)}`
    return forward(c, `/models/${id}/download/url${query}`, upstream)
  })
  app.all('/api/*', (c) =>
    c.req.method === 'GET'
      ? c.json({ message: 'Not found' }, 404)
      : c.json({ message: 'Method not allowed' }, 405),
  )

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

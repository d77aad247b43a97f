import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
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
    const id = c.req.param('id')
    if (!uuidPattern.test(id)) return c.json({ message: 'Invalid model id' }, 400)
    return forward(c, `/models/${id.toLowerCase()}`, upstream)
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

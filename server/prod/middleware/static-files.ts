import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono, MiddlewareHandler } from 'hono'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import type { ServerEnv } from '../context'

/**
 * The built app from `distDir`, as the build left it: each file's `.br` or `.gz` copy when the
 * browser accepts one (scripts/compress-assets.ts writes them), never compressed per request.
 *
 * `precompressed` of @hono/node-server 2.1 prefers br, then gzip (zstd first, which we do not
 * write), sets the copy's Content-Length and keeps the original Content-Type. It only matches an
 * encoding listed bare: `br;q=0.5` gets gzip or plain, never something refused.
 */
export function serveBuiltApp(app: Hono<ServerEnv>, distDir: string) {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.get('*', (c) => c.text('The app is not built yet: run `npm run build`, then restart.', 503))
    return
  }

  // The hidden source maps stay on the server's disk, for decoding a stack trace: they show the
  // whole source to anyone who asks, and no bundle names them. So do dotfiles (a `.env` or
  // `.git` a deploy left in the folder): the build writes none.
  app.get('*', (c, next) => (/\/\.|\.map$/.test(c.req.path) ? c.notFound() : next()))
  app.use('*', varyByEncoding)

  // Headers are set after serveStatic has answered: one set in its onFound is lost.
  app.use('/assets/*', async (c, next) => {
    await next()
    // Asset names carry a hash of their content: a new release has new names.
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable')
  })
  app.use('/assets/*', serveStatic({ root: distDir, precompressed: true }))
  // A chunk an older page asks for after a release is a 404, not the page parsed as JavaScript.
  app.get('/assets/*', (c) => c.notFound())

  app.use('*', async (c, next) => {
    await next()
    // The page names the hashed assets of one release: check for a new one on every visit.
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.header('cache-control', 'no-cache')
    }
  })
  app.use('/*', serveStatic({ root: distDir, precompressed: true, index: 'index.html' }))
  // A path that names a file (its last segment has an extension) and is not there is a 404: a
  // crawler's /robots.txt or a stale link must not get the app's page as if it were the file.
  app.get('*', (c, next) => (/\.[^/]*$/.test(c.req.path) ? c.notFound() : next()))
  // Client-side routes share the one page.
  app.get('*', serveStatic({ root: distDir, precompressed: true, path: 'index.html' }))
}

/**
 * Every answer may differ by Accept-Encoding, the plain one too: a shared cache must not hand a
 * plain copy it stored to a browser that asked for brotli, nor brotli to one that cannot read it.
 * serveStatic only says so when it picked a compressed copy.
 */
const varyByEncoding: MiddlewareHandler<ServerEnv> = async (c, next) => {
  await next()
  if (!/accept-encoding/i.test(c.res.headers.get('vary') ?? '')) {
    c.header('vary', 'Accept-Encoding', { append: true })
  }
}

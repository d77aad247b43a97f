/**
 * The AG Grid page as the benchmark serves it: the build's compressed files, the compressed
 * list answer forwarded from `upstream`, and the dashboard's own security headers but its CSP
 * (AG Grid adds style elements, which ours forbids). Served the same way matters to the cold
 * start: Cross-Origin-Opener-Policy puts the page in a browsing context group of its own, which
 * here costs a new renderer for the navigation, 30 to 50 ms before the first paint
 * (docs/decisions/0010-first-paint-with-the-html.md). Without it, AG Grid's page was the only
 * one to reuse the renderer of Playwright's blank tab, which a first visit from the address bar
 * does not get either.
 */
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

import { routePath } from '../common/routes'
import type { ServerEnv } from '../server/prod/context'
import { compressApiAnswers } from '../server/prod/middleware/compress-api'
import { serveBuiltApp } from '../server/prod/middleware/static-files'
import { forward, type ForwardSettings } from '../server/prod/upstream/forward'

export function agGridApp(upstream: ForwardSettings): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  // As server/prod/server-app.ts sends them, the CSP aside.
  app.use(
    secureHeaders({
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: 'same-origin',
    }),
  )
  app.use('/api/*', compressApiAnswers())
  app.get('/api/models', (c) => forward(c, routePath('listModels'), upstream))
  serveBuiltApp(app, 'bench/.dist/ag-grid')
  return app
}

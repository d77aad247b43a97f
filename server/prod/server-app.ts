import { Hono, type Context } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

import {
  fillPath,
  forwardedBody,
  matchRoute,
  readParams,
  readQuery,
  type RouteMatch,
} from '../../common/routes'
import { accessLog, type OpenRequests } from './middleware/access-log'
import {
  apiRoutePath,
  apiSecurityPolicy,
  configPath,
  forwardedRoutes,
  guardApiRequest,
  isApiPath,
  pageMethodsOnly,
} from './middleware/api-guard'
import { compressApiAnswers } from './middleware/compress-api'
import { defaultBodyArrivalMs, readJsonBody } from './middleware/request-body'
import { guardStateChanges } from './middleware/state-changes'
import { failure, ownJson, type ServerEnv } from './context'
import { builtPageHashes } from './inline-hashes'
import { forward, type UpstreamOptions } from './upstream/forward'
import { serveBuiltApp } from './middleware/static-files'

/** Names a local server answers to whatever else is configured. */
export const localHosts = ['localhost', '127.0.0.1', '[::1]']

export { upstreamDefaults } from './upstream/forward'

export type ServerOptions = {
  upstream: Pick<UpstreamOptions, 'baseUrl'> & Partial<UpstreamOptions>
  /** The built app (`dist/`), relative to the working directory or absolute. */
  distDir: string
  /**
   * Host names (no port) this server answers to; any other `Host` header is refused, which stops
   * DNS rebinding. Behind a reverse proxy, list the public name. `localHosts` by default.
   */
  allowedHosts?: readonly string[]
  /**
   * `READ_ONLY=true`: release, delete and evaluate are refused with 403, and /api/config says so.
   */
  readOnly?: boolean
  /**
   * `PUBLIC_ORIGINS`: the origins people open the dashboard at, behind a proxy that does not
   * pass on the Host (with its port) the browser sent; actions from them are its own.
   */
  publicOrigins?: readonly string[]
  log?: (line: string) => void
  /** The requests not logged yet, for a forced stop to log as cut (main.ts). */
  openRequests?: OpenRequests
  /** How long a request body (`POST /api/evaluation`'s) may take to arrive: 408 after. */
  bodyArrivalMs?: number
}

/**
 * A request path is absolute, and none of ours ever needs a dot segment, or an encoded
 * dot, slash, backslash or percent sign: refusing them outright rules out every path-confusion
 * trick before anything is normalised. A target never carries a fragment either (RFC 9112;
 * browsers keep it to themselves), and parsing one away turns `/healthz/..#` into `/`.
 */
const unsafePath = /^(?!\/)|^\/\/|\\|%(2e|2f|5c|25)|\/\.\.?(\/|$)/i

export function createServerApp({
  upstream,
  distDir,
  allowedHosts = localHosts,
  readOnly = false,
  publicOrigins = [],
  log = console.log,
  openRequests,
  bodyArrivalMs = defaultBodyArrivalMs,
}: ServerOptions): Hono<ServerEnv> {
  const app = new Hono<ServerEnv>()
  // Its own count of requests in flight: the bound is per server.
  const upstreamOptions = { ...upstream, inFlight: { count: 0 } }
  const hosts = new Set(allowedHosts.map((host) => host.toLowerCase()))

  app.use(accessLog(log, openRequests))
  // Whatever fails in a handler is still answered in JSON, and never as a stack trace on stderr.
  app.onError((error, c) => {
    log(`error id=${c.get('requestId')} ${error.name}`)
    return failure(c, 500, 'The dashboard server failed to answer this request.')
  })
  app.notFound((c) => failure(c, 404, 'Not found'))
  app.use(apiSecurityPolicy)
  const pageHashes = builtPageHashes(distDir, log)

  // Before every check that refuses a request and every route, so that every answer carries
  // them, refusals and errors included (only the access log and the API's own CSP wrap this).
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        // The page as it is now (a rebuild needs no restart); /api has a policy of its own.
        scriptSrc: [
          (c) => (isApiPath(c.req.path) ? "'self'" : ["'self'", ...pageHashes().scripts].join(' ')),
        ],
        styleSrc: [
          (c) => (isApiPath(c.req.path) ? "'self'" : ["'self'", ...pageHashes().styles].join(' ')),
        ],
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
    const target = c.env?.incoming?.url ?? new URL(c.req.url).pathname
    const [path = ''] = target.split('?', 1)
    if (unsafePath.test(path) || target.includes('#')) {
      return failure(c, 400, 'Invalid request target')
    }
    if (!hosts.has(new URL(c.req.url).hostname.toLowerCase())) {
      return failure(c, 400, 'Unexpected Host header')
    }
    return next()
  })

  app.get('/healthz', (c) => {
    c.header('cache-control', 'no-store')
    return c.json({ status: 'ok' })
  })

  app.use('/api/*', compressApiAnswers())
  app.use('/api/*', guardApiRequest)
  app.use('/api/*', guardStateChanges({ readOnly, publicOrigins }))

  // This server's own settings the app needs, asked without a key: nothing here is a secret.
  app.get(configPath, (c) => ownJson(c, 200, { readOnly }))

  // An exact allow-list of upstream routes (common/routes.ts): anything else under /api never
  // leaves this server, and only checked parameters and query values reach the upstream URL.
  app.on(['GET', 'POST', 'DELETE'], '/api/*', async (c) => {
    const match = matchRoute(c.req.method, apiRoutePath(c.req.path), forwardedRoutes)
    if (!match) return failure(c, 404, 'Not found')
    c.set('route', `/api${match.route.path}`)
    const params = readParams(match)
    if ('refusal' in params) return failure(c, 400, params.refusal)
    const query = readQuery(match.route, new URL(c.req.url).searchParams)
    if ('refusal' in query) return failure(c, 400, query.refusal)
    const path = fillPath(match.route, params.params, query.query)
    const body = await checkedBody(c, match, bodyArrivalMs)
    if (body instanceof Response) return body
    return forward(c, path, upstreamOptions, match.route.method, body)
  })
  app.all('/api/*', (c) => failure(c, 404, 'Not found'))
  app.use(pageMethodsOnly)

  serveBuiltApp(app, distDir)
  return app
}

/** Most problems named in one refusal: enough to fix a body, never a wall of text. */
const problemsNamed = 5

/**
 * The body to forward for a route that takes one: read, checked by the route's own rules
 * (common/routes.ts) and sent as they rebuilt it; a refusal naming the problems otherwise.
 * Undefined for a route sent without a body.
 */
async function checkedBody(
  c: Context<ServerEnv>,
  match: RouteMatch,
  arrivalMs: number,
): Promise<Uint8Array<ArrayBuffer> | undefined | Response> {
  const rules = forwardedBody(match.route)
  if (!rules) return undefined
  const read = await readJsonBody(c, { maxBytes: rules.maxBytes, arrivalMs })
  if (!('json' in read)) return failure(c, read.status, read.message)
  const checked = rules.read(read.json)
  if ('problems' in checked) {
    const named = checked.problems.slice(0, problemsNamed).map((problem) => problem.message)
    const more = checked.problems.length - named.length
    const rest = more > 0 ? `; and ${more} more` : ''
    return failure(c, 400, `Invalid request body: ${named.join('; ')}${rest}`)
  }
  return new TextEncoder().encode(JSON.stringify(checked.body))
}

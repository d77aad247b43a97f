import type { Context, MiddlewareHandler } from 'hono'

import { forwardedBody, matchRoute, methodsAt, routeNames, routes } from '../../../common/routes'
import { failure, type ServerEnv } from '../context'

/** Nothing under /api is a page: opened in a tab, an answer may not run or load anything. */
export const apiContentSecurityPolicy = "default-src 'none'; sandbox"

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/')

/** Registered before the page's security headers, so that it has the last word under /api. */
export const apiSecurityPolicy: MiddlewareHandler<ServerEnv> = async (c, next) => {
  await next()
  if (isApiPath(c.req.path)) c.header('content-security-policy', apiContentSecurityPolicy)
}

/** The routes this server lets through to Marqtune (common/routes.ts). */
export const forwardedRoutes = routeNames.filter((name) => routes[name].forwarded)

/** The server's own route under /api, answered without a key or the upstream. */
export const configPath = '/api/config'

/** A path under /api as the route table writes it: `/api/models` is `/models`. */
export const apiRoutePath = (path: string) => path.slice('/api'.length)

/** The methods a path under /api answers to, as the route table says; none for a path it lacks. */
export function allowedMethods(path: string): readonly string[] {
  return path === configPath ? ['GET'] : methodsAt(apiRoutePath(path), forwardedRoutes)
}

/**
 * What every /api request must be before any route looks at it: a method its path allows (a
 * HEAD would run the GET handler, that is a whole upstream GET thrown away), without a body
 * unless its route takes one (`POST /api/evaluation`: read and checked by the route's handler,
 * after the cross-site guard), with at most one key.
 */
export const guardApiRequest: MiddlewareHandler<ServerEnv> = async (c, next) => {
  const allowed = allowedMethods(c.req.path)
  if (!allowed.length) return failure(c, 404, 'Not found')
  if (!allowed.includes(c.req.method)) {
    c.header('allow', allowed.join(', '))
    return failure(c, 405, 'Method not allowed')
  }
  if (hasBody(c) && !takesBody(c)) {
    return failure(c, 400, `A ${c.req.method} request cannot carry a body`)
  }
  if (keyHeaderCount(c) > 1) return failure(c, 400, 'More than one x-api-key header')
  await next()
  c.header('cache-control', 'no-store')
  return undefined
}

function takesBody(c: Context<ServerEnv>): boolean {
  const match = matchRoute(c.req.method, apiRoutePath(c.req.path), forwardedRoutes)
  return match !== undefined && forwardedBody(match.route) !== undefined
}

function hasBody(c: Context<ServerEnv>): boolean {
  const length = c.req.header('content-length')
  return (
    (length !== undefined && length.trim() !== '0') ||
    c.req.header('transfer-encoding') !== undefined
  )
}

/** Node joins repeated headers into `a, b`; only the raw list tells two keys from one. */
function keyHeaderCount(c: Context<ServerEnv>): number {
  const raw = c.env?.incoming?.rawHeaders ?? []
  let count = 0
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index]!.toLowerCase() === 'x-api-key') count++
  }
  return count
}

/** Outside /api the app's files and pages: GET and HEAD only, and the 405 says so. */
export const pageMethodsOnly: MiddlewareHandler<ServerEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
  c.header('allow', 'GET, HEAD')
  return failure(c, 405, 'Method not allowed')
}

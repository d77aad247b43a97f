import type { MiddlewareHandler } from 'hono'

import { changesState } from '../../../common/routes'
import { failure, type ServerEnv } from '../context'

export const readOnlyMessage =
  'This dashboard is read-only: releasing checkpoints and deleting models are turned off (READ_ONLY=true).'

/**
 * Guards the requests that change something upstream (every route but a GET, common/routes.ts). A page of another site
 * can make a browser send them (a form, or fetch with `mode: 'no-cors'`), and the key it needs
 * may be guessed or phished, so: `Sec-Fetch-Site` must say same-origin (or be absent, as from
 * curl), and an `Origin`, when sent, must be this server's own. Its own origin is the Host header,
 * which must also be the host the request target named: the hostname check before this one read
 * the target, and an absolute-form target can name another host than the Host header does.
 * With `readOnly` every such request is refused. All of it before anything is forwarded.
 */
export function guardStateChanges({
  readOnly,
}: {
  readOnly: boolean
}): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (!changesState(c.req)) return next()
    const site = c.req.header('sec-fetch-site')
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return failure(c, 403, 'Refused: this request came from another site.')
    }
    const origin = c.req.header('origin')
    if (origin !== undefined && !isOwnOrigin(origin, c.req.header('host'), c.req.url)) {
      return failure(c, 403, 'Refused: this request came from another origin.')
    }
    if (readOnly) return failure(c, 403, readOnlyMessage)
    return next()
  }
}

function isOwnOrigin(origin: string, host: string | undefined, target: string): boolean {
  if (!host) return false
  try {
    const { protocol, host: originHost } = new URL(origin)
    const own = host.toLowerCase()
    return (
      (protocol === 'http:' || protocol === 'https:') &&
      originHost === own &&
      new URL(target).host.toLowerCase() === own
    )
  } catch {
    // `Origin: null` (a sandboxed frame, a file) and anything unreadable are nobody's own.
    return false
  }
}

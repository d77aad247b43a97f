import type { MiddlewareHandler } from 'hono'

import { changesState } from '../../../common/routes'
import { failure, type ServerEnv } from '../context'

export const readOnlyMessage =
  'This dashboard is read-only: releasing checkpoints, deleting models and starting evaluations are turned off (READ_ONLY=true).'

/**
 * Guards the requests that change something upstream (every route but a GET,
 * common/routes.ts). A page of another site can make a browser send them (a form, or fetch with
 * `mode: 'no-cors'`), and the key it needs may be guessed or phished, so:
 *
 * - `Sec-Fetch-Site` must say `same-origin`, or be absent (curl, scripts). `none` (the address
 *   bar, a bookmark) is refused too: only the app's own fetch ever sends these requests.
 * - An `Origin`, when sent, must be this server's own: one of `publicOrigins` (the
 *   `PUBLIC_ORIGINS` setting, for a proxy that does not pass on the port the browser used), or
 *   the Host header's, which must then also be the host the request target named (the hostname
 *   check before this one read the target, and an absolute-form target can name another host).
 *
 * With `readOnly` every such request is refused. All of it before anything is forwarded.
 */
export function guardStateChanges({
  readOnly,
  publicOrigins = [],
}: {
  readOnly: boolean
  /** Origins as `parsePublicOrigins` gives them: scheme, host and port, lower-case. */
  publicOrigins?: readonly string[]
}): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (!changesState(c.req)) return next()
    const site = c.req.header('sec-fetch-site')
    if (site !== undefined && site !== 'same-origin') {
      return failure(
        c,
        403,
        site === 'none'
          ? 'Refused: this request did not come from the dashboard’s page.'
          : 'Refused: this request came from another site.',
      )
    }
    const origin = c.req.header('origin')
    if (
      origin !== undefined &&
      !publicOrigins.includes(originOf(origin) ?? '') &&
      !isHostOrigin(origin, c.req.header('host'), c.req.url)
    ) {
      return failure(c, 403, 'Refused: this request came from another origin.')
    }
    if (readOnly) return failure(c, 403, readOnlyMessage)
    return next()
  }
}

/** `https://host:port` of an http(s) URL, as browsers write `Origin`; none for anything else. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  } catch {
    // `Origin: null` (a sandboxed frame, a file) and anything unreadable are nobody's own.
    return undefined
  }
}

function isHostOrigin(origin: string, host: string | undefined, target: string): boolean {
  const own = host?.toLowerCase()
  const read = originOf(origin)
  return (
    own !== undefined &&
    read !== undefined &&
    new URL(read).host === own &&
    new URL(target).host.toLowerCase() === own
  )
}

/**
 * `PUBLIC_ORIGINS`: comma-separated origins people open the dashboard at
 * (`https://models.example.com:8443`), each with its scheme and no path; an error names the
 * first that is not one.
 */
export function parsePublicOrigins(value: string): { origins: string[] } | { error: string } {
  const origins: string[] = []
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const origin = originOf(entry)
    const bare = origin !== undefined && new URL(entry).href === `${origin}/`
    if (!bare) {
      return {
        error: `PUBLIC_ORIGINS takes origins such as https://models.example.com:8443, got: ${entry}`,
      }
    }
    origins.push(origin)
  }
  return { origins }
}

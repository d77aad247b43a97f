import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'

/** As long as the service's own links: "a presigned link valid for 1 hour". */
export const linkLifetimeSeconds = 3600

/** How S3 writes a signing time: `20261201T120000Z`. */
function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replaceAll(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function fromAmzDate(text: string): number {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(text) ?? []
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`)
}

export type LinkCheck = 'valid' | 'expired' | 'refused'

/**
 * Links that work like S3 presigned URLs, for the files the emulator serves itself: the
 * signing time, the lifetime and an HMAC of the path and both, in the query. No key is needed
 * to fetch one; a link that was altered is refused, one past its lifetime has expired (both
 * 403, as S3 answers). The secret lives as long as the emulator.
 */
export function presignedLinks(now: () => number, secret = randomBytes(32)) {
  const signatureOf = (path: string, signedAt: string, lifetime: string) =>
    createHmac('sha256', secret).update(`${path}\n${signedAt}\n${lifetime}`).digest('hex')

  return {
    /** The link to `path` on `origin`, signed now. */
    sign(origin: string, path: string): string {
      const signedAt = amzDate(now())
      const lifetime = String(linkLifetimeSeconds)
      const query = new URLSearchParams({
        'X-Amz-Date': signedAt,
        'X-Amz-Expires': lifetime,
        'X-Amz-Signature': signatureOf(path, signedAt, lifetime),
      })
      return `${origin}${path}?${query.toString()}`
    },
    check(path: string, query: URLSearchParams): LinkCheck {
      const signedAt = query.get('X-Amz-Date') ?? ''
      const lifetime = query.get('X-Amz-Expires') ?? ''
      const signature = Buffer.from(query.get('X-Amz-Signature') ?? '', 'hex')
      const expected = Buffer.from(signatureOf(path, signedAt, lifetime), 'hex')
      if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
        return 'refused'
      }
      return now() > fromAmzDate(signedAt) + Number(lifetime) * 1000 ? 'expired' : 'valid'
    },
  }
}

export type PresignedLinks = ReturnType<typeof presignedLinks>

const hostPattern = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/**
 * Where the emulator's own links point: the address the request came to (its `Host`), so a
 * link works for whoever asked, through the dashboard's server or not. Without a usable
 * `Host` (a request made in-process), the request's own origin.
 */
export function linkOrigin(c: Context): string {
  const host = c.req.header('host')
  return host && hostPattern.test(host) ? `http://${host}` : new URL(c.req.url).origin
}

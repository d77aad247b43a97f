export type ApiErrorKind = 'auth' | 'request' | 'busy' | 'server' | 'network' | 'unexpected'

const titles: Record<ApiErrorKind, string> = {
  auth: 'The API key was not accepted',
  request: 'The request was refused',
  busy: 'The Marqtune API asked the dashboard to slow down',
  server: 'The Marqtune API had a problem',
  network: 'The dashboard could not reach its server',
  unexpected: 'The response could not be read',
}

/**
 * Every failure of an API call, in words a person can act on. `message` is what the server said
 * when it said something readable, else our own sentence; it never contains the API key.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly kind: ApiErrorKind
  readonly status: number | undefined
  /** How long the server asked us to wait (its Retry-After), if it did. */
  readonly retryAfterMs: number | undefined
  /** When it happened: a retry is counted down from here. */
  readonly at = Date.now()
  /** The headline; the kind's own unless one case of it reads better in its own words. */
  readonly title: string

  constructor(
    kind: ApiErrorKind,
    message: string,
    status?: number,
    retryAfterMs?: number,
    title = titles[kind],
  ) {
    super(message)
    this.kind = kind
    this.status = status
    this.retryAfterMs = retryAfterMs
    this.title = title
  }

  /** Worth trying again: the network, the server's own faults, timeouts and rate limits. */
  get retryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'server' ||
      this.kind === 'busy' ||
      this.status === 408
    )
  }
}

/** Retry-After in milliseconds: the header is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header?.trim()) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function errorKindForStatus(status: number): ApiErrorKind {
  if (status === 401 || status === 403) return 'auth'
  if (status === 429) return 'busy'
  if (status >= 500) return 'server'
  return 'request'
}

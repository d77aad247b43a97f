export type ApiErrorKind = 'auth' | 'request' | 'server' | 'network' | 'unexpected'

const titles: Record<ApiErrorKind, string> = {
  auth: 'The API key was not accepted',
  request: 'The request was refused',
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

  constructor(kind: ApiErrorKind, message: string, status?: number) {
    super(message)
    this.kind = kind
    this.status = status
  }

  get title(): string {
    return titles[this.kind]
  }

  /** Worth trying again: the network, the server's own faults, timeouts and rate limits. */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'server') return true
    return this.status === 408 || this.status === 429
  }
}

export function errorKindForStatus(status: number): ApiErrorKind {
  if (status === 401 || status === 403) return 'auth'
  if (status >= 500) return 'server'
  return 'request'
}

import { QueryClient } from '@tanstack/react-query'

import { ApiError } from './api-error'

/** Retries after the first try: what "retrying 2/3" counts up to. */
export const maxRetries = 3
const maxWaitMs = 30_000

/**
 * How long to wait before retry number `failureCount + 1`: what the server asked for in
 * Retry-After, else 1 s, 2 s, 4 s; never more than 30 s.
 */
export function retryDelay(failureCount: number, error: unknown): number {
  const asked = error instanceof ApiError ? error.retryAfterMs : undefined
  return Math.min(asked ?? 1000 * 2 ** failureCount, maxWaitMs)
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx and unreadable answers will not get better by asking again.
        retry: (failureCount, error) =>
          error instanceof ApiError && error.retryable && failureCount < maxRetries,
        retryDelay,
        // Back online: refresh at once, however fresh the data looked.
        refetchOnReconnect: 'always',
      },
    },
  })
}

import { QueryClient } from '@tanstack/react-query'

import { ApiError } from './api-error'

const maxRetries = 3
/** The first try and its retries: what "attempt 2 of 4" counts up to. */
export const maxAttempts = maxRetries + 1

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx and unreadable answers will not get better by asking again.
        retry: (failureCount, error) =>
          error instanceof ApiError && error.retryable && failureCount < maxRetries,
      },
    },
  })
}

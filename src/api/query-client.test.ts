import { describe, expect, it } from 'vitest'

import { ApiError } from './api-error'
import { retryDelay } from './query-client'

describe('the wait before a retry', () => {
  it('backs off 1 s, 2 s, 4 s without a Retry-After', () => {
    const error = new ApiError('server', 'down', 503)
    expect([0, 1, 2].map((count) => retryDelay(count, error))).toEqual([1_000, 2_000, 4_000])
  })

  it('waits as long as the server asks, but never more than 30 s', () => {
    expect(retryDelay(0, new ApiError('busy', 'slow down', 429, 7_000))).toBe(7_000)
    expect(retryDelay(0, new ApiError('busy', 'slow down', 429, 3_600_000))).toBe(30_000)
  })
})

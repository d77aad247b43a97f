import { describe, expect, it } from 'vitest'

import { ApiError, parseRetryAfter } from './api-error'
import { retryDelay } from './query-client'

describe('Retry-After', () => {
  const now = Date.parse('2026-11-27T12:00:00Z')

  it('reads seconds and HTTP dates, and ignores anything else', () => {
    expect(parseRetryAfter('5', now)).toBe(5_000)
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:20 GMT', now)).toBe(20_000)
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0)
    for (const header of [null, '', 'soon', '-3'])
      expect(parseRetryAfter(header, now)).toBeUndefined()
  })
})

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

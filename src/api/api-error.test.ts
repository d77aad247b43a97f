import { describe, expect, it } from 'vitest'

import { parseRetryAfter } from './api-error'

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

import { describe, expect, it } from 'vitest'

import { parseDownloadUrl } from './download-links'

describe('parseDownloadUrl', () => {
  it('accepts an https link in either envelope', () => {
    expect(parseDownloadUrl({ downloadUrl: 'https://bucket.example/x.pt?sig=1' })).toBe(
      'https://bucket.example/x.pt?sig=1',
    )
    expect(
      parseDownloadUrl({ statusCode: 200, body: { downloadUrl: 'https://b.example/y' } }),
    ).toBe('https://b.example/y')
  })

  it.each([['javascript:alert(1)'], ['data:text/html,x'], [''], ['not a url']])(
    'refuses %j, so it can never become a link that runs code',
    (downloadUrl) => {
      expect(() => parseDownloadUrl({ downloadUrl })).toThrow('usable download link')
    },
  )
})

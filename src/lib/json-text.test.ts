import { describe, expect, it } from 'vitest'

import { jsonText } from './json-text'

/** `{"a":{"a":…1…}}`, `levels` deep, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 1
  for (let level = 0; level < levels; level++) value = { a: value }
  return value
}

describe('jsonText', () => {
  it('is JSON.stringify for values of any sensible depth', () => {
    expect(jsonText({ epochs: 5, keys: ['a'] })).toBe('{"epochs":5,"keys":["a"]}')
    expect(jsonText(nested(3), 2)).toBe(JSON.stringify(nested(3), null, 2))
  })

  it('draws a value 20,000 levels deep cut at its limit, and says so, instead of throwing', () => {
    expect(() => JSON.stringify(nested(20_000))).toThrow(RangeError)
    const text = jsonText(nested(20_000), undefined, 5)
    expect(text).toBe('{"a":{"a":{"a":{"a":{"a":"[nested more than 5 levels deep: left out]"}}}}}')
  })
})

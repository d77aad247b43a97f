import { describe, expect, it } from 'vitest'

import { naturalKey } from './natural-key'

function naturalSort(values: string[]): string[] {
  return values.toSorted((a, b) => {
    const [ka, kb] = [naturalKey(a), naturalKey(b)]
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}

describe('naturalKey', () => {
  it('orders numbers inside names by value', () => {
    expect(naturalSort(['model-10', 'model-2', 'model-1', 'model-100'])).toEqual([
      'model-1',
      'model-2',
      'model-10',
      'model-100',
    ])
  })

  it('ignores case and leading zeros', () => {
    expect(naturalSort(['B', 'a', 'C'])).toEqual(['a', 'B', 'C'])
    expect(naturalKey('epoch_007')).toBe(naturalKey('EPOCH_7'))
  })

  it('orders several number runs one after the other', () => {
    expect(naturalSort(['v1.10', 'v1.9', 'v2.0', 'v1.9.1'])).toEqual([
      'v1.9',
      'v1.9.1',
      'v1.10',
      'v2.0',
    ])
  })

  it('sorts UUIDs the way they read', () => {
    const ids = ['9f00', '10aa', '0b00']
    expect(naturalSort(ids)).toEqual(['0b00', '9f00', '10aa'])
  })
})

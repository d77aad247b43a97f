import { describe, expect, it } from 'vitest'

import type { SortValue } from './model-index'
import { rankInSlices } from './model-index'

/** The ranks a plain sort gives: equal keys share one, absent keys rank last. */
function expectedRanks(keys: SortValue[]): number[] {
  const distinct = [...new Set(keys.filter((key) => key !== undefined && key !== ''))].toSorted(
    (a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0),
  )
  return keys.map((key) =>
    key === undefined || key === '' ? distinct.length : distinct.indexOf(key),
  )
}

describe('rankInSlices', () => {
  // Enough keys for several sorted runs and merge passes, with repeats and gaps.
  const keys: SortValue[] = Array.from({ length: 9_000 }, (_, index) =>
    index % 97 === 0 ? undefined : index % 89 === 0 ? '' : `model-${(index * 7919) % 4_000}`,
  )

  it('ranks like a plain sort when done at once', () => {
    expect([...rankInSlices(keys)(Infinity)!.ranks]).toEqual(expectedRanks(keys))
  })

  it('gives the same ranks when worked out in many tiny slices', () => {
    const step = rankInSlices(keys)
    let rank = step(0)
    let calls = 1
    while (!rank) {
      rank = step(0)
      calls++
    }
    expect(calls).toBeGreaterThan(5)
    expect([...rank.ranks]).toEqual(expectedRanks(keys))
    expect(rank.absentRank).toBe(Math.max(...expectedRanks(keys)))
  })
})

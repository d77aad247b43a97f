import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'
import { modelIndexSpec } from '@/models/columns/column-registry'
import { buildModelIndex } from './model-index'
import { rankInSlices, type SortValue } from './ranks'
import { addChars, mayHold } from './search-index'

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

describe('search index', () => {
  const models = Array.from({ length: 3_000 }, (_, index) =>
    makeModel({
      modelName: index % 2 ? `Shop-${index}` : `shop-${index}`,
      status: ['ready', 'failed', 'Running'][index % 3]!,
      checkpoints: index % 3 === 1 ? [] : ['epoch_1', 'epoch_2'],
    }),
  )

  it('keeps what models share once, and lower-cases what differs', () => {
    const index = buildModelIndex(models, modelIndexSpec)
    const { own, sharedOf, shared } = index.searchIndex()
    expect(shared.length).toBeLessThanOrEqual(3)
    expect(shared.every((text) => text === text.toLowerCase())).toBe(true)
    expect(own[0]![1]).toBe('shop-1')
    expect(shared[sharedOf[2]!]).toContain('running')
  })

  it('finds the same models when built in many tiny slices', () => {
    const sliced = buildModelIndex(models, modelIndexSpec)
    let calls = 1
    while (!sliced.prepareSearch(0)) calls++
    expect(calls).toBeGreaterThan(1)
    const atOnce = buildModelIndex(models, modelIndexSpec)
    for (const search of ['SHOP-1 running', 'epoch_2 shop-2', 'failed'])
      expect([...sliced.matches(search)]).toEqual([...atOnce.matches(search)])
    const expected = models.filter(
      (model) => model.status === 'Running' && model.modelName.toLowerCase().includes('shop-2'),
    )
    expect(atOnce.matches('running shop-2').length).toBe(expected.length)
  })
})

describe('character sets of a search field', () => {
  it('tell a term that cannot be in the field from one that may be', () => {
    const chars = new Uint32Array(5)
    addChars(chars, '00000000-0000-4000-8000-00000000abcf')
    expect(mayHold(chars, '4000-8')).toBe(true)
    expect(mayHold(chars, 'fab')).toBe(true)
    expect(mayHold(chars, 'fur')).toBe(false)
    expect(mayHold(chars, 'é')).toBe(false)
    addChars(chars, 'été')
    expect(mayHold(chars, 'é')).toBe(true)
  })
})

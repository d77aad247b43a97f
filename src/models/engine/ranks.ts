import type { Model } from '@/api/model-schema'
import { naturalKey } from '@/lib/natural-key'

/** How a column's values are compared: a number, a natural-order text, or absent (always last). */
export type SortValue = string | number | undefined

export type SortRule = { id: string; desc: boolean }

export type Rank = { ranks: Uint32Array; absentRank: number }

/**
 * Dense ranks of one column's values: equal values share a rank, so sorting by several columns
 * compares small integers. Strings rank by natural key (`model-2` before `model-10`). Columns with
 * few distinct values (status, instance type, base model) sort their distinct values only; columns
 * of unique values (names, ids) sort positions directly, which is cheaper than a map of them.
 */
export function rankModels(models: Model[], keyOf: (model: Model) => SortValue): Rank {
  const sampleSize = Math.min(models.length, 1000)
  const sample = new Set<SortValue>()
  for (let k = 0; k < sampleSize; k++) {
    sample.add(keyOf(models[Math.floor((k * models.length) / sampleSize)]!))
  }
  return sample.size > sampleSize / 2 ? rankBySort(models, keyOf) : rankByDistinct(models, keyOf)
}

function isAbsent(value: SortValue): value is undefined | '' {
  return value === undefined || value === ''
}

export function naturalKeyOf(value: SortValue): SortValue {
  return typeof value === 'string' ? naturalKey(value) : value
}

/** Natural keys compare as strings or numbers; an absent key never reaches this. */
function compareKeys(a: SortValue, b: SortValue): number {
  return a! < b! ? -1 : a! > b! ? 1 : 0
}

const runLength = 2048
const slice = 1024

/**
 * The dense ranks of `keys`, worked out a budget at a time and resumed on the next call: runs of
 * 2,048 sorted natively, then merged pairwise (bottom-up merge sort over two index buffers).
 * Returns the ranks once done, undefined while there is work left.
 */
export function rankInSlices(keys: SortValue[]): (budgetMs: number) => Rank | undefined {
  let source = Uint32Array.from(keys.keys()).filter((index) => !isAbsent(keys[index]))
  let target = new Uint32Array(source.length)
  const count = source.length
  let sortedTo = 0
  let width = runLength
  let low = 0
  let left = 0
  let right = 0
  let out = -1

  return (budgetMs) => {
    const stop = performance.now() + budgetMs
    while (sortedTo < count) {
      source.subarray(sortedTo, sortedTo + runLength).sort((a, b) => compareKeys(keys[a], keys[b]))
      sortedTo += runLength
      if (performance.now() > stop) return undefined
    }
    while (width < count) {
      while (low < count) {
        const middle = Math.min(low + width, count)
        const high = Math.min(low + 2 * width, count)
        if (out < 0) [left, right, out] = [low, middle, low]
        while (out < high) {
          for (let step = 0; step < slice && out < high; step++) {
            // Equal keys come from the left: the merge is stable.
            const takeLeft =
              right >= high ||
              (left < middle && compareKeys(keys[source[right]!], keys[source[left]!]) >= 0)
            target[out++] = takeLeft ? source[left++]! : source[right++]!
          }
          if (performance.now() > stop) return undefined
        }
        low = high
        out = -1
      }
      ;[source, target] = [target, source]
      width *= 2
      low = 0
    }
    const ranks = new Uint32Array(keys.length)
    let rank = -1
    let previous: SortValue
    for (const index of source) {
      if (rank < 0 || keys[index] !== previous) rank++
      previous = keys[index]
      ranks[index] = rank
    }
    const absentRank = rank + 1
    keys.forEach((key, index) => {
      if (isAbsent(key)) ranks[index] = absentRank
    })
    return { ranks, absentRank }
  }
}

function rankBySort(models: Model[], keyOf: (model: Model) => SortValue): Rank {
  return rankInSlices(models.map((model) => naturalKeyOf(keyOf(model))))(Infinity)!
}

function rankByDistinct(models: Model[], keyOf: (model: Model) => SortValue): Rank {
  const positionsOf = new Map<string | number, number[]>()
  const absent: number[] = []
  models.forEach((model, position) => {
    const value = keyOf(model)
    if (isAbsent(value)) {
      absent.push(position)
      return
    }
    const positions = positionsOf.get(value)
    if (positions) positions.push(position)
    else positionsOf.set(value, [position])
  })
  const values = [...positionsOf.keys()]
  // No value here is absent, so `absentRank` is the number of distinct keys.
  const byValue = rankInSlices(values.map(naturalKeyOf))(Infinity)!
  const ranks = new Uint32Array(models.length)
  values.forEach((value, index) => {
    for (const position of positionsOf.get(value)!) ranks[position] = byValue.ranks[index]!
  })
  for (const position of absent) ranks[position] = byValue.absentRank
  return { ranks, absentRank: byValue.absentRank }
}

/**
 * All positions in sort order, or undefined for the service's order. Absent values go last
 * whatever the direction; ties keep the service's order. Ranks are small dense integers, so each
 * rule is a stable counting sort (two passes, no comparisons), last rule first: each pass keeps
 * the order of the one before among its ties, which makes the rules count in priority order.
 */
export function sortedPositions(
  index: { all: () => Uint32Array; rank: (id: string) => Rank | undefined },
  sorting: readonly SortRule[],
): Uint32Array | undefined {
  const rules = sorting.flatMap((rule) => {
    const rank = index.rank(rule.id)
    return rank ? [{ ...rank, desc: rule.desc }] : []
  })
  if (!rules.length) return undefined
  let order = index.all()
  for (const { ranks, absentRank, desc } of rules.toReversed()) {
    const bucketOf = (rank: number) =>
      rank === absentRank ? absentRank : desc ? absentRank - 1 - rank : rank
    // starts[b] becomes where bucket b begins in the sorted order.
    const starts = new Uint32Array(absentRank + 2)
    for (const rank of ranks) starts[bucketOf(rank) + 1]!++
    for (let bucket = 1; bucket < starts.length; bucket++) starts[bucket]! += starts[bucket - 1]!
    const sorted = new Uint32Array(order.length)
    for (const position of order) sorted[starts[bucketOf(ranks[position]!)]!++] = position
    order = sorted
  }
  return order
}

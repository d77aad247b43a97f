import type { Model } from '../api/model-schema'
import { lazily } from '../lib/lazy'
import { naturalKey } from '../lib/natural-key'

/** How a column's values are compared: a number, a natural-order text, or absent (always last). */
export type SortValue = string | number | undefined

export type FacetOption = {
  /** Case-insensitive grouping key; this is what the URL holds. */
  key: string
  /** The service's own spelling(s), most frequent first. */
  label: string
  /** Models with this value in the whole account. */
  total: number
}

export type Facet = {
  options: FacetOption[]
  /** Per model: the position of its value in `options`. */
  optionOf: Uint32Array
}

export const emptyFacet: Facet = { options: [], optionOf: new Uint32Array(0) }

/**
 * Everything about a response that filtering and sorting need, each part computed once per
 * response on first use: search texts, facet membership as integers, sort ranks. Nothing is built
 * before the first rows are painted unless the view needs it; keystrokes then only scan strings
 * and typed arrays, never allocating per-model objects.
 */
export type ModelIndex = {
  models: Model[]
  /** Every position in the service's order. */
  all: () => Uint32Array
  /** What a search looks in, built on first use (or bit by bit while idle). */
  searchIndex: () => SearchIndex
  /** Indexes some more models for search within `budgetMs`; true once all are. */
  prepareSearch: (budgetMs: number) => boolean
  /** Builds some more natural sort keys of one column within `budgetMs`; true once all are. */
  prepareSort: (id: string, budgetMs: number) => boolean
  facet: (id: string) => Facet | undefined
  /** Per position, the dense rank of its value in one column; `absentRank` when it has none. */
  rank: (id: string) => Rank | undefined
  /** The last search and its matches, so typing on can narrow them instead of starting over. */
  lastSearch?: { search: string; matches: Uint32Array }
}

export type Rank = { ranks: Uint32Array; absentRank: number }

/**
 * The lower-cased texts a search looks in, without a copy of the account: a name or an id that
 * is already lower-case is the model's own string, and what many models share (status, base
 * model, checkpoints…) is kept once per distinct text. At 100,000 models this is ~1 MB where one
 * joined text per model took ~26 MB.
 */
export type SearchIndex = {
  /** Per field that differs from model to model: its text per position. */
  own: string[][]
  /**
   * Per such field, which characters occur in it anywhere in the account (ASCII as bits, one more
   * bit for any other): a term with a character the field never has cannot be in it, so typing
   * "fur" never looks in ids made of hex digits.
   */
  ownChars: Uint32Array[]
  /** Per position, which of `shared` holds the rest of its text. */
  sharedOf: Uint32Array
  shared: string[]
}

export type IndexSpec = {
  /** The fields a search looks in that differ from model to model (name, id). */
  ownSearchTexts: ReadonlyArray<(model: Model) => string>
  /** Everything else a search looks in, as one text: many models have the same one. */
  sharedSearchTextOf: (model: Model) => string
  facetValueOf: (id: string) => ((model: Model) => string) | undefined
  sortKeyOf: (id: string) => ((model: Model) => SortValue) | undefined
}

export function buildModelIndex(models: Model[], spec: IndexSpec): ModelIndex {
  const facets = new Map<string, Facet>()
  const ranks = new Map<string, Rank>()

  const all = lazily(() => Uint32Array.from(models.keys()))
  const search: SearchIndex = {
    own: spec.ownSearchTexts.map(() => []),
    ownChars: spec.ownSearchTexts.map(() => new Uint32Array(5)),
    sharedOf: new Uint32Array(models.length),
    shared: [],
  }
  const sharedIds = new Map<string, number>()
  let searchable = 0
  const sortKeys = new Map<string, SortValue[]>()

  /**
   * Calls `step` for each position from `from` on, 500 at a time, until all are done or
   * `budgetMs` is spent; returns the position it got to.
   */
  function inSlices(from: number, step: (position: number) => void, budgetMs: number): number {
    const stop = performance.now() + budgetMs
    let position = from
    while (position < models.length) {
      const end = Math.min(position + 500, models.length)
      for (; position < end; position++) step(position)
      if (performance.now() > stop) break
    }
    return position
  }

  /** Appends `make(model)` to `into` in slices until done or `budgetMs` is spent. */
  function fill<T>(into: T[], make: (model: Model) => T, budgetMs: number): boolean {
    return (
      inSlices(into.length, (position) => into.push(make(models[position]!)), budgetMs) ===
      models.length
    )
  }

  function indexForSearch(position: number): void {
    const model = models[position]!
    for (let field = 0; field < spec.ownSearchTexts.length; field++) {
      // Kept as is when already lower-case: toLowerCase() returns a copy even then.
      const text = spec.ownSearchTexts[field]!(model)
      const lower = text.toLowerCase()
      const kept = lower === text ? text : lower
      search.own[field]!.push(kept)
      addChars(search.ownChars[field]!, kept)
    }
    // Interned as sent, lower-cased once per distinct text.
    const shared = spec.sharedSearchTextOf(model)
    let id = sharedIds.get(shared)
    if (id === undefined) {
      id = search.shared.push(shared.toLowerCase()) - 1
      sharedIds.set(shared, id)
    }
    search.sharedOf[position] = id
  }

  function prepareSearch(budgetMs: number): boolean {
    if (searchable === models.length) return true
    searchable = inSlices(searchable, indexForSearch, budgetMs)
    if (searchable < models.length) return false
    sharedIds.clear()
    return true
  }
  const rankers = new Map<string, (budgetMs: number) => Rank | undefined>()
  /** Sort keys, then their ranks, a budget at a time: the first click on the header is cheap. */
  function prepareSort(id: string, budgetMs: number): boolean {
    const keyOf = spec.sortKeyOf(id)
    if (!keyOf || ranks.has(id)) return true
    let keys = sortKeys.get(id)
    if (!keys) sortKeys.set(id, (keys = []))
    if (!fill(keys, (model) => naturalKeyOf(keyOf(model)), budgetMs)) return false
    let ranker = rankers.get(id)
    if (!ranker) rankers.set(id, (ranker = rankInSlices(keys)))
    const rank = ranker(budgetMs)
    if (!rank) return false
    ranks.set(id, rank)
    sortKeys.delete(id)
    rankers.delete(id)
    return true
  }

  return {
    models,
    all,
    searchIndex() {
      prepareSearch(Infinity)
      return search
    },
    prepareSearch,
    prepareSort,
    facet(id) {
      const valueOf = spec.facetValueOf(id)
      if (!valueOf) return undefined
      let facet = facets.get(id)
      if (!facet) {
        facet = buildFacet(models, valueOf)
        facets.set(id, facet)
      }
      return facet
    },
    rank(id) {
      const keyOf = spec.sortKeyOf(id)
      if (!keyOf) return undefined
      // A column warmed while idle finishes what is left; any other is ranked at once.
      if (!ranks.has(id)) {
        if (sortKeys.has(id)) prepareSort(id, Infinity)
        else ranks.set(id, rankModels(models, keyOf))
      }
      return ranks.get(id)
    },
  }
}

/** Sets the bit of each character of `text` in `chars` (see SearchIndex.ownChars). */
export function addChars(chars: Uint32Array, text: string): void {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code < 128) chars[code >> 5]! |= 1 << (code & 31)
    else chars[4] = 1
  }
}

/** Whether every character of `term` has its bit in `chars`. */
export function mayHold(chars: Uint32Array, term: string): boolean {
  for (let at = 0; at < term.length; at++) {
    const code = term.charCodeAt(at)
    if (code < 128 ? !(chars[code >> 5]! & (1 << (code & 31))) : !chars[4]) return false
  }
  return true
}

function buildFacet(models: Model[], valueOf: (model: Model) => string): Facet {
  // Each spelling as sent gets a number; grouping spellings by key happens once per spelling,
  // so a model costs one map lookup and allocates nothing.
  const spellingIds = new Map<string, number>()
  const spellingCounts: number[] = []
  const optionOfSpelling: number[] = []
  const positions = new Map<string, number>()
  const optionOf = new Uint32Array(models.length)
  for (let index = 0; index < models.length; index++) {
    const raw = valueOf(models[index]!)
    let spelling = spellingIds.get(raw)
    if (spelling === undefined) {
      spelling = spellingCounts.push(0) - 1
      spellingIds.set(raw, spelling)
      const key = raw.trim().toLowerCase()
      let position = positions.get(key)
      if (position === undefined) positions.set(key, (position = positions.size))
      optionOfSpelling.push(position)
    }
    spellingCounts[spelling]!++
    optionOf[index] = optionOfSpelling[spelling]!
  }
  const spellingsOf = Array.from(positions, () => [] as Array<{ spelling: string; count: number }>)
  ;[...spellingIds.keys()].forEach((spelling, id) => {
    spellingsOf[optionOfSpelling[id]!]!.push({ spelling, count: spellingCounts[id]! })
  })
  const options = [...positions.keys()].map((key, position) => {
    const spellings = spellingsOf[position]!.toSorted((a, b) => b.count - a.count)
    return {
      key,
      label: spellings.map(({ spelling }) => spelling || '(none)').join(' / '),
      total: spellings.reduce((sum, { count }) => sum + count, 0),
    }
  })
  return { options, optionOf }
}

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

function naturalKeyOf(value: SortValue): SortValue {
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

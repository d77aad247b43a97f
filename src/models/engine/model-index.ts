import type { Model } from '@/api/model-schema'
import { lazily } from '@/lib/once'

import { buildFacet, type Facet } from './facets'
import { naturalKeyOf, rankInSlices, rankModels, type Rank, type SortValue } from './ranks'
import { addChars, scanSearch, searchTerms, type SearchIndex } from './search-index'

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
  /**
   * Positions of the models that hold every term of `search`, in the service's order. The index
   * keeps the last search: when this one extends it (typing on), only its matches are scanned.
   */
  matches: (search: string) => Uint32Array
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
  let lastSearch: { search: string; terms: number; matches: Uint32Array } | undefined

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
    matches(text) {
      const terms = searchTerms(text)
      if (!terms.length) return all()
      prepareSearch(Infinity)
      const narrowing = lastSearch && lastSearch.terms > 0 && text.startsWith(lastSearch.search)
      const matches = scanSearch(search, terms, narrowing ? lastSearch!.matches : undefined)
      lastSearch = { search: text, terms: terms.length, matches }
      return matches
    },
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

import { mayHold, type Facet, type ModelIndex } from './model-index'

export type FacetSelection = Record<string, readonly string[]>

export type SortRule = { id: string; desc: boolean }

/** The lower-cased terms of a search; every term must appear somewhere in a model. */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean)
}

/**
 * Positions of the models whose search text holds every term, in the service's order. When the
 * search extends the previous one (typing on), only the previous matches are scanned again.
 */
export function searchMatches(index: ModelIndex, search: string): Uint32Array {
  const terms = searchTerms(search)
  if (!terms.length) return index.all()
  const { own, ownChars, sharedOf, shared } = index.searchIndex()
  const { lastSearch } = index
  const narrowing =
    lastSearch && search.startsWith(lastSearch.search) && searchTerms(lastSearch.search).length > 0
  const candidates = narrowing ? lastSearch.matches : undefined
  const total = candidates ? candidates.length : sharedOf.length
  // Per term, which shared texts hold it: a few hundred strings, not one per model.
  const inShared = terms.map((term) => Uint8Array.from(shared, (text) => +text.includes(term)))
  // Per term, the fields that may hold it at all.
  const fieldsFor = terms.map((term) => own.filter((_, field) => mayHold(ownChars[field]!, term)))
  // Typed arrays and plain loops: this runs on every keystroke over up to every model.
  const found = new Uint32Array(total)
  let count = 0
  for (let k = 0; k < total; k++) {
    const position = candidates ? candidates[k]! : k
    const sharedId = sharedOf[position]!
    let all = true
    for (let t = 0; t < terms.length && all; t++) {
      if (inShared[t]![sharedId]) continue
      const term = terms[t]!
      const fields = fieldsFor[t]!
      all = false
      for (let field = 0; field < fields.length && !all; field++) {
        all = fields[field]![position]!.includes(term)
      }
    }
    if (all) found[count++] = position
  }
  const matches = found.slice(0, count)
  index.lastSearch = { search, matches }
  return matches
}

type ActiveFacet = { id: string; optionOf: Facet['optionOf']; allowed: Uint8Array }

/** The facets with a choice, each as a lookup of allowed option positions. */
function activeFacets(index: ModelIndex, selection: FacetSelection): ActiveFacet[] {
  return Object.entries(selection).flatMap(([id, chosen]) => {
    const facet = chosen.length ? index.facet(id) : undefined
    if (!facet) return []
    const keys = new Set(chosen)
    const allowed = Uint8Array.from(facet.options, (option) => (keys.has(option.key) ? 1 : 0))
    return [{ id, optionOf: facet.optionOf, allowed }]
  })
}

// Indexed loops, no iterators or destructuring: this runs for every model of the account, and
// the first time (before the JIT has optimised it) iterators cost 5× more.
function passes(facets: ActiveFacet[], position: number, except?: string): boolean {
  for (let f = 0; f < facets.length; f++) {
    const facet = facets[f]!
    if (facet.id !== except && !facet.allowed[facet.optionOf[position]!]) return false
  }
  return true
}

/**
 * The search matches that pass every facet (OR within a facet, AND across facets), listed in
 * `order` (from sortedPositions, computed once per sort) or in the service's order.
 */
export function applyFilters(
  index: ModelIndex,
  matches: Uint32Array,
  selection: FacetSelection,
  order: Uint32Array | undefined,
): Uint32Array {
  const facets = activeFacets(index, selection)
  if (!order) {
    if (!facets.length) return matches
    const rows = new Uint32Array(matches.length)
    let count = 0
    for (let k = 0; k < matches.length; k++) {
      if (passes(facets, matches[k]!)) rows[count++] = matches[k]!
    }
    return rows.slice(0, count)
  }
  const visible = new Uint8Array(index.models.length)
  let count = 0
  for (let k = 0; k < matches.length; k++) {
    const position = matches[k]!
    if (passes(facets, position)) {
      visible[position] = 1
      count++
    }
  }
  const rows = new Uint32Array(count)
  let next = 0
  for (let k = 0; k < order.length; k++) if (visible[order[k]!]) rows[next++] = order[k]!
  return rows
}

/**
 * For one facet, per option: how many models it would show if chosen, under the search and the
 * other facets' choices. Computed only while that facet's menu is open.
 */
export function facetCounts(
  index: ModelIndex,
  matches: Uint32Array,
  selection: FacetSelection,
  id: string,
): Uint32Array {
  const facet = index.facet(id)
  if (!facet) return new Uint32Array(0)
  const others = activeFacets(index, selection)
  const counts = new Uint32Array(facet.options.length)
  for (let k = 0; k < matches.length; k++) {
    const position = matches[k]!
    if (passes(others, position, id)) counts[facet.optionOf[position]!]!++
  }
  return counts
}

/**
 * All positions in sort order, or undefined for the service's order. Absent values go last
 * whatever the direction; ties keep the service's order. Ranks are small dense integers, so each
 * rule is a stable counting sort (two passes, no comparisons), last rule first: each pass keeps
 * the order of the one before among its ties, which makes the rules count in priority order.
 */
export function sortedPositions(
  index: ModelIndex,
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

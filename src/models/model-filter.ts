import type { ModelIndex } from './model-index'

export type FacetSelection = Record<string, readonly string[]>

export type Filters = { search: string; facets: FacetSelection }

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
  const { searchTexts, lastSearch } = index
  if (!terms.length) return Uint32Array.from(searchTexts.keys())
  const narrowing =
    lastSearch && search.startsWith(lastSearch.search) && searchTerms(lastSearch.search).length > 0
  const candidates = narrowing ? lastSearch.matches : undefined
  const found: number[] = []
  const total = candidates ? candidates.length : searchTexts.length
  for (let k = 0; k < total; k++) {
    const position = candidates ? candidates[k]! : k
    const text = searchTexts[position]!
    if (terms.every((term) => text.includes(term))) found.push(position)
  }
  const matches = Uint32Array.from(found)
  index.lastSearch = { search, matches }
  return matches
}

export type FilterResult = {
  /** Visible positions in display order. */
  rows: Uint32Array
  /** Per facet id, per option position: models that would match if this option were chosen. */
  counts: Record<string, Uint32Array>
}

/**
 * Applies the facets to the search matches (OR within a facet, AND across facets), counts every
 * facet option under all the other active filters, and lists the survivors in `order`.
 */
export function applyFilters(
  index: ModelIndex,
  matches: Uint32Array,
  selection: FacetSelection,
  facetIds: readonly string[],
  /** From sortedPositions, computed once per sort rather than per keystroke. */
  order: Uint32Array | undefined,
): FilterResult {
  const facets = facetIds.map((id) => {
    const facet = index.facet(id)
    if (!facet) throw new Error(`no facet ${id}`)
    const chosen = new Set(selection[id] ?? [])
    const allowed = new Uint8Array(facet.options.length)
    facet.options.forEach((option, position) => {
      allowed[position] = chosen.size === 0 || chosen.has(option.key) ? 1 : 0
    })
    return { id, facet, allowed, counts: new Uint32Array(facet.options.length) }
  })

  const visible = new Uint8Array(index.models.length)
  let visibleCount = 0
  for (let k = 0; k < matches.length; k++) {
    const position = matches[k]!
    let failures = 0
    let failed = -1
    for (let f = 0; f < facets.length; f++) {
      const { facet, allowed } = facets[f]!
      if (!allowed[facet.optionOf[position]!]) {
        failures++
        failed = f
      }
    }
    if (failures === 0) {
      visible[position] = 1
      visibleCount++
      for (const { facet, counts } of facets) counts[facet.optionOf[position]!]!++
    } else if (failures === 1) {
      // Fails only this facet: choosing its value here would let it through.
      const { facet, counts } = facets[failed]!
      counts[facet.optionOf[position]!]!++
    }
  }

  const rows = new Uint32Array(visibleCount)
  let next = 0
  if (order) {
    for (let k = 0; k < order.length; k++) if (visible[order[k]!]) rows[next++] = order[k]!
  } else {
    for (let k = 0; k < matches.length; k++) if (visible[matches[k]!]) rows[next++] = matches[k]!
  }
  return { rows, counts: Object.fromEntries(facets.map(({ id, counts }) => [id, counts])) }
}

/**
 * All positions in sort order, or undefined for the service's order. Absent values go last
 * whatever the direction; ties keep the service's order (the sort is stable).
 */
export function sortedPositions(
  index: ModelIndex,
  sorting: readonly SortRule[],
): Uint32Array | undefined {
  const rules = sorting.flatMap((rule) => {
    const rank = index.rank(rule.id)
    return rank ? [{ ...rank, direction: rule.desc ? -1 : 1 }] : []
  })
  if (!rules.length) return undefined
  const positions = Array.from(index.models.keys())
  positions.sort((a, b) => {
    for (const { ranks, absentRank, direction } of rules) {
      const ra = ranks[a]!
      const rb = ranks[b]!
      if (ra === rb) continue
      if (ra === absentRank) return 1
      if (rb === absentRank) return -1
      return (ra - rb) * direction
    }
    return 0
  })
  return Uint32Array.from(positions)
}

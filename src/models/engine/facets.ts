import type { Model } from '@/api/model-schema'

export type FacetSelection = Record<string, readonly string[]>

/** Where filtering finds a facet by id: the model index. */
type FacetSource = { models: readonly Model[]; facet: (id: string) => Facet | undefined }

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

export function buildFacet(models: Model[], valueOf: (model: Model) => string): Facet {
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

type ActiveFacet = { id: string; optionOf: Facet['optionOf']; allowed: Uint8Array }

/** The facets with a choice, each as a lookup of allowed option positions. */
function activeFacets(index: FacetSource, selection: FacetSelection): ActiveFacet[] {
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
  index: FacetSource,
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
  index: FacetSource,
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

import { useMemo } from 'react'

import type { Model } from '../api/model-schema'
import { buildModelIndex } from './model-index'
import {
  applyFilters,
  searchMatches,
  sortedPositions,
  type FacetSelection,
  type SortRule,
} from './model-filter'
import { facetIds, modelIndexSpec } from './model-search'

/**
 * The rows to show, in order, with facet counts. Each stage is memoised on its own inputs: the
 * index once per response, the sort order once per sort, the search once per (deferred) query,
 * so a keystroke costs one scan of search texts plus one pass over typed arrays.
 */
export function useModelRows(
  models: Model[],
  view: { search: string; facets: FacetSelection; sorting: readonly SortRule[] },
) {
  const index = useMemo(() => buildModelIndex(models, modelIndexSpec), [models])
  const { search } = view
  const matches = useMemo(() => searchMatches(index, search), [index, search])
  const sorting = useMemo(
    () => view.sorting.filter((rule) => modelIndexSpec.sortKeyOf(rule.id)),
    [view.sorting],
  )
  const order = useMemo(() => sortedPositions(index, sorting), [index, sorting])
  // Facet values the account no longer has are dropped rather than hiding everything.
  const selection = useMemo(() => {
    const known: Record<string, string[]> = {}
    for (const id of facetIds) {
      const keys = new Set(index.facet(id)?.options.map((option) => option.key))
      known[id] = (view.facets[id] ?? []).filter((value) => keys.has(value))
    }
    return known
  }, [index, view.facets])
  const { rows, counts } = useMemo(
    () => applyFilters(index, matches, selection, facetIds, order),
    [index, matches, selection, order],
  )
  return { index, rows, counts, selection, sorting, search }
}

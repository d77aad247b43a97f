import { useCallback, useEffect, useMemo } from 'react'

import type { Model } from '@/api/model-schema'
import { afterPaint } from '@/lib/after-paint'
import { whileIdle } from '@/lib/idle'
import { facetIds, modelIndexSpec } from '@/models/columns/column-registry'
import { failureColumnId, nameColumnId } from '@/models/columns/model-columns'
import { applyFilters, facetCounts, type FacetSelection } from '@/models/engine/facets'
import { buildModelIndex, type ModelIndex } from '@/models/engine/model-index'
import { sortedPositions, type SortRule } from '@/models/engine/ranks'

/**
 * The rows to show, in order. Each stage is memoised on its own inputs: the index once per
 * response, the sort order once per sort, the search once per query, so a keystroke costs one
 * scan of search texts plus one pass over typed arrays. Facet counts are computed on demand.
 */
export function useModelRows(
  models: Model[],
  view: { search: string; facets: FacetSelection; sorting: readonly SortRule[] },
) {
  const { search } = view
  const index = useMemo(() => buildModelIndex(models, modelIndexSpec), [models])
  useEffect(() => {
    let stopWarmUp = () => {}
    const stopPainted = afterPaint(() => {
      // The benchmark's "first rows painted": the frame after the first commit of a response.
      performance.mark('models:painted')
      // Index the search, then the name column's sort keys, then group the failure reasons,
      // while the user reads, in idle slices: the first keystroke, sort by name or Failed
      // filter does not pay for them. Only the grouping is one piece (~15 ms at 100k).
      stopWarmUp = whileIdle((budgetMs) => {
        const done =
          index.prepareSearch(budgetMs) &&
          index.prepareSort(nameColumnId, budgetMs) &&
          Boolean(index.facet(failureColumnId))
        // The benchmark reports how long after the first rows this work is done.
        if (done) performance.mark('models:warm')
        return done
      })
    })
    return () => {
      stopPainted()
      stopWarmUp()
    }
  }, [index])

  const matches = useMemo(() => index.matches(search), [index, search])
  const sorting = useMemo(
    () => view.sorting.filter((rule) => modelIndexSpec.sortKeyOf(rule.id)),
    [view.sorting],
  )
  const order = useMemo(() => sortedPositions(index, sorting), [index, sorting])
  // Facet values the account no longer has are dropped rather than hiding everything.
  const facets = useMemo(() => {
    const known: Record<string, string[]> = {}
    for (const id of facetIds) {
      const values = view.facets[id] ?? []
      const keys = values.length
        ? new Set(index.facet(id)?.options.map((option) => option.key))
        : new Set<string>()
      known[id] = values.filter((value) => keys.has(value))
    }
    return known
  }, [index, view.facets])
  const rows = useMemo(
    () => sameAsLastShown(index, applyFilters(index, matches, facets, order)),
    [index, matches, facets, order],
  )
  const countsFor = useCallback(
    (id: string) => facetCounts(index, matches, facets, id),
    [index, matches, facets],
  )
  return { index, rows, countsFor, facets, sorting, search }
}

/**
 * The positions last shown of each response's index. A keystroke that keeps the same rows
 * (typing on within the same matches) hands the table the same array, so the table and its rows
 * are not rendered again; only the search's highlights change.
 */
const lastShown = new WeakMap<ModelIndex, Uint32Array>()

function sameAsLastShown(index: ModelIndex, positions: Uint32Array): Uint32Array {
  const last = lastShown.get(index)
  if (last?.length === positions.length && last.every((position, at) => position === positions[at]))
    return last
  lastShown.set(index, positions)
  return positions
}

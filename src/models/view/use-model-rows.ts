import { useCallback, useEffect, useMemo } from 'react'

import type { Model } from '@/api/model-schema'
import { afterPaint } from '@/lib/after-paint'
import { whileIdle } from '@/lib/idle'
import { facetIds, modelIndexSpec, phaseFacetId } from '@/models/columns/column-registry'
import { isPhaseValue, phasesOf } from '@/models/domain/status'
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
  // Every value a link chose filters, the ones this account has no model for included: a link
  // means what it says (no model, then), and each such value is listed to be seen and removed.
  const { facets, unknown } = useMemo(() => facetChoices(index, view.facets), [index, view.facets])
  const rows = useMemo(
    () => sameAsLastShown(index, applyFilters(index, matches, facets, order)),
    [index, matches, facets, order],
  )
  const countsFor = useCallback(
    (id: string) => facetCounts(index, matches, facets, id),
    [index, matches, facets],
  )
  return { index, rows, countsFor, facets, unknown, sorting, search }
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

/** A value chosen in the URL that no model has: shown as a filter that matches nothing. */
export type UnknownChoice = { facetId: string; value: string }

/**
 * The facet choices the engine filters by, phase groups spread into their phases
 * (`in-progress` is waiting and running), and the chosen values that name nothing this account
 * has. A phase is never unknown: a link to the running models stays one when none runs.
 */
function facetChoices(
  index: ModelIndex,
  chosen: FacetSelection,
): { facets: FacetSelection; unknown: UnknownChoice[] } {
  const facets: Record<string, string[]> = {}
  const unknown: UnknownChoice[] = []
  for (const id of facetIds) {
    const values = chosen[id] ?? []
    facets[id] = id === phaseFacetId ? phasesOf(values) : [...values]
    if (!values.length) continue
    const keys = new Set(index.facet(id)?.options.map((option) => option.key))
    for (const value of values) {
      const known = id === phaseFacetId ? isPhaseValue(value) : keys.has(value)
      if (!known) unknown.push({ facetId: id, value })
    }
  }
  return { facets, unknown }
}

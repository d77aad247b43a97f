import { useCallback, useMemo } from 'react'

import type { Model } from '@/api/model-schema'

import type { UrlState } from './url-state'

/** Compare shows 2 to 6 models side by side. */
export const maxCompared = 6

/**
 * The models ticked in the table (in the URL, `?compare=` as before, so old links still work):
 * the selection every action works on. Compare takes 2 to 6 of them; delete takes any number.
 */
export function useCompareSelection(
  view: Pick<UrlState, 'compare' | 'setCompare'>,
  byId: () => ReadonlyMap<string, Model>,
) {
  const { compare, setCompare } = view
  const chosen = useMemo(() => new Set(compare), [compare])
  const models = useMemo(() => compare.flatMap((id) => byId().get(id) ?? []), [compare, byId])
  const toggle = useCallback(
    (modelId: string) =>
      setCompare(
        compare.includes(modelId) ? compare.filter((id) => id !== modelId) : [...compare, modelId],
      ),
    [compare, setCompare],
  )
  const comparable = models.length >= 2 && models.length <= maxCompared
  return { chosen, models, comparable, toggle, set: setCompare, clear: () => setCompare([]) }
}

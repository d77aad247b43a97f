import { useCallback, useMemo } from 'react'

import type { Model } from '@/api/model-schema'

import type { UrlState } from './url-state'

/** Compare shows 2 to 6 models side by side. */
export const maxCompared = 6

/** The models ticked for comparison (in the URL), those of them in the account, and the toggle. */
export function useCompareSelection(
  view: Pick<UrlState, 'compare' | 'setCompare'>,
  byId: () => ReadonlyMap<string, Model>,
) {
  const { compare, setCompare } = view
  const chosen = useMemo(() => new Set(compare), [compare])
  const models = useMemo(
    () => compare.flatMap((id) => byId().get(id) ?? []).slice(0, maxCompared),
    [compare, byId],
  )
  const toggle = useCallback(
    (modelId: string) =>
      setCompare(
        compare.includes(modelId)
          ? compare.filter((id) => id !== modelId)
          : [...compare, modelId].slice(0, maxCompared),
      ),
    [compare, setCompare],
  )
  return { chosen, models, toggle, clear: () => setCompare([]) }
}

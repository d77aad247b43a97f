import { useCallback, useMemo } from 'react'

import type { Model } from '@/api/model-schema'

import type { UrlState } from './url-state'

/** Compare shows 2 to 6 models side by side. */
export const maxCompared = 6

/**
 * The models ticked in the table, the selection every action works on (in the URL as
 * `?compare=`, its first name, so old links still work): compare takes 2 to 6 of them, delete
 * any number. Each id is in it once, whatever the link said (url-state.ts).
 */
export function useSelection(
  view: Pick<UrlState, 'selected' | 'setSelected'>,
  byId: () => ReadonlyMap<string, Model>,
) {
  const { selected, setSelected } = view
  const ids = useMemo(() => new Set(selected), [selected])
  const models = useMemo(() => selected.flatMap((id) => byId().get(id) ?? []), [selected, byId])
  const toggle = useCallback(
    (modelId: string) =>
      setSelected(
        ids.has(modelId) ? selected.filter((id) => id !== modelId) : [...selected, modelId],
      ),
    [ids, selected, setSelected],
  )
  const comparable = models.length >= 2 && models.length <= maxCompared
  return { ids, models, comparable, toggle, set: setSelected, clear: () => setSelected([]) }
}

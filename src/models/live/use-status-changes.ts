import { useEffect, useRef, useState } from 'react'

import type { Model } from '@/api/model-schema'
import { statusText } from '@/models/domain/status'

export type StatusChanges = {
  /** Models whose status differs from the previous fetch. */
  ids: ReadonlySet<string>
  /** For a live region: which models changed, from what to what. */
  summary: string
}

const none: StatusChanges = { ids: new Set(), summary: '' }
const shownNames = 3

/**
 * The models whose status changed between one fetch and the next, for `holdMs`: the table
 * highlights them briefly and a live region says what changed.
 */
export function useStatusChanges(models: Model[], holdMs = 6_000): StatusChanges {
  const previous = useRef(models)
  const [changes, setChanges] = useState(none)

  useEffect(() => {
    const before = previous.current
    previous.current = models
    if (before === models) return
    const statusBefore = new Map(before.map((model) => [model.modelId, statusText(model)]))
    const changed = models.filter((model) => {
      const was = statusBefore.get(model.modelId)
      return was !== undefined && was !== statusText(model)
    })
    if (changed.length === 0) return
    const named = changed
      .slice(0, shownNames)
      .map(
        (model) => `${model.modelName} (${statusBefore.get(model.modelId)} → ${statusText(model)})`,
      )
    const more = changed.length - named.length
    setChanges({
      ids: new Set(changed.map((model) => model.modelId)),
      summary: `Status changed: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
    })
  }, [models])

  useEffect(() => {
    if (changes === none) return undefined
    const timer = setTimeout(() => setChanges(none), holdMs)
    return () => clearTimeout(timer)
  }, [changes, holdMs])

  return changes
}

import { useCallback, useMemo } from 'react'

import { isStringArray } from '@/lib/guards'
import { readPreference, writePreference } from '@/lib/preferences'
import { modelColumns, nameColumnId } from './model-columns'
import { hyperparameterColumn, hyperparameterPrefix } from './hyperparameter-columns'
import { baseColumnIds, columnIdOf } from './column-registry'

const defaultColumns = modelColumns.filter((column) => column.meta?.defaultVisible).map(columnIdOf)
const baseColumns = new Map(modelColumns.map((definition) => [columnIdOf(definition), definition]))

/** A visible column's definition by id: one of the table's own, or a hyperparameter's. */
function columnById(id: string) {
  return baseColumns.get(id) ?? hyperparameterColumn(id.slice(hyperparameterPrefix.length))
}

/**
 * The columns to show, in the order chosen: from the URL, else this browser's preference, else
 * the defaults; unknown ids dropped, the name always first. Choices go to both the URL and the preference.
 */
export function useVisibleColumns(
  requestedInUrl: string[] | null,
  hyperparameterKeys: () => readonly string[],
  setInUrl: (columns: string[] | null) => void,
) {
  const visible = useMemo(() => {
    const requested = requestedInUrl ?? readPreference('columns', isStringArray) ?? defaultColumns
    const known = new Set(baseColumnIds)
    if (requested.some((id) => id.startsWith(hyperparameterPrefix))) {
      for (const key of hyperparameterKeys()) known.add(hyperparameterPrefix + key)
    }
    return [nameColumnId, ...requested.filter((id) => id !== nameColumnId && known.has(id))]
  }, [requestedInUrl, hyperparameterKeys])

  // The same column objects, in the order chosen, for as long as the choice is the same.
  const signature = visible.join('\n')
  const columns = useMemo(() => signature.split('\n').map(columnById), [signature])
  const change = useCallback(
    (next: string[] | null) => {
      setInUrl(next)
      writePreference('columns', next ?? undefined)
    },
    [setInUrl],
  )
  return { ids: visible, columns, change }
}

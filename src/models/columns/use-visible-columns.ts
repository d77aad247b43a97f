import { useCallback, useMemo } from 'react'

import { isStringArray } from '@/lib/guards'
import { readPreference, writePreference } from '@/lib/preferences'
import { modelColumns, nameColumnId } from './model-columns'
import { hyperparameterColumn, hyperparameterPrefix } from './hyperparameter-columns'
import { baseColumnIds, columnIdOf } from './column-registry'

const defaultColumns = modelColumns.filter((column) => column.meta?.defaultVisible).map(columnIdOf)

/**
 * The columns to show: from the URL, else this browser's preference, else the defaults; unknown
 * ids dropped, the name always first. Choices go to both the URL and the preference.
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

  // Column objects stay the same while the set of hyperparameter columns does.
  const signature = visible.filter((id) => id.startsWith(hyperparameterPrefix)).join('\n')
  const columns = useMemo(
    () => [
      ...modelColumns,
      ...(signature ? signature.split('\n') : []).map((id) =>
        hyperparameterColumn(id.slice(hyperparameterPrefix.length)),
      ),
    ],
    [signature],
  )
  const visibility = useMemo(
    () => Object.fromEntries(baseColumnIds.map((id) => [id, visible.includes(id)])),
    [visible],
  )
  const change = useCallback(
    (next: string[] | null) => {
      setInUrl(next)
      writePreference('columns', next ?? undefined)
    },
    [setInUrl],
  )
  return { ids: visible, columns, visibility, change }
}

import { formatValue } from '@/lib/format'
import { column } from './model-columns'

export const hyperparameterPrefix = 'hp.'

const columns = new Map<string, ReturnType<typeof createColumn>>()

/** The column for one hyperparameter key; the same object every time, so the table stays stable. */
export function hyperparameterColumn(key: string) {
  let existing = columns.get(key)
  if (!existing) {
    existing = createColumn(key)
    columns.set(key, existing)
  }
  return existing
}

function createColumn(key: string) {
  return column.accessor((model) => model.hyperparameters[key], {
    id: `${hyperparameterPrefix}${key}`,
    meta: {
      label: key,
      cellClass: 'font-mono text-xs',
      highlight: true,
      text: (model) => formatValue(model.hyperparameters[key]),
      width: 140,
      sortKey: (model) => {
        const value = model.hyperparameters[key]
        return typeof value === 'number' || value === undefined ? value : formatValue(value)
      },
      mono: true,
      defaultVisible: false,
    },
  })
}

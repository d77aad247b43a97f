import type { Model } from '../api/model-schema'
import { Highlight } from '../components/highlight'
import { formatValue } from '../lib/format'
import { column } from './columns'

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
    header: key,
    cell: ({ getValue }) => {
      const text = formatValue(getValue())
      return (
        <span className="block truncate font-mono text-xs" title={text}>
          <Highlight text={text} />
        </span>
      )
    },
    meta: {
      label: key,
      text: (model) => formatValue(model.hyperparameters[key]),
      width: 140,
      sortKey: (model) => {
        const value = model.hyperparameters[key]
        return typeof value === 'number' || value === undefined ? value : formatValue(value)
      },
      align: undefined,
      defaultVisible: false,
    },
  })
}

/** Every hyperparameter key of the account, in alphabetical order. */
export function hyperparameterKeys(models: readonly Model[]): string[] {
  const keys = new Set<string>()
  for (const model of models) for (const key in model.hyperparameters) keys.add(key)
  return [...keys].toSorted((a, b) => a.localeCompare(b))
}

/** The keys whose values are not the same for every one of the given models. */
export function varyingHyperparameterKeys(
  models: readonly Model[],
  positions: ArrayLike<number>,
): string[] {
  return hyperparameterKeys(models).filter((key) => {
    let first: string | undefined
    for (let k = 0; k < positions.length; k++) {
      const value = models[positions[k]!]!.hyperparameters[key]
      // JSON tells 5 from "5" and compares arrays and objects by content.
      const text = JSON.stringify(value) ?? 'absent'
      if (first === undefined) first = text
      else if (text !== first) return true
    }
    return false
  })
}

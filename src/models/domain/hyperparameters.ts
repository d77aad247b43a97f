import type { Model } from '@/api/model-schema'
import { jsonText } from '@/lib/json-text'

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
      const text = value === undefined ? 'absent' : jsonText(value)
      if (first === undefined) first = text
      else if (text !== first) return true
    }
    return false
  })
}

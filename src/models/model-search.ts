import type { Model } from '../api/model-schema'
import { modelColumns } from './columns'
import { hyperparameterColumn, hyperparameterPrefix } from './hyperparameters'
import type { IndexSpec } from './model-index'
import type { ModelColumnMeta } from './table-features'

/** What a search looks in that differs from model to model. */
const ownSearchTexts = [(model: Model) => model.modelName, (model: Model) => model.modelId]

/**
 * The rest of what a search looks in, which many models share: their status, base model,
 * instance type, checkpoint names and failure reason. Plain concatenation: it runs once per model
 * of the account, 100,000 times for a big one.
 */
export function sharedSearchTextOf(model: Model): string {
  let text = `${model.status}\n${model.baseModel}\n${model.instanceType}`
  if (model.secondaryStatus) text += `\n${model.secondaryStatus}`
  if (model.baseCheckpoint) text += `\n${model.baseCheckpoint}`
  if (model.checkpoints.length) text += `\n${model.checkpoints.join(' ')}`
  if (model.failureReason) text += `\n${model.failureReason}`
  return text
}

export function columnIdOf(definition: { id?: string; accessorKey?: unknown }): string {
  return definition.id ?? String(definition.accessorKey)
}

const metaById = new Map<string, ModelColumnMeta>(
  modelColumns.flatMap((definition) =>
    definition.meta ? [[columnIdOf(definition), definition.meta] as const] : [],
  ),
)

export function columnMeta(id: string): ModelColumnMeta | undefined {
  if (id.startsWith(hyperparameterPrefix)) {
    return hyperparameterColumn(id.slice(hyperparameterPrefix.length)).meta
  }
  return metaById.get(id)
}

/** The ids of the columns whose meta asks for a facet filter, in column order. */
export const facetIds = [...metaById].filter(([, meta]) => meta.facet).map(([id]) => id)

export const modelIndexSpec: IndexSpec = {
  ownSearchTexts,
  sharedSearchTextOf,
  facetValueOf: (id) => columnMeta(id)?.facet?.valueOf,
  sortKeyOf: (id) => columnMeta(id)?.sortKey,
}

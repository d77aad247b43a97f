import type { Model } from '@/api/model-schema'
import { phaseOf } from '@/models/domain/status'
import type { IndexSpec } from '@/models/engine/model-index'

import type { ModelColumnMeta } from './column-meta'
import { hyperparameterColumn, hyperparameterPrefix } from './hyperparameter-columns'
import { modelColumns } from './model-columns'

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

/** The table's own columns, in order (hyperparameter columns come after them). */
export const baseColumnIds = modelColumns.map(columnIdOf)

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

/** The ids of the columns whose meta asks for a facet filter, in column order: the menus. */
export const columnFacetIds = [...metaById].filter(([, meta]) => meta.facet).map(([id]) => id)

/**
 * A facet of no column: the phase of each model, from both of its statuses. The quick filters
 * and the triage strip filter by it, so a model drawn as running is always "In progress".
 */
export const phaseFacetId = 'phase'

/** Every facet, each a URL parameter and a filter. */
export const facetIds = [...columnFacetIds, phaseFacetId]

export const modelIndexSpec: IndexSpec = {
  ownSearchTexts,
  sharedSearchTextOf,
  facetValueOf: (id) => (id === phaseFacetId ? phaseOf : columnMeta(id)?.facet?.valueOf),
  sortKeyOf: (id) => columnMeta(id)?.sortKey,
}

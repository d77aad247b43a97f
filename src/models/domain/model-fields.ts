import { checkpointPattern, uuidPattern } from '@common/model-id'

import type { Model } from '@/api/model-schema'
import { formatCount, formatDuration } from '@/lib/format'

/** How the newest checkpoint is called wherever it is shown: column, compare, panel. */
export const newestCheckpointLabel = 'Newest checkpoint'

export function newestCheckpoint(model: Model): string | undefined {
  return model.checkpoints.at(-1)
}

/** The documented limit when a task was started without `maxTrainingTime`: 24 h. */
export const defaultTimeLimitSeconds = 86_400

/** The one phrase for a task started without a limit: "Not set (24 h default)". */
export const noTimeLimit = `Not set (${formatDuration(defaultTimeLimitSeconds)} default)`

/** What came for a field read with a warning (shown as it came), if it was. */
export function cameAs(model: Model, field: keyof Model): string | undefined {
  // Most models have no warning: one length check per cell.
  return model.warnings.length
    ? model.warnings.find((warning) => warning.field === field)?.came
    : undefined
}

/** The time limit for people: `1 h 30 min (5,400 s)`, the phrase above, or what came. */
export function timeLimitText(model: Model): string {
  const { maxTrainingTime } = model
  if (maxTrainingTime !== undefined) {
    return `${formatDuration(maxTrainingTime)} (${formatCount(maxTrainingTime)} s)`
  }
  return cameAs(model, 'maxTrainingTime') ?? noTimeLimit
}

/** The base model with the legacy base checkpoint, when the model has one. */
export function baseModelText({ baseModel, baseCheckpoint }: Model): string {
  return baseCheckpoint ? `${baseModel} (${baseCheckpoint})` : baseModel
}

/**
 * Whether the service can be asked about this model: the dashboard's server forwards only model
 * ids that are UUIDs, as the service's own ids are (it answers `Invalid model id` otherwise).
 */
export function isAddressable({ modelId }: Model): boolean {
  return uuidPattern.test(modelId)
}

/** Why the panel asks the service nothing about a model whose id is not addressable. */
export function notAddressable(model: Model, what: string): string {
  return `${what} cannot be asked for: this model's id (${model.modelId}) is not a UUID, and the dashboard's server forwards only UUIDs (Marqtune's own ids are UUIDs), so it is not sent.`
}

/** Whether the service can be asked about this checkpoint of an addressable model. */
export function isAddressableCheckpoint(checkpoint: string): boolean {
  return checkpointPattern.test(checkpoint)
}

/** The name to show and to name controls by: a model sent without one is still called something. */
export function displayName(model: Model): string {
  return model.modelName || `(no name) ${model.modelId}`
}

import type { Model } from '@/api/model-schema'
import { formatCount, formatDuration } from '@/lib/format'

/** How the newest checkpoint is called wherever it is shown: column, compare, panel. */
export const newestCheckpointLabel = 'Newest checkpoint'

export function newestCheckpoint(model: Model): string | undefined {
  return model.checkpoints.at(-1)
}

/** The one phrase for a task started without a limit: the service then stops it after 24 h. */
export const noTimeLimit = 'Not set (24 h default)'

/** The time limit for people: `1 h 30 min (5,400 s)`, or the phrase above. */
export function timeLimitText({ maxTrainingTime }: Model): string {
  return maxTrainingTime === undefined
    ? noTimeLimit
    : `${formatDuration(maxTrainingTime)} (${formatCount(maxTrainingTime)} s)`
}

/** The base model with the legacy base checkpoint, when the model has one. */
export function baseModelText({ baseModel, baseCheckpoint }: Model): string {
  return baseCheckpoint ? `${baseModel} (${baseCheckpoint})` : baseModel
}

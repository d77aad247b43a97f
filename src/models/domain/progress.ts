import type { Model } from '@/api/model-schema'
import { formatDuration } from '@/lib/format'

import { defaultTimeLimitSeconds } from './model-fields'

/** Epochs done (one checkpoint each) of epochs planned, when the hyperparameters say. */
export type TrainingProgress = { done: number; planned: number | undefined }

export function trainingProgress(model: Model): TrainingProgress {
  const { epochs } = model.hyperparameters
  const planned =
    typeof epochs === 'number' && Number.isInteger(epochs) && epochs > 0 ? epochs : undefined
  return { done: model.checkpoints.length, planned }
}

/** `epoch 3 of 5`, or what is known when the plan is not. */
export function progressText({ done, planned }: TrainingProgress): string {
  return planned === undefined
    ? `epoch ${done} of an unknown number`
    : `epoch ${Math.min(done, planned)} of ${planned}`
}

export type TimeBudget = {
  /** Since the first log line; undefined when the log has no time yet. */
  elapsedSeconds: number | undefined
  limitSeconds: number
  limitIsDefault: boolean
  /** From the pace of the epochs so far; undefined with why in `unknownBecause`. */
  estimate: { leftSeconds: number; perEpochSeconds: number } | undefined
  unknownBecause: string | undefined
  /** Set when the limit has passed or the estimate passes it: the service stops the task first. */
  warning: string | undefined
}

/**
 * How a running model fares against its time limit. Pure: `startedAt` is the first log line's
 * time (ms), `now` the clock (ms).
 */
export function timeBudget(model: Model, startedAt: number | undefined, now: number): TimeBudget {
  const limitIsDefault = model.maxTrainingTime === undefined
  const limitSeconds = model.maxTrainingTime ?? defaultTimeLimitSeconds
  const elapsedSeconds = startedAt === undefined ? undefined : Math.max(0, (now - startedAt) / 1000)
  const { done, planned } = trainingProgress(model)
  const budget: TimeBudget = {
    elapsedSeconds,
    limitSeconds,
    limitIsDefault,
    estimate: undefined,
    unknownBecause: undefined,
    warning: undefined,
  }
  if (elapsedSeconds !== undefined && elapsedSeconds >= limitSeconds) {
    budget.warning = `The time limit has passed (${formatDuration(elapsedSeconds - limitSeconds)} ago): the service stops the task at its limit.`
  }
  if (elapsedSeconds === undefined) budget.unknownBecause = 'the log has no start time yet'
  else if (planned === undefined)
    budget.unknownBecause = 'the number of epochs planned is not known'
  else if (done === 0) budget.unknownBecause = 'no epoch has finished yet'
  if (budget.unknownBecause || elapsedSeconds === undefined || planned === undefined) return budget

  const perEpochSeconds = elapsedSeconds / done
  const leftSeconds = Math.max(0, planned - done) * perEpochSeconds
  budget.estimate = { leftSeconds, perEpochSeconds }
  if (!budget.warning && elapsedSeconds + leftSeconds > limitSeconds) {
    budget.warning = `The estimate passes the time limit by ${formatDuration(elapsedSeconds + leftSeconds - limitSeconds)}: the task will be stopped first.`
  }
  return budget
}

/** `about 40 min left at 12 min an epoch (an estimate)`, or what is unknown. */
export function estimateText(budget: TimeBudget): string {
  if (!budget.estimate) return `Not known yet: ${budget.unknownBecause}.`
  const { leftSeconds, perEpochSeconds } = budget.estimate
  const pace = `${formatDuration(perEpochSeconds)} an epoch`
  return leftSeconds === 0
    ? `every planned epoch is done, at ${pace}`
    : `about ${formatDuration(leftSeconds)} left at ${pace} (an estimate)`
}

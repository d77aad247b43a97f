import type { Model } from '@/api/model-schema'
import { oncePerList } from '@/lib/once'

/** Where a model is in its life; the service's own spelling is always what is shown. */
export type StatusPhase = 'waiting' | 'running' | 'ready' | 'stopped' | 'failed' | 'unknown'

/** The phases in lifecycle order: how the status column sorts. */
export const phaseRank: Record<StatusPhase, number> = {
  waiting: 0,
  running: 1,
  ready: 2,
  stopped: 3,
  failed: 4,
  unknown: 5,
}

const phaseOfValue: Record<string, StatusPhase> = {
  initializing: 'waiting',
  provisioning: 'waiting',
  uploading: 'waiting',
  pending: 'waiting',
  queued: 'waiting',
  running: 'running',
  training: 'running',
  inprogress: 'running',
  ready: 'ready',
  finished: 'ready',
  succeeded: 'ready',
  stopped: 'stopped',
  deleted: 'stopped',
  failed: 'failed',
  error: 'failed',
}

/**
 * The client knows terminal values only in `status` and the waiting/running ones only in
 * `secondaryStatus`, so a terminal status wins and the secondary one refines the rest.
 */
export function statusPhase(status: string, secondaryStatus = ''): StatusPhase {
  // Few distinct pairs in an account, asked about for every model: remembered, by a lookup
  // that allocates nothing.
  let bySecondary = knownPhases.get(status)
  let phase = bySecondary?.get(secondaryStatus)
  if (phase) return phase
  // An account of unique statuses must not grow this without end.
  if (knownPhaseCount >= 1_000) {
    knownPhases.clear()
    knownPhaseCount = 0
    bySecondary = undefined
  }
  if (!bySecondary) knownPhases.set(status, (bySecondary = new Map()))
  bySecondary.set(secondaryStatus, (phase = classify(status, secondaryStatus)))
  knownPhaseCount++
  return phase
}

const knownPhases = new Map<string, Map<string, StatusPhase>>()
let knownPhaseCount = 0

function classify(status: string, secondaryStatus: string): StatusPhase {
  const primary = phaseOfName(status)
  if (primary === 'ready' || primary === 'stopped' || primary === 'failed') return primary
  return phaseOfName(secondaryStatus) ?? primary ?? 'unknown'
}

/** Own keys only: a status called `constructor` or `__proto__` is unknown, not Object's. */
function phaseOfName(name: string): StatusPhase | undefined {
  const key = normalise(name)
  return Object.hasOwn(phaseOfValue, key) ? phaseOfValue[key] : undefined
}

function normalise(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
}

/** The one classification of a model: its primary and secondary status together. */
export function phaseOf({ status, secondaryStatus }: Model): StatusPhase {
  return statusPhase(status, secondaryStatus)
}

/** The phases of a model that can still change by itself: worth watching. */
export function isInProgress(phase: StatusPhase): boolean {
  return phase === 'waiting' || phase === 'running'
}

/**
 * The ids of the models still on their way: worked out once per list, since the toolbar's
 * watch toggle and the polling ask on every render and every update of the query.
 */
export const inProgressIds = oncePerList((models: readonly Model[]): readonly string[] =>
  models.filter((model) => isInProgress(phaseOf(model))).map((model) => model.modelId),
)

/** The secondary status when it says more than the primary one (whatever their case). */
export function secondaryStatusShown({ status, secondaryStatus }: Model): string | undefined {
  return secondaryStatus && secondaryStatus.toLowerCase() !== status.toLowerCase()
    ? secondaryStatus
    : undefined
}

/** The status as words: `running (provisioning)` when the secondary status says more. */
export function statusText(model: Model): string {
  const secondary = secondaryStatusShown(model)
  return secondary ? `${model.status} (${secondary})` : model.status
}

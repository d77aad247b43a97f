import type { Model } from '@/api/model-schema'
import { oncePerList } from '@/lib/once'

/** Where a model is in its life; the service's own spelling is always what is shown. */
export type StatusPhase = 'waiting' | 'running' | 'ready' | 'stopped' | 'failed' | 'unknown'

/** Each phase in words: the summary bar, the quick filters, a filter's chip. */
export const phaseLabels: Record<StatusPhase, string> = {
  waiting: 'Waiting',
  running: 'Running',
  ready: 'Ready',
  stopped: 'Stopped',
  failed: 'Failed',
  unknown: 'Other',
}

/**
 * Phase values a link may hold besides the phases themselves: `in-progress` is queued and
 * running together, whatever the account holds when the link is opened.
 */
export const phaseGroups: Record<string, readonly StatusPhase[]> = {
  'in-progress': ['waiting', 'running'],
}

/** A phase value in words: a phase's label, `In progress` for the group. */
export function phaseLabelOf(value: string): string {
  if (value === 'in-progress') return 'In progress'
  return isPhase(value) ? phaseLabels[value] : value
}

function isPhase(value: string): value is StatusPhase {
  return Object.hasOwn(phaseRank, value)
}

/** A value a link's phase filter may hold: a phase, or a group of them. */
export function isPhaseValue(value: string): boolean {
  return isPhase(value) || Object.hasOwn(phaseGroups, value)
}

/** The phases a link's phase values stand for; a value that is no phase stands for itself. */
export function phasesOf(values: readonly string[]): string[] {
  return values.flatMap((value) =>
    Object.hasOwn(phaseGroups, value) ? [...phaseGroups[value]!] : [value],
  )
}

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

/** What a status is read from: a model's, an evaluation's or a dataset's two statuses. */
export type Statuses = { status: string; secondaryStatus?: string | undefined }

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

/**
 * The word that decided a model's phase, in the service's own spelling: a terminal status, else
 * the finer secondary status when it names a phase, else the status. The badge shows this word,
 * so one word always comes with one icon and colour: a task whose status says `running` while
 * its secondary status says `provisioning` reads `provisioning`, as it is waiting.
 */
export function statusWord({ status, secondaryStatus }: Statuses): string {
  const primary = phaseOfName(status)
  if (primary === 'ready' || primary === 'stopped' || primary === 'failed') return status
  if (secondaryStatus && phaseOfName(secondaryStatus)) return secondaryStatus
  return status || secondaryStatus || '(none)'
}

/** The secondary status when it says more than the primary one (whatever their case). */
export function secondaryStatusShown({ status, secondaryStatus }: Statuses): string | undefined {
  return secondaryStatus && secondaryStatus.toLowerCase() !== status.toLowerCase()
    ? secondaryStatus
    : undefined
}

/** The status as words: `running (provisioning)` when the secondary status says more. */
export function statusText(model: Statuses): string {
  const secondary = secondaryStatusShown(model)
  return secondary ? `${model.status} (${secondary})` : model.status
}

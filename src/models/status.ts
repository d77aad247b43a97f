import type { Model } from '../api/model-schema'
import type { BadgeTone } from '../components/badge'

/** Where a model is in its life; the service's own spelling is always what is shown. */
export type StatusPhase = 'waiting' | 'running' | 'ready' | 'stopped' | 'failed' | 'unknown'

type PhaseOption = { tone: BadgeTone; icon: string; rank: number }

/** One option map for the status phases: badges and the lifecycle sort order read it. */
export const statusPhases: Record<StatusPhase, PhaseOption> = {
  waiting: { tone: 'violet', icon: '◷', rank: 0 },
  running: { tone: 'blue', icon: '▶', rank: 1 },
  ready: { tone: 'green', icon: '✓', rank: 2 },
  stopped: { tone: 'gray', icon: '■', rank: 3 },
  failed: { tone: 'red', icon: '✕', rank: 4 },
  unknown: { tone: 'amber', icon: '?', rank: 5 },
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
  bySecondary.set(secondaryStatus, (phase = phaseOf(status, secondaryStatus)))
  knownPhaseCount++
  return phase
}

const knownPhases = new Map<string, Map<string, StatusPhase>>()
let knownPhaseCount = 0

function phaseOf(status: string, secondaryStatus: string): StatusPhase {
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

/** The status as words: `running (provisioning)` when the secondary status says more. */
export function statusText({ status, secondaryStatus }: Model): string {
  return secondaryStatus && secondaryStatus !== status ? `${status} (${secondaryStatus})` : status
}

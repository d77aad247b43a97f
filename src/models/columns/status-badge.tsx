import type { Model } from '@/api/model-schema'
import { Badge, type BadgeTone } from '@/components/badge'
import { Highlight } from '@/components/highlight'
import {
  isInProgress,
  phaseOf,
  statusPhase,
  statusText,
  statusWord,
  type Statuses,
  type StatusPhase,
} from '@/models/domain/status'
import { TrainingProgressBar } from './progress-bar'

/** How each phase looks: never colour alone, always its icon and the service's words too. */
export const phaseLooks: Record<StatusPhase, { tone: BadgeTone; icon: string }> = {
  waiting: { tone: 'waiting', icon: '◷' },
  running: { tone: 'info', icon: '▶' },
  ready: { tone: 'success', icon: '✓' },
  stopped: { tone: 'neutral', icon: '■' },
  failed: { tone: 'danger', icon: '✕' },
  unknown: { tone: 'warning', icon: '?' },
}

/**
 * The phase's icon and colour with the word that decided it (statusWord), in a badge of one
 * width so a column of them lines up; both statuses in full on hover and for export
 * (statusText). Models and evaluations read their statuses the same way.
 */
export function PhaseBadge({ statuses }: { statuses: Statuses }) {
  const phase = phaseLooks[statusPhase(statuses.status, statuses.secondaryStatus)]
  return (
    <Badge tone={phase.tone} title={statusText(statuses)} className="w-[6.75rem] flex-none">
      <span aria-hidden="true">{phase.icon}</span>
      <span className="truncate">
        <Highlight text={statusWord(statuses)} />
      </span>
    </Badge>
  )
}

type StatusProps = { model: Model; progress?: boolean }

/** A model's PhaseBadge; with `progress`, how far training has got: laid out by the container. */
export function StatusParts({ model, progress = false }: StatusProps) {
  return (
    <>
      <PhaseBadge statuses={model} />
      {progress && isInProgress(phaseOf(model)) ? (
        <TrainingProgressBar model={model} compact />
      ) : null}
    </>
  )
}

/** StatusParts in a row of their own. */
export function StatusBadge(props: StatusProps) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <StatusParts {...props} />
    </span>
  )
}

import type { Model } from '@/api/model-schema'
import { Badge, type BadgeTone } from '@/components/badge'
import { Highlight } from '@/components/highlight'
import {
  isInProgress,
  phaseOf,
  secondaryStatusShown,
  type StatusPhase,
} from '@/models/domain/status'
import { TrainingProgressBar } from './progress-bar'

/** How each phase looks: never colour alone, always its icon and the service's words too. */
export const phaseLooks: Record<StatusPhase, { tone: BadgeTone; icon: string }> = {
  waiting: { tone: 'violet', icon: '◷' },
  running: { tone: 'blue', icon: '▶' },
  ready: { tone: 'green', icon: '✓' },
  stopped: { tone: 'gray', icon: '■' },
  failed: { tone: 'red', icon: '✕' },
  unknown: { tone: 'amber', icon: '?' },
}

/**
 * The service's status in its own spelling, with the phase's icon and colour, the finer phase,
 * and how far training has got while it is in progress (`progress`: in the table's cell).
 */
export function StatusBadge({ model, progress = false }: { model: Model; progress?: boolean }) {
  const phaseName = phaseOf(model)
  const phase = phaseLooks[phaseName]
  const secondary = secondaryStatusShown(model)
  return (
    <span className="flex items-center gap-1.5 truncate">
      <Badge tone={phase.tone}>
        <span aria-hidden="true">{phase.icon}</span>
        <Highlight text={model.status} />
      </Badge>
      {secondary ? (
        <span className="truncate text-xs text-slate-600">
          <Highlight text={secondary} />
        </span>
      ) : null}
      {progress && isInProgress(phaseName) ? <TrainingProgressBar model={model} compact /> : null}
    </span>
  )
}

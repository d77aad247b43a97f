import type { Model } from '@/api/model-schema'
import { Badge, type BadgeTone } from '@/components/badge'
import { Highlight } from '@/components/highlight'
import {
  isInProgress,
  phaseOf,
  statusText,
  statusWord,
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
 * (statusText). With `progress` (the table's cell), how far training has got while it is in
 * progress.
 */
export function StatusBadge({ model, progress = false }: { model: Model; progress?: boolean }) {
  const phaseName = phaseOf(model)
  const phase = phaseLooks[phaseName]
  return (
    <span className="flex min-w-0 items-center gap-2">
      <Badge tone={phase.tone} title={statusText(model)} className="w-[6.75rem] flex-none">
        <span aria-hidden="true">{phase.icon}</span>
        <span className="truncate">
          <Highlight text={statusWord(model)} />
        </span>
      </Badge>
      {progress && isInProgress(phaseName) ? <TrainingProgressBar model={model} compact /> : null}
    </span>
  )
}

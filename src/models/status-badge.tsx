import type { Model } from '../api/model-schema'
import { Badge } from '../components/badge'
import { Highlight } from '../components/highlight'
import { statusPhase, statusPhases } from './status'

/** The service's status in its own spelling, with the phase's icon and colour, and the finer phase. */
export function StatusBadge({ model }: { model: Model }) {
  const phase = statusPhases[statusPhase(model.status, model.secondaryStatus)]
  const showSecondary =
    model.secondaryStatus && model.secondaryStatus.toLowerCase() !== model.status.toLowerCase()
  return (
    <span className="flex items-center gap-1.5 truncate">
      <Badge tone={phase.tone}>
        <span aria-hidden="true">{phase.icon}</span>
        <Highlight text={model.status} />
      </Badge>
      {showSecondary ? (
        <span className="truncate text-xs text-slate-600">
          <Highlight text={model.secondaryStatus ?? ''} />
        </span>
      ) : null}
    </span>
  )
}

import type { Model } from '@/api/model-schema'
import { progressText, trainingProgress } from '@/models/domain/progress'
import { displayName } from '@/models/domain/model-fields'

/**
 * Epochs done of epochs planned, as a bar with its words: in the status cell (compact) and in
 * the panel. Without a planned number it says so instead of drawing a guess.
 */
export function TrainingProgressBar({
  model,
  compact = false,
}: {
  model: Model
  compact?: boolean
}) {
  const progress = trainingProgress(model)
  const text = progressText(progress)
  if (progress.planned === undefined) {
    return <span className="text-xs whitespace-nowrap text-muted-foreground">{text}</span>
  }
  const done = Math.min(progress.done, progress.planned)
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <span
        // A styled bar with its values stated; <progress> is styled only through vendor pseudo-elements.
        // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- see above
        role="progressbar"
        aria-label={`Training progress of ${displayName(model)}`}
        aria-valuemin={0}
        aria-valuemax={progress.planned}
        aria-valuenow={done}
        aria-valuetext={text}
        className={`${compact ? 'w-8' : 'w-40'} h-1.5 flex-none overflow-hidden rounded-full bg-border`}
      >
        <span
          className="block h-full rounded-full bg-info"
          style={{ width: `${(done / progress.planned) * 100}%` }}
        />
      </span>
      <span className="truncate text-xs whitespace-nowrap text-muted-foreground tabular-nums">
        {compact ? `${done}/${progress.planned}` : text}
      </span>
    </span>
  )
}

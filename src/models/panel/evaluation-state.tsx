import { formatSigned } from '@/lib/format'
import { PhaseBadge } from '@/models/columns/status-badge'
import type { RowEvaluation } from '@/models/domain/checkpoint-metrics'
import type { ReadingState } from '@/models/view/use-evaluation-readings'

/**
 * Why an evaluation shows no numbers: evaluating, failed (with its reason), its results being
 * read, unreadable (and why), or finished without any. `newer`: said of an evaluation newer than
 * the one whose numbers are shown, so the words say so.
 */
export function EvaluationState({
  evaluation,
  state,
  newer = false,
  compact = false,
}: {
  evaluation: RowEvaluation
  state: ReadingState
  newer?: boolean
  compact?: boolean
}) {
  const { phase } = evaluation
  const { failureReason, evaluationId } = evaluation.evaluation
  const failure = state.failures.get(evaluationId)
  const note =
    phase === 'failed'
      ? `${newer ? 'A newer evaluation failed: ' : ''}${failureReason || 'The service gave no reason.'}`
      : phase === 'waiting' || phase === 'running'
        ? newer
          ? 'A newer evaluation is on its way.'
          : 'Evaluating; followed until it finishes.'
        : state.reading.has(evaluationId)
          ? 'Reading its results…'
          : failure
            ? `Its results could not be read: ${failure.message}`
            : phase === 'ready' || phase === 'unknown'
              ? 'No metrics found in its description or its log.'
              : `It is ${evaluation.evaluation.status}.`
  return (
    <span className="flex min-w-0 flex-wrap items-start gap-2">
      <PhaseBadge statuses={evaluation.evaluation} />
      <span
        className={`min-w-0 break-words ${phase === 'failed' ? 'text-danger-text' : 'text-muted-foreground'} ${compact ? 'text-xs' : ''}`}
      >
        {note}
      </span>
    </span>
  )
}

/** A signed difference, coloured by whether it is better, and saying so in words as well. */
export function Difference({ value, better }: { value: number; better: 'higher' | 'lower' }) {
  const gain = better === 'higher' ? value : -value
  const tone =
    gain > 0 ? 'text-success-text' : gain < 0 ? 'text-danger-text' : 'text-muted-foreground'
  return (
    <span className={`tabular-nums ${tone}`}>
      {formatSigned(value)}
      <span className="sr-only">{gain > 0 ? ' (better)' : gain < 0 ? ' (worse)' : ''}</span>
    </span>
  )
}

import { Badge } from '@/components/badge'
import { formatMetric } from '@/lib/format'
import { PhaseBadge } from '@/models/columns/status-badge'
import type { EvaluationRow } from '@/models/domain/evaluation-rows'
import type { SortRule } from '@/models/engine/ranks'
import { isInProgress } from '@/models/domain/status'
import type { ReadingState } from '@/models/view/use-evaluation-readings'

/** What the table and the cards are given: the rows, their sort, how their numbers are read. */
export type EvaluationListProps = {
  rows: readonly EvaluationRow[]
  sort: SortRule | undefined
  onSort: (sort: SortRule | null) => void
  state: ReadingState
  onOpenModel: (modelId: string) => void
}

/** One row's part of it: whether its numbers are being read, and why they could not be. */
export type RowReading = { reading: boolean; failure: Error | undefined }

export function rowReading(state: ReadingState, row: EvaluationRow): RowReading {
  const id = row.evaluation.evaluationId
  return { reading: state.reading.has(id), failure: state.failures.get(id) }
}

/**
 * The cells of an evaluation, shared by the table's rows and the phone's cards: the same words
 * and the same link to the model either way.
 */

/** The status; an evaluation with fields in an unexpected shape is marked, as a model is. */
export function StatusCell({ row }: { row: EvaluationRow }) {
  const { warnings } = row.evaluation
  return (
    <span className="flex min-w-0 items-center gap-1">
      <PhaseBadge statuses={row.evaluation} />
      {warnings.length ? (
        <span
          className="flex-none text-warning-text"
          title={`Read with warnings: ${warnings.map((warning) => `${warning.field} came as ${warning.came}, expected ${warning.expected}`).join('; ')}`}
        >
          <span aria-hidden="true">⚠</span>
          <span className="sr-only">Read with warnings</span>
        </span>
      ) : null}
    </span>
  )
}

/**
 * What it evaluated: a model of the account opens its panel; a model the account does not hold
 * is its id; a base model says so; one that names nothing is unlinked, plainly.
 */
export function ModelCell({
  row,
  onOpenModel,
}: {
  row: EvaluationRow
  onOpenModel: (modelId: string) => void
}) {
  const { subject, modelText } = row
  switch (subject.kind) {
    case 'unlinked':
      return (
        <span
          className="text-muted-foreground italic"
          title="No field of this evaluation names the model it evaluated"
        >
          unlinked
        </span>
      )
    case 'base':
      return (
        <span className="flex min-w-0 items-center gap-1.5">
          <span className="truncate" title={modelText}>
            {modelText}
          </span>
          <Badge tone="neutral" className="flex-none">
            base model
          </Badge>
        </span>
      )
    default: {
      const { model } = subject
      if (!model) {
        return (
          <span className="flex min-w-0 items-center gap-1.5" title={subject.modelId}>
            <span className="truncate font-mono text-xs">{subject.modelId}</span>
            <span className="flex-none text-xs text-muted-foreground">not in this account</span>
          </span>
        )
      }
      return (
        <button
          type="button"
          onClick={() => onOpenModel(model.modelId)}
          title={`Open ${modelText}’s panel`}
          className="min-w-0 truncate rounded-sm text-left font-medium text-accent-text underline-offset-2 hover:underline"
        >
          {modelText}
        </button>
      )
    }
  }
}

export function CheckpointCell({ row }: { row: EvaluationRow }) {
  return row.checkpoint === undefined ? (
    <span className="text-muted-foreground">—</span>
  ) : (
    <span className="truncate font-mono text-xs" title={row.checkpoint}>
      {row.checkpoint}
    </span>
  )
}

/**
 * One metric's number, and where it came from when that was the log; else why there is none:
 * still on its way, being read, could not be read, or not reported.
 */
export function MetricCell({
  row,
  metricKey,
  reading: { reading, failure },
}: {
  row: EvaluationRow
  metricKey: string
  reading: RowReading
}) {
  const metric = row.metrics.byKey.get(metricKey)
  if (metric) {
    const from = metric.source === 'log' ? 'the evaluation’s log' : 'describe'
    return (
      <span
        className="tabular-nums"
        title={`${metric.name} ${metric.value}, read from ${from} (${metric.path})`}
      >
        {formatMetric(metric.value)}
        {metric.source === 'log' ? (
          <span className="ml-1 text-[0.65rem] text-muted-foreground">
            <span aria-hidden="true">log</span>
            <span className="sr-only">(from the log)</span>
          </span>
        ) : null}
      </span>
    )
  }
  const [text, title] = isInProgress(row.phase)
    ? ['…', 'Still on its way: numbers come when it finishes']
    : reading
      ? ['reading…', 'Asking the service for this evaluation’s numbers']
      : failure
        ? ['unread', `Its numbers could not be read: ${failure.message}`]
        : ['—', row.phase === 'ready' ? 'Not reported' : 'No numbers: it did not finish']
  return (
    <span className="text-muted-foreground" title={title}>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{title}</span>
    </span>
  )
}

export function FailureCell({ row }: { row: EvaluationRow }) {
  const reason = row.evaluation.failureReason
  return reason ? (
    <span className="truncate text-danger-text" title={reason}>
      {reason}
    </span>
  ) : null
}

import { Badge } from '@/components/badge'
import { Button } from '@/components/button'
import { formatMetric, plural } from '@/lib/format'
import type {
  CheckpointRow,
  CheckpointTable,
  RowEvaluation,
} from '@/models/domain/checkpoint-metrics'
import { metricDirection } from '@/models/domain/metric-names'
import type { MetricValue } from '@/models/domain/metrics'
import { isAddressableCheckpoint } from '@/models/domain/model-fields'
import type { ReadingState } from '@/models/view/use-evaluation-readings'

import { Difference, EvaluationState } from './evaluation-state'

/** Where a number came from, for its tooltip. */
function sourceOf(value: MetricValue, evaluation: RowEvaluation): string {
  const where =
    value.source === 'describe'
      ? `describe’s evaluationMetrics (${value.path || 'the value itself'})`
      : `the results line of the evaluation’s log (${value.path})`
  return `${value.name} ${value.value} from ${where}; evaluation ${evaluation.evaluation.evaluationId}`
}

const cell = 'px-2 py-1.5 align-top'
const rowHeader = `${cell} sticky left-0 z-[1] bg-surface text-left font-normal`

export function MetricsTable({
  table,
  state,
  onEvaluate,
}: {
  table: CheckpointTable
  state: ReadingState
  onEvaluate: ((checkpoint: string) => void) | undefined
}) {
  const { columns, metric, base } = table
  const span = Math.max(1, columns.length)
  return (
    <section
      aria-label="Metrics by checkpoint"
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls sideways must be reachable by keyboard
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-border focus-visible:outline-2 focus-visible:outline-ring"
    >
      <table className="w-full text-sm">
        <caption className="sr-only">
          Metrics of each checkpoint, newest first, with the difference from the base model
        </caption>
        <thead className="border-b border-border bg-muted text-xs text-muted-foreground">
          <tr>
            <th scope="col" className={`${rowHeader} bg-muted font-medium`}>
              Checkpoint
            </th>
            {columns.length ? (
              columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={`${cell} text-right font-medium whitespace-nowrap ${column.key === metric.key ? 'text-foreground' : ''}`}
                >
                  {column.name}
                  {column.key === metric.key ? <span className="sr-only"> (best by)</span> : null}
                  {column.key === metric.key ? <span aria-hidden="true"> ★</span> : null}
                </th>
              ))
            ) : (
              <th scope="col" className={`${cell} text-left font-medium`}>
                Evaluation
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {table.rows.map((row, position) => (
            <CheckpointMetricsRow
              // oxlint-disable-next-line react/no-array-index-key -- checkpoint names read from odd shapes may repeat
              key={position}
              row={row}
              table={table}
              span={span}
              state={state}
              onEvaluate={onEvaluate}
            />
          ))}
        </tbody>
        <tfoot className="border-t-2 border-border">
          <tr>
            <th scope="row" className={rowHeader}>
              <span className="block text-xs text-muted-foreground">Base model</span>
              <span className="block max-w-48 truncate font-mono text-xs" title={base.name}>
                {base.name || '(not named)'}
              </span>
            </th>
            {base.counted?.metrics.values.length ? (
              columns.map((column) => (
                <MetricCell
                  key={column.key}
                  evaluation={base.counted!}
                  metricKey={column.key}
                  difference={undefined}
                />
              ))
            ) : (
              <td colSpan={span} className={`${cell} text-xs text-muted-foreground`}>
                {base.counted || base.evaluations[0] ? (
                  <EvaluationState
                    evaluation={(base.counted ?? base.evaluations[0])!}
                    state={state}
                  />
                ) : base.missing === 'dataset not named' ? (
                  'Cannot be matched: these evaluations name no dataset.'
                ) : (
                  'Not evaluated on this dataset.'
                )}
              </td>
            )}
          </tr>
        </tfoot>
      </table>
    </section>
  )
}

function CheckpointMetricsRow({
  row,
  table,
  span,
  state,
  onEvaluate,
}: {
  row: CheckpointRow
  table: CheckpointTable
  span: number
  state: ReadingState
  onEvaluate: ((checkpoint: string) => void) | undefined
}) {
  const newest = row.evaluations[0]
  const { counted } = row
  const others = row.evaluations.length - (counted ? 1 : 0)
  // The newest evaluation is said in the row when its numbers are not the ones shown.
  const newer = counted && newest !== counted ? newest : undefined
  return (
    <tr className={row.isBest ? 'bg-success-soft/40' : undefined}>
      <th scope="row" className={rowHeader}>
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="font-mono text-xs">{row.checkpoint}</span>
          {row.isBest ? (
            <Badge tone="success" title={`The best checkpoint by ${table.metric.name}`}>
              best
            </Badge>
          ) : null}
        </span>
        {newer ? (
          <span className="mt-1 block">
            <EvaluationState evaluation={newer} state={state} newer compact />
          </span>
        ) : null}
        {counted && others > 0 ? (
          <span className="block text-xs text-muted-foreground">
            {plural(others, 'other evaluation')}: the newest finished with numbers is shown
          </span>
        ) : null}
      </th>
      {counted?.metrics.values.length ? (
        table.columns.map((column) => (
          <MetricCell
            key={column.key}
            evaluation={counted}
            metricKey={column.key}
            difference={row.difference.get(column.key)}
          />
        ))
      ) : (
        <td colSpan={span} className={`${cell} text-xs`}>
          {counted || newest ? (
            <EvaluationState evaluation={(counted ?? newest)!} state={state} />
          ) : (
            <span className="flex flex-wrap items-center gap-2 text-muted-foreground">
              Not evaluated on this dataset.
              {onEvaluate && isAddressableCheckpoint(row.checkpoint) ? (
                <Button size="sm" onClick={() => onEvaluate(row.checkpoint)}>
                  Evaluate {row.checkpoint}…
                </Button>
              ) : null}
            </span>
          )}
        </td>
      )}
    </tr>
  )
}

/** One number, with its difference from the base model's judged by its own metric's direction. */
function MetricCell({
  evaluation,
  metricKey,
  difference,
}: {
  evaluation: RowEvaluation
  metricKey: string
  difference: number | undefined
}) {
  const value = evaluation.metrics.byKey.get(metricKey)
  if (!value) {
    return (
      <td className={`${cell} text-right text-muted-foreground`}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">not reported</span>
      </td>
    )
  }
  return (
    <td className={`${cell} text-right tabular-nums`} title={sourceOf(value, evaluation)}>
      <span className="block">{formatMetric(value.value)}</span>
      {difference !== undefined ? (
        <span className="block text-xs">
          <Difference value={difference} better={metricDirection(metricKey).better} />
        </span>
      ) : null}
    </td>
  )
}

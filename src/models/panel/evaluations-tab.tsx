import { useMemo, useState } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { Badge } from '@/components/badge'
import { Button } from '@/components/button'
import type { ChartSeries } from '@/components/chart-data'
import { LineChart } from '@/components/line-chart-lazy'
import { SelectField } from '@/components/select-field'
import { formatMetric, formatSigned, plural } from '@/lib/format'
import { PhaseBadge } from '@/models/columns/status-badge'
import {
  firstBetterThanBase,
  type CheckpointRow,
  type CheckpointTable,
  type RowEvaluation,
} from '@/models/domain/checkpoint-metrics'
import type { MetricValue } from '@/models/domain/metrics'
import { isAddressable, isAddressableCheckpoint } from '@/models/domain/model-fields'
import { useCheckpointTable, useDatasetNames } from '@/models/view/use-checkpoint-table'

import { EvaluateDialog } from './evaluate-dialog'

type TabProps = { model: Model; credentials: Credentials; readOnly: boolean }

/**
 * The walkthrough's question answered on screen: did fine-tuning help, and from which epoch?
 * Each checkpoint's metrics on one dataset (newest first), the best for the chosen metric
 * marked, the base model's numbers beside them with each difference signed, a chart of the
 * chosen metric by epoch, and every evaluation that could not be placed or read, listed.
 */
export function EvaluationsTab({ model, credentials, readOnly }: TabProps) {
  const [datasetKey, setDatasetKey] = useState<string>()
  const [evaluating, setEvaluating] = useState<string>()
  const { list, readings, table, setMetric } = useCheckpointTable(credentials, model, datasetKey)
  const names = useDatasetNames(credentials)
  const canEvaluate = !readOnly && isAddressable(model)
  const onEvaluate = canEvaluate ? setEvaluating : undefined

  if (!list.data) {
    if (!list.error) return <p className="text-sm text-muted-foreground">Loading evaluations…</p>
    return (
      <p role="alert" className="text-sm text-danger-text">
        The evaluations could not be read: {list.error.message}{' '}
        <Button size="sm" onClick={() => void list.refetch()} disabled={list.isFetching}>
          {list.isFetching ? 'Retrying…' : 'Try again'}
        </Button>
      </p>
    )
  }
  const datasetName = names.labelOf(table.dataset?.datasetId)

  return (
    <div className="flex flex-col gap-4">
      {list.error ? (
        <p className="text-xs text-danger-text">
          Asking for the evaluations again failed ({list.error.message}); these are the last ones
          read.
        </p>
      ) : null}
      {table.datasets.length === 0 ? (
        <NoEvaluations model={model} onEvaluate={onEvaluate} readOnly={readOnly} />
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3 text-sm">
            <SelectField
              label="Dataset"
              value={table.dataset?.key}
              onChange={setDatasetKey}
              className="max-w-64"
              options={table.datasets.map((choice) => ({
                value: choice.key,
                label: `${names.labelOf(choice.datasetId)} (${plural(choice.evaluations, 'evaluation')})`,
              }))}
            />
            {table.columns.length ? (
              <SelectField
                label="Best by"
                value={table.metric.key}
                onChange={setMetric}
                options={table.columns.map((column) => ({ value: column.key, label: column.name }))}
              />
            ) : null}
            <p className="pb-1 text-xs text-muted-foreground">
              {table.metric.better === 'higher' ? 'Higher' : 'Lower'} is better
              {table.metric.assumed ? ' (assumed: the name does not say)' : ''}
            </p>
            <p aria-live="polite" className="pb-1 text-xs text-muted-foreground">
              {readings.reading.size
                ? `Reading the results of ${plural(readings.reading.size, 'evaluation')}…`
                : ''}
            </p>
          </div>
          <Verdict table={table} datasetName={datasetName} />
          <MetricChart table={table} datasetName={datasetName} />
          <MetricsTable table={table} failures={readings.failures} onEvaluate={onEvaluate} />
          <OtherEvaluations table={table} failures={readings.failures} />
          <p className="text-xs text-muted-foreground">
            Numbers come from each evaluation’s description (<code>evaluationMetrics</code>) or,
            when it holds none, from the results line of its log, as Marqo’s walkthrough reads them:
            hover a number to see which. Differences are against the base model’s evaluation on the
            same dataset.
            {readOnly ? ' This dashboard is read-only: starting evaluations is turned off.' : ''}
          </p>
        </>
      )}
      {evaluating ? (
        <EvaluateDialog
          model={model}
          checkpoint={evaluating}
          credentials={credentials}
          onClose={() => setEvaluating(undefined)}
        />
      ) : null}
    </div>
  )
}

function NoEvaluations({
  model,
  onEvaluate,
  readOnly,
}: {
  model: Model
  onEvaluate: ((checkpoint: string) => void) | undefined
  readOnly: boolean
}) {
  const newest = model.checkpoints.at(-1)
  return (
    <div className="flex flex-col items-start gap-2 text-sm">
      <p className="text-foreground">No evaluation of this model yet.</p>
      <p className="text-muted-foreground">
        An evaluation scores a checkpoint on an evaluation dataset. Evaluate a checkpoint and its
        base model on the same dataset to see whether fine-tuning helped, and from which epoch.
      </p>
      {newest && onEvaluate && isAddressableCheckpoint(newest) ? (
        <Button variant="primary" size="sm" onClick={() => onEvaluate(newest)}>
          Evaluate {newest}…
        </Button>
      ) : readOnly ? (
        <p className="text-xs text-muted-foreground">
          This dashboard is read-only: starting evaluations is turned off.
        </p>
      ) : null}
    </div>
  )
}

/** The answer in one box: the best checkpoint, and what it gained over the base model. */
function Verdict({ table, datasetName }: { table: CheckpointTable; datasetName: string }) {
  const { best, metric, base } = table
  const bestRow = table.rows.find((row) => row.isBest)
  const gained = bestRow?.difference.get(metric.key)
  const first = firstBetterThanBase(table)
  const evaluatedCheckpoints = table.rows.filter((row) => row.evaluations.length).length
  return (
    <section
      aria-label="Best checkpoint"
      className="flex flex-col gap-1 rounded-md border border-border bg-muted/40 p-3 text-sm"
    >
      {best ? (
        <p>
          Best by {metric.name} on {datasetName}:{' '}
          <strong className="font-mono">{best.checkpoint}</strong> ({formatMetric(best.value)})
          {best.tiedWith.length
            ? `, tied with ${best.tiedWith.join(', ')}: the earlier epoch is marked`
            : ''}
          .
        </p>
      ) : (
        <p>
          {evaluatedCheckpoints
            ? `No finished evaluation of a checkpoint on ${datasetName} reports ${metric.name} yet.`
            : `No checkpoint of this model has an evaluation on ${datasetName}.`}
        </p>
      )}
      {best && gained !== undefined ? (
        <p>
          <Difference value={gained} better={metric.better} /> against the base model{' '}
          <code className="font-mono text-xs">{base.name}</code>.{' '}
          {first
            ? `Better than the base model from ${first.checkpoint} on.`
            : `No checkpoint beats the base model on ${metric.name}.`}
        </p>
      ) : base.missing === 'no evaluation on this dataset' ? (
        <p className="text-muted-foreground">
          The base model <code className="font-mono text-xs">{base.name}</code> has no evaluation on
          this dataset: evaluate it to see whether fine-tuning helped.
        </p>
      ) : base.missing === 'dataset not named' ? (
        <p className="text-muted-foreground">
          These evaluations do not name their dataset, so the base model’s cannot be matched to
          them.
        </p>
      ) : !base.counted ? (
        <p className="text-muted-foreground">
          The base model’s evaluation on this dataset has not finished: nothing to compare with yet.
        </p>
      ) : null}
    </section>
  )
}

/** A signed difference, coloured by whether it is better, and saying so in words as well. */
function Difference({ value, better }: { value: number; better: 'higher' | 'lower' }) {
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

/** The chosen metric by epoch, with the base model's as a level line to beat. */
function MetricChart({ table, datasetName }: { table: CheckpointTable; datasetName: string }) {
  const { metric, base } = table
  const series = useMemo((): ChartSeries[] => {
    const points = table.rows.flatMap((row) => {
      const value = row.counted?.metrics.byKey.get(metric.key)?.value
      return row.epoch === undefined || value === undefined ? [] : [{ x: row.epoch, y: value }]
    })
    if (points.length < 2) return []
    const baseValue = base.counted?.metrics.byKey.get(metric.key)?.value
    const xs = points.map((point) => point.x)
    return [
      { label: 'Checkpoints', points },
      ...(baseValue === undefined
        ? []
        : [
            {
              label: 'Base model',
              points: [
                { x: Math.min(...xs), y: baseValue },
                { x: Math.max(...xs), y: baseValue },
              ],
            },
          ]),
    ]
  }, [table.rows, metric.key, base.counted])
  if (!series.length) return null
  return (
    <LineChart
      title={`${metric.name} by epoch on ${datasetName}`}
      series={series}
      xLabel="epoch"
      yLabel={metric.name}
      formatY={formatMetric}
      height={180}
    />
  )
}

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

function MetricsTable({
  table,
  failures,
  onEvaluate,
}: {
  table: CheckpointTable
  failures: ReadonlyMap<string, Error>
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
              failures={failures}
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
            {base.counted ? (
              columns.map((column) => (
                <MetricCell
                  key={column.key}
                  evaluation={base.counted!}
                  metricKey={column.key}
                  better={undefined}
                  difference={undefined}
                />
              ))
            ) : (
              <td colSpan={span} className={`${cell} text-xs text-muted-foreground`}>
                {base.evaluations[0] ? (
                  <EvaluationState evaluation={base.evaluations[0]} failures={failures} />
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
  failures,
  onEvaluate,
}: {
  row: CheckpointRow
  table: CheckpointTable
  span: number
  failures: ReadonlyMap<string, Error>
  onEvaluate: ((checkpoint: string) => void) | undefined
}) {
  const newest = row.evaluations[0]
  const others = row.evaluations.length - (row.counted ? 1 : 0)
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
        {row.counted && newest && newest !== row.counted ? (
          <span className="mt-1 block">
            <EvaluationState evaluation={newest} failures={failures} compact />
          </span>
        ) : null}
        {row.counted && others > 0 ? (
          <span className="block text-xs text-muted-foreground">
            {plural(others, 'other evaluation')}: the newest finished is shown
          </span>
        ) : null}
      </th>
      {row.counted ? (
        table.columns.map((column) => (
          <MetricCell
            key={column.key}
            evaluation={row.counted!}
            metricKey={column.key}
            better={table.metric.better}
            difference={row.difference.get(column.key)}
          />
        ))
      ) : (
        <td colSpan={span} className={`${cell} text-xs`}>
          {newest ? (
            <EvaluationState evaluation={newest} failures={failures} />
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

function MetricCell({
  evaluation,
  metricKey,
  better,
  difference,
}: {
  evaluation: RowEvaluation
  metricKey: string
  better: 'higher' | 'lower' | undefined
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
      {difference !== undefined && better ? (
        <span className="block text-xs">
          <Difference value={difference} better={better} />
        </span>
      ) : null}
    </td>
  )
}

/** An evaluation without numbers to show: running, failed (with its reason), or unreadable. */
function EvaluationState({
  evaluation,
  failures,
  compact = false,
}: {
  evaluation: RowEvaluation
  failures: ReadonlyMap<string, Error>
  compact?: boolean
}) {
  const { phase } = evaluation
  const { failureReason, evaluationId } = evaluation.evaluation
  const failure = failures.get(evaluationId)
  const note =
    phase === 'failed'
      ? failureReason || 'The service gave no reason.'
      : phase === 'waiting' || phase === 'running'
        ? compact
          ? 'a newer evaluation is on its way'
          : 'Evaluating; followed until it finishes.'
        : failure
          ? `Its results could not be read: ${failure.message}`
          : phase === 'ready' || phase === 'unknown'
            ? 'No metrics found in its description or its log.'
            : ''
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

/** Evaluations that name no checkpoint, and values that are not numbers: listed, never dropped. */
function OtherEvaluations({
  table,
  failures,
}: {
  table: CheckpointTable
  failures: ReadonlyMap<string, Error>
}) {
  const unread = [
    ...table.rows.flatMap((row) => row.evaluations),
    ...table.base.evaluations,
  ].flatMap((evaluation) => evaluation.metrics.unread.map((metric) => ({ evaluation, metric })))
  if (!table.unplaced.length && !unread.length) return null
  return (
    <div className="flex flex-col gap-2 text-sm">
      {table.unplaced.length ? (
        <section aria-label="Evaluations that name no checkpoint">
          <h3 className="mb-1 text-xs font-semibold text-muted-foreground">
            Evaluations of this model that name no checkpoint
          </h3>
          <ul className="flex flex-col gap-1">
            {table.unplaced.map((evaluation) => (
              <li key={evaluation.evaluation.evaluationId} className="flex flex-wrap gap-2">
                <code className="font-mono text-xs">{evaluation.evaluation.evaluationId}</code>
                {evaluation.metrics.values.length ? (
                  <span className="text-xs tabular-nums">
                    {evaluation.metrics.values
                      .slice(0, 4)
                      .map((value) => `${value.name} ${formatMetric(value.value)}`)
                      .join(', ')}
                  </span>
                ) : (
                  <EvaluationState evaluation={evaluation} failures={failures} compact />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {unread.length ? (
        <section aria-label="Values that are not numbers">
          <h3 className="mb-1 text-xs font-semibold text-muted-foreground">
            Values under a metric’s name that are not numbers, shown as they came
          </h3>
          <ul className="flex flex-col gap-0.5 text-xs">
            {unread.map(({ evaluation, metric }) => (
              <li key={`${evaluation.evaluation.evaluationId} ${metric.source} ${metric.path}`}>
                <span className="font-mono">{metric.name}</span>: {metric.came} (
                {metric.source === 'describe' ? 'describe' : 'the log'})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

import { useMemo, useState } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { Button } from '@/components/button'
import type { ChartSeries } from '@/components/chart-data'
import { LineChart } from '@/components/line-chart-lazy'
import { SelectField } from '@/components/select-field'
import { formatMetric, plural } from '@/lib/format'
import { firstBetterThanBase, type CheckpointTable } from '@/models/domain/checkpoint-metrics'
import { isAddressable, isAddressableCheckpoint } from '@/models/domain/model-fields'
import { useCheckpointTable, useDatasetNames } from '@/models/view/use-checkpoint-table'
import type { ReadingState } from '@/models/view/use-evaluation-readings'

import { EvaluateDialog } from './evaluate-dialog'
import { Difference, EvaluationState } from './evaluation-state'
import { MetricsTable } from './metrics-table'

const readOnlyNote = 'This dashboard is read-only: starting evaluations is turned off.'

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
          <MetricsTable table={table} state={readings} onEvaluate={onEvaluate} />
          <OtherEvaluations table={table} state={readings} />
          <p className="text-xs text-muted-foreground">
            Numbers come from each evaluation’s description (<code>evaluationMetrics</code>) or,
            when it holds none, from the results line of its log, as Marqo’s walkthrough reads them:
            hover a number to see which. Differences are against the base model’s evaluation on the
            same dataset.
            {readOnly ? ` ${readOnlyNote}` : ''}
          </p>
        </>
      )}
      {evaluating ? (
        <EvaluateDialog
          model={model}
          checkpoint={evaluating}
          initialDatasetId={table.dataset?.datasetId}
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
        <p className="text-xs text-muted-foreground">{readOnlyNote}</p>
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
            : (metric.better === 'higher' ? gained > 0 : gained < 0)
              ? `${best.checkpoint} beats the base model, but the newest checkpoint evaluated does not.`
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
      ) : !base.counted?.metrics.values.length ? (
        <p className="text-muted-foreground">{baseNotReady(base.counted ?? base.evaluations[0])}</p>
      ) : null}
    </section>
  )
}

/** Why the base model's evaluation gives nothing to compare with, in its own state's words. */
function baseNotReady(evaluation: CheckpointTable['base']['counted']): string {
  switch (evaluation?.phase) {
    case 'failed':
      return `The base model’s evaluation on this dataset failed (${evaluation.evaluation.failureReason || 'no reason given'}): evaluate it again to compare.`
    case 'stopped':
      return 'The base model’s evaluation on this dataset was stopped: evaluate it again to compare.'
    case 'ready':
      return 'The base model’s evaluation on this dataset has no numbers that could be read.'
    default:
      return 'The base model’s evaluation on this dataset has not finished: nothing to compare with yet.'
  }
}

/** The checkpoints' points, and the base model's value as a level line across them. */
function lineToBeat(
  points: readonly { x: number; y: number }[],
  baseValue: number | undefined,
): ChartSeries[] {
  if (points.length < 2) return []
  const xs = points.map((point) => point.x)
  const base =
    baseValue === undefined
      ? []
      : [
          {
            label: 'Base model',
            points: [
              { x: Math.min(...xs), y: baseValue },
              { x: Math.max(...xs), y: baseValue },
            ],
          },
        ]
  return [{ label: 'Checkpoints', points }, ...base]
}

/** The chosen metric by epoch, with the base model's as a level line to beat. */
function MetricChart({ table, datasetName }: { table: CheckpointTable; datasetName: string }) {
  const { metric, base } = table
  const points = table.rows.flatMap((row) => {
    const value = row.counted?.metrics.byKey.get(metric.key)?.value
    return row.epoch === undefined || value === undefined ? [] : [{ x: row.epoch, y: value }]
  })
  const baseValue = base.counted?.metrics.byKey.get(metric.key)?.value
  // The same numbers draw the same chart: a reading arriving elsewhere keeps the zoom and cursor.
  const drawn = JSON.stringify([points, baseValue])
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- `drawn` is what the series are made of
  const series = useMemo((): ChartSeries[] => lineToBeat(points, baseValue), [drawn])
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

/** Evaluations that name no checkpoint, and values that are not numbers: listed, never dropped. */
function OtherEvaluations({ table, state }: { table: CheckpointTable; state: ReadingState }) {
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
                  <EvaluationState evaluation={evaluation} state={state} compact />
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

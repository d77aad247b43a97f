import type { Evaluation } from '@/api/evaluation-schema'
import type { Model } from '@/api/model-schema'

import { bestCheckpoint, epochOf, newerCheckpoint, type Best } from './best-checkpoint'
import { evaluationPhase, newestFirst } from './evaluation-status'
import { defaultMetricKey, knownMetricRank, knownMetrics, metricDirection } from './metric-names'
import { evaluationMetrics, type MetricsReading } from './metrics'
import type { StatusPhase } from './status'

/**
 * The walkthrough's question, as a table: did fine-tuning help, and from which epoch? One model's
 * evaluations on one dataset, a row a checkpoint (newest epoch first), the best checkpoint for a
 * chosen metric, and the base model's evaluation on the same dataset to compare each with.
 */

export type RowEvaluation = {
  evaluation: Evaluation
  phase: StatusPhase
  metrics: MetricsReading
}

export type CheckpointRow = {
  checkpoint: string
  /** The number in the checkpoint's name (`epoch_3` is 3): how rows are ordered. */
  epoch: number | undefined
  /** Every evaluation of this checkpoint on the dataset, newest first; none: not evaluated yet. */
  evaluations: readonly RowEvaluation[]
  /** The newest finished one: its numbers are shown and compared. The others are listed. */
  counted: RowEvaluation | undefined
  /** Each metric of `counted` minus the base model's (signed), by metric key. */
  difference: ReadonlyMap<string, number>
  isBest: boolean
}

export type BaseComparison = {
  /** The model's `baseModel`: what its evaluation names as its model. */
  name: string
  evaluations: readonly RowEvaluation[]
  counted: RowEvaluation | undefined
  /** Why there is nothing to compare with, when there is not. */
  missing: 'no evaluation on this dataset' | 'dataset not named' | 'no dataset' | undefined
}

/** A dataset this model's evaluations used; `key` is '' for evaluations that name none. */
export type DatasetChoice = { key: string; datasetId: string | undefined; evaluations: number }

export type CheckpointTable = {
  dataset: DatasetChoice | undefined
  /** Every dataset this model was evaluated on: most evaluations first. */
  datasets: readonly DatasetChoice[]
  metric: { key: string; name: string; better: 'higher' | 'lower'; assumed: boolean }
  /** The metrics shown: the docs' ones first in their order, then others as met. */
  columns: readonly { key: string; name: string }[]
  rows: readonly CheckpointRow[]
  best: Best | undefined
  base: BaseComparison
  /** Evaluations of this model on this dataset that name no checkpoint. */
  unplaced: readonly RowEvaluation[]
}

export type CheckpointTableOptions = {
  /**
   * The metric the best is chosen by: a key (`ndcg@10`), NDCG@10 unless chosen. One these
   * evaluations do not report gives way to NDCG@10, or else to the first they report.
   */
  metricKey?: string
  /** `DatasetChoice.key`; unless chosen, the dataset with most evaluations of this model. */
  datasetKey?: string
  /** Each evaluation's metrics; the default reads describe only (pass the log's lines when fetched). */
  metricsOf?: (evaluation: Evaluation) => MetricsReading
}

/** Whether an evaluation evaluated this model (any checkpoint, or none named). */
function ofModel(evaluation: Evaluation, modelId: string): boolean {
  const model = evaluation.model
  if (!model) return false
  const id = modelId.toLowerCase()
  if (model.kind !== 'base') return model.modelId.toLowerCase() === id
  // An id that is not a UUID (fixtures, other services): `<modelId>/<checkpoint>` by its text.
  return model.reference.toLowerCase().startsWith(`${id}/`)
}

/** Whether an evaluation evaluated `baseModel`, by its name (whatever its case). */
function ofBase(evaluation: Evaluation, baseModel: string): boolean {
  const wanted = baseModel.trim().toLowerCase()
  return !!wanted && evaluation.model?.reference.toLowerCase() === wanted
}

/** Whether an evaluation evaluated `baseModel` on `datasetId`. */
function ofBaseOn(evaluation: Evaluation, baseModel: string, datasetId: string): boolean {
  return ofBase(evaluation, baseModel) && evaluation.datasetId === datasetId
}

/**
 * Whether the model's base model has an evaluation on `datasetId` that is finished or on its way
 * (a failed or stopped one does not count: evaluating it again is worth offering).
 */
export function baseEvaluatedOn(
  model: Model,
  evaluations: readonly Evaluation[],
  datasetId: string,
): boolean {
  return evaluations.some(
    (evaluation) =>
      ofBaseOn(evaluation, model.baseModel, datasetId) &&
      !['failed', 'stopped'].includes(evaluationPhase(evaluation)),
  )
}

/**
 * What a checkpoint table of `model` reads: its own evaluations and its base model's (by name).
 * The others need not be described or their logs read.
 */
export function evaluationsFor(
  model: Model,
  evaluations: readonly Evaluation[],
): { own: Evaluation[]; base: Evaluation[] } {
  const found = { own: [] as Evaluation[], base: [] as Evaluation[] }
  for (const evaluation of evaluations) {
    if (ofModel(evaluation, model.modelId)) found.own.push(evaluation)
    else if (ofBase(evaluation, model.baseModel)) found.base.push(evaluation)
  }
  return found
}

/**
 * The walkthrough's "from which epoch": the oldest checkpoint from which on every checkpoint
 * with a number for the chosen metric beats the base model's (so a dip after it does not count
 * as "from"); undefined when the newest does not beat it or there is no base to compare with.
 */
export function firstBetterThanBase(table: CheckpointTable): CheckpointRow | undefined {
  const { key, better } = table.metric
  let from: CheckpointRow | undefined
  for (const row of table.rows) {
    const gain = row.difference.get(key)
    if (gain === undefined) continue
    if (better === 'higher' ? gain <= 0 : gain >= 0) break
    from = row
  }
  return from
}

function checkpointOf(evaluation: Evaluation, modelId: string): string | undefined {
  const model = evaluation.model
  if (model?.kind === 'checkpoint') return model.checkpoint
  if (model?.kind === 'base') return model.reference.slice(modelId.length + 1)
  return undefined
}

export function checkpointTable(
  model: Model,
  evaluations: readonly Evaluation[],
  options: CheckpointTableOptions = {},
): CheckpointTable {
  const metricsOf = options.metricsOf ?? ((evaluation: Evaluation) => evaluationMetrics(evaluation))
  const positions = new Map(evaluations.map((evaluation, index) => [evaluation, index]))
  const row = (evaluation: Evaluation): RowEvaluation => ({
    evaluation,
    phase: evaluationPhase(evaluation),
    metrics: metricsOf(evaluation),
  })
  const rowsOf = (list: readonly Evaluation[]) => newestFirst(list, positions).map(row)

  const mine = evaluations.filter((evaluation) => ofModel(evaluation, model.modelId))
  const datasets = datasetChoices(mine)
  const dataset =
    datasets.find((choice) => choice.key === options.datasetKey) ??
    (options.datasetKey === undefined ? datasets[0] : undefined)
  const onDataset = (evaluation: Evaluation) => (evaluation.datasetId ?? '') === dataset?.key
  const here = dataset ? mine.filter(onDataset) : []

  const byCheckpoint = new Map<string, Evaluation[]>()
  for (const checkpoint of model.checkpoints) byCheckpoint.set(checkpoint, [])
  const unplaced: Evaluation[] = []
  for (const evaluation of here) {
    const checkpoint = checkpointOf(evaluation, model.modelId)
    if (checkpoint === undefined) unplaced.push(evaluation)
    else byCheckpoint.set(checkpoint, [...(byCheckpoint.get(checkpoint) ?? []), evaluation])
  }

  const base = baseComparison(model.baseModel, evaluations, dataset, rowsOf)
  const order = new Map(model.checkpoints.map((checkpoint, index) => [checkpoint, index]))
  const rows = [...byCheckpoint].map(([checkpoint, list]): CheckpointRow => {
    const listed = rowsOf(list)
    const counted = countedOf(listed)
    return {
      checkpoint,
      epoch: epochOf(checkpoint),
      evaluations: listed,
      counted,
      difference: difference(counted, base.counted),
      isBest: false,
    }
  })
  rows.sort((a, b) => newerCheckpoint(a, b, order))

  const columns = columnsOf([...rows.map((each) => each.counted), base.counted])
  const metric = chosenMetric(metricKeyAmong(options.metricKey, columns), rows, base)
  const best = bestCheckpoint(
    rows.map((each) => ({
      checkpoint: each.checkpoint,
      value: each.counted?.metrics.byKey.get(metric.key)?.value,
    })),
    metric.better,
  )
  return {
    dataset,
    datasets,
    metric,
    columns,
    rows: rows.map((each) =>
      each.checkpoint === best?.checkpoint ? { ...each, isBest: true } : each,
    ),
    best,
    base,
    unplaced: rowsOf(unplaced),
  }
}

function datasetChoices(evaluations: readonly Evaluation[]): DatasetChoice[] {
  const counts = new Map<string, DatasetChoice>()
  for (const { datasetId } of evaluations) {
    const key = datasetId ?? ''
    const choice = counts.get(key) ?? { key, datasetId, evaluations: 0 }
    choice.evaluations++
    counts.set(key, choice)
  }
  // Most evaluations first; a named dataset before the unnamed; then by id, for a stable choice.
  return [...counts.values()].toSorted(
    (a, b) =>
      b.evaluations - a.evaluations ||
      Number(a.key === '') - Number(b.key === '') ||
      a.key.localeCompare(b.key),
  )
}

function baseComparison(
  name: string,
  evaluations: readonly Evaluation[],
  dataset: DatasetChoice | undefined,
  rowsOf: (list: readonly Evaluation[]) => RowEvaluation[],
): BaseComparison {
  if (!dataset) return { name, evaluations: [], counted: undefined, missing: 'no dataset' }
  if (dataset.datasetId === undefined) {
    // Evaluations that name no dataset cannot be said to be on the same one as the base's.
    return { name, evaluations: [], counted: undefined, missing: 'dataset not named' }
  }
  const { datasetId } = dataset
  const listed = rowsOf(evaluations.filter((evaluation) => ofBaseOn(evaluation, name, datasetId)))
  const counted = countedOf(listed)
  return {
    name,
    evaluations: listed,
    counted,
    missing: counted || listed.length ? undefined : 'no evaluation on this dataset',
  }
}

/**
 * The evaluation whose numbers count, of several newest first: the newest finished one with
 * numbers (one whose results could not be read, or are still being read, does not hide an older
 * one that has them), else the newest finished one, which then says why it has none.
 */
function countedOf(listed: readonly RowEvaluation[]): RowEvaluation | undefined {
  const finished = listed.filter((evaluation) => evaluation.phase === 'ready')
  return finished.find((evaluation) => evaluation.metrics.values.length) ?? finished[0]
}

function difference(
  row: RowEvaluation | undefined,
  base: RowEvaluation | undefined,
): ReadonlyMap<string, number> {
  const out = new Map<string, number>()
  if (!row || !base) return out
  for (const metric of row.metrics.values) {
    const against = base.metrics.byKey.get(metric.key)
    if (against) out.set(metric.key, metric.value - against.value)
  }
  return out
}

/**
 * The metric asked for when these evaluations report it; else NDCG@10 when they do, else the
 * first they report (a preference kept from another model may name one this model lacks).
 */
function metricKeyAmong(wanted = defaultMetricKey, columns: readonly { key: string }[]): string {
  const reported = (key: string) => columns.some((column) => column.key === key)
  if (!columns.length || reported(wanted)) return wanted
  return reported(defaultMetricKey) ? defaultMetricKey : columns[0]!.key
}

function chosenMetric(key: string, rows: readonly CheckpointRow[], base: BaseComparison) {
  const found = [...rows.map((row) => row.counted), base.counted]
    .map((evaluation) => evaluation?.metrics.byKey.get(key))
    .find((metric) => metric !== undefined)
  const known = knownMetrics.find((metric) => metric.key === key)
  return { key, name: found?.name ?? known?.name ?? key, ...metricDirection(key) }
}

function rank(key: string, met: number): number {
  return knownMetricRank(key) ?? knownMetrics.length + met
}

function columnsOf(counted: readonly (RowEvaluation | undefined)[]) {
  const columns = new Map<string, { key: string; name: string; met: number }>()
  for (const evaluation of counted) {
    for (const metric of evaluation?.metrics.values ?? []) {
      if (!columns.has(metric.key))
        columns.set(metric.key, { key: metric.key, name: metric.name, met: columns.size })
    }
  }
  return [...columns.values()]
    .toSorted((a, b) => rank(a.key, a.met) - rank(b.key, b.met))
    .map(({ key, name }) => ({ key, name }))
}

import type { Dataset } from '@/api/dataset-schema'
import type { Evaluation } from '@/api/evaluation-schema'
import type { Model } from '@/api/model-schema'
import { naturalKey } from '@/lib/natural-key'

import { epochOf } from './best-checkpoint'
import { datasetLabel } from './datasets'
import { evaluationPhase, newestFirst } from './evaluation-status'
import { evaluationSubject, modelFinder, type EvaluationSubject } from './evaluation-subject'
import type { MetricsReading } from './metrics'
import { displayName } from './model-fields'
import { isPhaseValue, phaseRank, phasesOf, statusText, type StatusPhase } from './status'

/**
 * The account's evaluations as rows of the Evaluations view: each with its phase, dataset, what
 * it evaluated (tied to the account's models), checkpoint and metrics, searchable and sortable.
 * Pure: the view hands in the metrics it has read so far.
 */

/** The metrics the view has a column for: the walkthrough's headline ones. */
export const keyMetrics = [
  { key: 'ndcg@10', name: 'NDCG@10' },
  { key: 'mrr@1000', name: 'MRR@1000' },
  { key: 'recall@10', name: 'Recall@10' },
] as const

/** What a row can be sorted by besides the metrics' keys. */
export const evaluationSortIds = ['status', 'dataset', 'model', 'checkpoint', 'failure'] as const

export function isEvaluationSortId(id: string): boolean {
  return (
    (evaluationSortIds as readonly string[]).includes(id) ||
    keyMetrics.some((metric) => metric.key === id)
  )
}

export type EvaluationRow = {
  evaluation: Evaluation
  phase: StatusPhase
  /** The dataset's name, its id when the account has no such dataset, or that none is named. */
  dataset: string
  subject: EvaluationSubject
  /** What it evaluated, in words: the model's name, its id, the base model's name, `unlinked`. */
  modelText: string
  checkpoint: string | undefined
  metrics: MetricsReading
  /** Where it comes newest first (0 is the newest): the order before any sort. */
  position: number
  /** Everything a search matches, lowercased. */
  text: string
}

export function subjectText(subject: EvaluationSubject): string {
  switch (subject.kind) {
    case 'unlinked':
      return 'unlinked'
    case 'base':
      return subject.name
    default:
      return subject.model ? displayName(subject.model) : subject.modelId
  }
}

/** Whether two subjects say the same: a row that shows it need not change. */
function sameSubject(a: EvaluationSubject, b: EvaluationSubject): boolean {
  if (a.kind === 'unlinked' || b.kind === 'unlinked') return a.kind === b.kind
  if (a.kind === 'base' || b.kind === 'base') {
    return a.kind === 'base' && b.kind === 'base' && a.name === b.name
  }
  return (
    a.kind === b.kind &&
    a.modelId === b.modelId &&
    a.model === b.model &&
    (a.kind !== 'checkpoint' || b.kind !== 'checkpoint' || a.checkpoint === b.checkpoint)
  )
}

/**
 * The rows, newest first. With `previous` (the rows made last time, by evaluation), a row whose
 * evaluation, metrics, dataset, model and place have not changed is the same object: a table
 * memoised on its rows repaints only the rows an answer changed, as describes come in one by one.
 */
export function evaluationRows(
  evaluations: readonly Evaluation[],
  {
    models,
    datasets,
    metricsOf,
    previous,
  }: {
    models: readonly Model[]
    datasets: ReadonlyMap<string, Dataset>
    metricsOf: (evaluation: Evaluation) => MetricsReading
    previous?: WeakMap<Evaluation, EvaluationRow>
  },
): EvaluationRow[] {
  const findModel = modelFinder(models)
  const positions = new Map(evaluations.map((evaluation, index) => [evaluation, index]))
  return newestFirst(evaluations, positions).map((evaluation, position) => {
    const subject = evaluationSubject(evaluation, findModel)
    const dataset = datasetLabel(evaluation.datasetId, datasets)
    const metrics = metricsOf(evaluation)
    const kept = previous?.get(evaluation)
    if (
      kept &&
      kept.position === position &&
      kept.metrics === metrics &&
      kept.dataset === dataset &&
      sameSubject(kept.subject, subject)
    ) {
      return kept
    }
    const modelText = subjectText(subject)
    const checkpoint = subject.kind === 'checkpoint' ? subject.checkpoint : undefined
    const text = [
      evaluation.evaluationId,
      statusText(evaluation),
      dataset,
      evaluation.datasetId,
      modelText,
      subject.kind === 'base' ? 'base model' : '',
      subject.kind === 'checkpoint' || subject.kind === 'model' ? subject.modelId : '',
      checkpoint,
      evaluation.failureReason,
    ]
      .filter(Boolean)
      .join('\n')
      .toLowerCase()
    const row: EvaluationRow = {
      evaluation,
      phase: evaluationPhase(evaluation),
      dataset,
      subject,
      modelText,
      checkpoint,
      metrics,
      position,
      text,
    }
    previous?.set(evaluation, row)
    return row
  })
}

/**
 * Rows whose text holds every word of the search, in the phase chosen (a phase, or a group such
 * as `in-progress`, as a link to the models may say); a value that is neither chooses nothing.
 */
export function filterEvaluationRows(
  rows: readonly EvaluationRow[],
  { search, phase }: { search: string; phase: string | null },
): EvaluationRow[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  const phases = phase !== null && isPhaseValue(phase) ? new Set(phasesOf([phase])) : undefined
  return rows.filter(
    (row) =>
      (phases === undefined || phases.has(row.phase)) &&
      words.every((word) => row.text.includes(word)),
  )
}

type SortKey = string | number | undefined

function sortKeyOf(row: EvaluationRow, id: string): SortKey {
  switch (id) {
    case 'status':
      return phaseRank[row.phase]
    case 'dataset':
      return naturalKey(row.dataset)
    case 'model':
      // Unlinked ones have nothing to order by: they go last, as absent values do.
      return row.subject.kind === 'unlinked' ? undefined : naturalKey(row.modelText)
    case 'checkpoint':
      return row.checkpoint === undefined ? undefined : (epochOf(row.checkpoint) ?? -1)
    case 'failure':
      return row.evaluation.failureReason ? naturalKey(row.evaluation.failureReason) : undefined
    default:
      return row.metrics.byKey.get(id)?.value
  }
}

/**
 * Sorted by one column (`desc` reverses it); an absent value (no metric yet, no checkpoint) is
 * last either way, and equal ones keep their newest-first order. No rule: newest first.
 */
export function sortEvaluationRows(
  rows: readonly EvaluationRow[],
  rule: { id: string; desc: boolean } | undefined,
): EvaluationRow[] {
  if (!rule || !isEvaluationSortId(rule.id)) return rows.toSorted((a, b) => a.position - b.position)
  const keyed = rows.map((row) => ({ row, key: sortKeyOf(row, rule.id) }))
  const sign = rule.desc ? -1 : 1
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key !== b.key) return a.key === undefined ? 1 : -1
    } else if (a.key !== b.key) {
      return (a.key < b.key ? -1 : 1) * sign
    }
    // Checkpoints of the same epoch number (or none), then every tie, newest first.
    if (rule.id === 'checkpoint' && a.row.checkpoint !== b.row.checkpoint) {
      const [x, y] = [naturalKey(a.row.checkpoint ?? ''), naturalKey(b.row.checkpoint ?? '')]
      return (x < y ? -1 : 1) * sign
    }
    return a.row.position - b.row.position
  })
  return keyed.map(({ row }) => row)
}

/** How many rows each phase has, for the phase filter. */
export function phaseCounts(rows: readonly EvaluationRow[]): Map<StatusPhase, number> {
  const counts = new Map<StatusPhase, number>()
  for (const row of rows) counts.set(row.phase, (counts.get(row.phase) ?? 0) + 1)
  return counts
}

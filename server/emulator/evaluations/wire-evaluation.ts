import type { Metrics } from './metrics'

/**
 * An evaluation as the Marqtune API sends it. Only `evaluationId`, the statuses, `failureReason`
 * and `hyperparameters` are documented for the list, `evaluationMetrics` for describe; the
 * shape of the metrics and where (or whether) the model and dataset are echoed are not, so the
 * seeds vary them (seed-evaluations.ts).
 */
export type WireEvaluation = {
  evaluationId: string
  status: string
  secondaryStatus: string
  failureReason?: string
  hyperparameters: Record<string, unknown>
  evaluationMetrics?: unknown
  [extraField: string]: unknown
}

/**
 * An evaluation as the emulator keeps it: what it sends, and what it knows besides. `metrics`
 * are the numbers of a finished evaluation, whatever shape describe sends them in (or none):
 * its log's results line and its results file are written from them. `model` and `datasetId`
 * are what it evaluated, whether or not the wire form says so.
 */
export type EvaluationRecord = {
  evaluation: WireEvaluation
  model?: string
  datasetId?: string
  metrics?: Metrics
}

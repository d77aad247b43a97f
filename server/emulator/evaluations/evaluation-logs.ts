import { oneLineAMinute, type LogLine } from '../logs'
import { resultsLine } from './metrics'
import type { EvaluationRecord } from './wire-evaluation'

/** What an evaluation says while it starts: also the first lines of one the emulator runs. */
export function evaluationStartLines(record: EvaluationRecord): string[] {
  return [
    `Evaluation task ${record.evaluation.evaluationId} accepted`,
    `Loading model ${record.model ?? '(not recorded)'}`,
    `Loading evaluation dataset ${record.datasetId ?? '(not recorded)'}`,
  ]
}

export const evaluationRunLines = ['Encoding queries and documents', 'Computing metrics']

/**
 * A seeded evaluation's log, one line a minute up to `end`: a finished one ends with its
 * results line (where the walkthrough reads the numbers), a failed one with its reason.
 */
export function evaluationLogOf(record: EvaluationRecord, end: number): LogLine[] {
  const { status, failureReason } = record.evaluation
  const lines = [...evaluationStartLines(record)]
  if (status.toLowerCase() !== 'running') lines.push(...evaluationRunLines)
  if (record.metrics) lines.push(resultsLine(record.metrics), 'Evaluation finished')
  if (failureReason) lines.push(...failureReason.split('\n'))
  return oneLineAMinute(lines, end)
}

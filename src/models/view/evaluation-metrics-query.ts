import { queryOptions } from '@tanstack/react-query'

import { evaluationQueries } from '@/api/evaluation-queries'
import type { Evaluation } from '@/api/evaluation-schema'
import type { Credentials } from '@/api/model-queries'
import { evaluationPhase } from '@/models/domain/evaluation-status'
import { evaluationMetrics, metricsNeedLog } from '@/models/domain/metrics'

/**
 * An evaluation's metrics read from wherever its numbers are (`evaluationMetrics`): describe's,
 * or, when describe holds none (`metricsNeedLog`) and the evaluation has ended, its last log page,
 * where Marqo's walkthrough reads them. The query caches the whole page (shared with anything
 * else that reads the same page as of the same status) and selects the reading; while it is not
 * needed or not in yet, `data` is undefined and the screen shows `evaluationMetrics(evaluation)`,
 * describe's numbers or none:
 *
 *   const { data } = useQuery(evaluationMetricsQuery(credentials, evaluation))
 *   const metrics = data ?? evaluationMetrics(evaluation)
 *
 * For many evaluations at once (a checkpoint table), `useQueries` with one of these each.
 */
export function evaluationMetricsQuery(credentials: Credentials, evaluation: Evaluation) {
  const phase = evaluationPhase(evaluation)
  return queryOptions({
    // As of its phase: a page fetched while it ran has no results yet, and is never used here.
    ...evaluationQueries.lastLogPage(credentials, evaluation.evaluationId, phase),
    // A status the dashboard does not know may be a finished one: its log is worth reading.
    enabled: metricsNeedLog(evaluation) && (phase === 'ready' || phase === 'unknown'),
    select: (lines) => evaluationMetrics(evaluation, lines),
  })
}

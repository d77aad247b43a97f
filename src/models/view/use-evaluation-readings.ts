import { useQueries, type QueryObserverResult } from '@tanstack/react-query'
import { useMemo } from 'react'

import { evaluationQueries } from '@/api/evaluation-queries'
import type { Evaluation } from '@/api/evaluation-schema'
import type { Credentials } from '@/api/model-queries'
import { evaluationPhase } from '@/models/domain/evaluation-status'
import { evaluationMetrics, type MetricsReading } from '@/models/domain/metrics'

import { evaluationMetricsQuery } from './evaluation-metrics-query'

export type EvaluationReadings = {
  /** The evaluations as described when describe has answered, else as the list sent them. */
  evaluations: readonly Evaluation[]
  /** Each evaluation's metrics: describe's, else its log's, else none (yet). */
  metricsOf: (evaluation: Evaluation) => MetricsReading
  /** Describes and log pages still on their way. */
  reading: number
  /** What could not be read, by evaluation id: shown beside the evaluation, never hiding it. */
  failures: ReadonlyMap<string, Error>
}

type Answer<Data> = { data: Data | undefined; error: Error | null; waiting: boolean }

/** Only what is read of each answer; stable while no answer changes (a module-level combine). */
function answers<Data>(results: QueryObserverResult<Data>[]): Answer<Data>[] {
  return results.map(({ data, error, isPending, fetchStatus }) => ({
    data,
    error,
    waiting: isPending && fetchStatus !== 'idle',
  }))
}

/** Whether an evaluation may have numbers to read: finished, or in a state not known here. */
function mayHaveNumbers(evaluation: Evaluation): boolean {
  const phase = evaluationPhase(evaluation)
  return phase === 'ready' || phase === 'unknown'
}

/**
 * The metrics of a few evaluations, read from where they are: the list leaves them out, so each
 * finished one is described (`GET /evaluation/{id}`), and one whose describe holds no number has
 * its last log page read (`evaluationMetricsQuery`), as the walkthrough does. One the list
 * already sent numbers for is read as it came. React Query caches each answer: another view of
 * the same evaluations asks nothing again, and what has not changed keeps its identity.
 */
export function useEvaluationReadings(
  credentials: Credentials,
  listed: readonly Evaluation[],
): EvaluationReadings {
  const described = useQueries({
    queries: toDescribeOf(listed).map((evaluation) => ({
      ...evaluationQueries.detail(credentials, evaluation.evaluationId),
      // A finished evaluation's describe does not change: asked once a session.
      staleTime: Infinity,
    })),
    combine: answers<Evaluation>,
  })

  const { evaluations, settled, describeFailures } = useMemo(() => {
    const byId = new Map<string, Evaluation>()
    const failed = new Map<string, Error>()
    const asked = new Set<string>()
    toDescribeOf(listed).forEach(({ evaluationId }, index) => {
      asked.add(evaluationId)
      const answer = described[index]
      if (answer?.data) byId.set(evaluationId, answer.data)
      else if (answer?.error) failed.set(evaluationId, answer.error)
    })
    const current = listed.map((evaluation) => byId.get(evaluation.evaluationId) ?? evaluation)
    return {
      evaluations: current,
      // Only once describe has answered (or failed) is it known whether the log must be read.
      settled: current.filter(
        ({ evaluationId }, index) =>
          mayHaveNumbers(listed[index]!) &&
          (!asked.has(evaluationId) || byId.has(evaluationId) || failed.has(evaluationId)),
      ),
      describeFailures: failed,
    }
  }, [listed, described])

  const logged = useQueries({
    queries: settled.map((evaluation) => ({
      ...evaluationMetricsQuery(credentials, evaluation),
      staleTime: Infinity,
    })),
    combine: answers<MetricsReading>,
  })

  return useMemo(() => {
    const readings = new Map<string, MetricsReading>()
    const failures = new Map(describeFailures)
    settled.forEach(({ evaluationId }, index) => {
      const answer = logged[index]
      if (answer?.data) readings.set(evaluationId, answer.data)
      else if (answer?.error && !failures.has(evaluationId))
        failures.set(evaluationId, answer.error)
    })
    return {
      evaluations,
      metricsOf: (evaluation: Evaluation) =>
        readings.get(evaluation.evaluationId) ?? evaluationMetrics(evaluation),
      reading: [...described, ...logged].filter((answer) => answer.waiting).length,
      failures,
    }
  }, [evaluations, settled, describeFailures, described, logged])
}

/** The list leaves metrics out: what must be described for its numbers. */
function toDescribeOf(listed: readonly Evaluation[]): Evaluation[] {
  return listed.filter(
    (evaluation) => evaluation.evaluationMetrics === undefined && mayHaveNumbers(evaluation),
  )
}

import { useQueries, type QueryObserverResult } from '@tanstack/react-query'
import { useMemo } from 'react'

import { evaluationQueries } from '@/api/evaluation-queries'
import type { Evaluation } from '@/api/evaluation-schema'
import type { Credentials } from '@/api/model-queries'
import { evaluationPhase } from '@/models/domain/evaluation-status'
import { evaluationMetrics, type MetricsReading } from '@/models/domain/metrics'

import { evaluationMetricsQuery } from './evaluation-metrics-query'

export type EvaluationReadings = {
  /** Each evaluation as described once describe has answered, else as the list sent it. */
  evaluations: readonly Evaluation[]
  /** Its metrics: describe's, else its log's, else none (yet). */
  metricsOf: (evaluation: Evaluation) => MetricsReading
  /** Evaluations whose numbers are still being read. */
  reading: ReadonlySet<string>
  /** What could not be read, by evaluation id: said in the row, never hiding it. */
  failures: ReadonlyMap<string, Error>
}

/** What is known of reading each evaluation's numbers: still reading, or why it could not. */
export type ReadingState = Pick<EvaluationReadings, 'reading' | 'failures'>

type Answer<Data> = { data: Data | undefined; error: Error | null; waiting: boolean }

/**
 * Only what is read of each answer of a `useQueries`: as its `combine` (a module-level function),
 * the result keeps its identity while no answer changes.
 */
export function answers<Data>(results: QueryObserverResult<Data>[]): Answer<Data>[] {
  return results.map(({ data, error, isPending, fetchStatus }) => ({
    data,
    error,
    waiting: isPending && fetchStatus !== 'idle',
  }))
}

/** Finished, or in a state not known here: it may have numbers. */
function mayHaveNumbers(evaluation: Evaluation): boolean {
  const phase = evaluationPhase(evaluation)
  return phase === 'ready' || phase === 'unknown'
}

/** The list leaves metrics out: the ones to describe for their numbers. */
function toDescribe(listed: readonly Evaluation[]): Evaluation[] {
  return listed.filter(
    (evaluation) => evaluation.evaluationMetrics === undefined && mayHaveNumbers(evaluation),
  )
}

/**
 * The numbers of some evaluations (the account's, or one model's and its base model's), from
 * where they are: each finished one is described
 * (`evaluationQueries.detail`), and one whose describe holds none has its last log page read
 * (`evaluationMetricsQuery`), as Marqo's walkthrough does. Each answer is cached by React Query
 * under the same keys a model's panel uses, and a finished evaluation's is asked once a session.
 */
export function useEvaluationReadings(
  credentials: Credentials,
  listed: readonly Evaluation[],
): EvaluationReadings {
  const asked = useMemo(() => toDescribe(listed), [listed])
  const described = useQueries({
    queries: asked.map((evaluation) => ({
      ...evaluationQueries.detail(credentials, evaluation.evaluationId),
      staleTime: Infinity,
    })),
    combine: answers<Evaluation>,
  })

  const { evaluations, settled, describeFailures } = useMemo(() => {
    const byId = new Map<string, Evaluation>()
    const failed = new Map<string, Error>()
    asked.forEach(({ evaluationId }, index) => {
      const answer = described[index]
      if (answer?.data) byId.set(evaluationId, answer.data)
      else if (answer?.error) failed.set(evaluationId, answer.error)
    })
    const waitingFor = new Set(
      asked.filter(({ evaluationId }) => !byId.has(evaluationId) && !failed.has(evaluationId)),
    )
    const current = listed.map((evaluation) => byId.get(evaluation.evaluationId) ?? evaluation)
    return {
      evaluations: current,
      // Only once describe has answered is it known whether the log must be read.
      settled: current.filter(
        (evaluation, index) =>
          mayHaveNumbers(evaluation) &&
          !waitingFor.has(listed[index]!) &&
          !failed.has(evaluation.evaluationId),
      ),
      describeFailures: failed,
    }
  }, [listed, asked, described])

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
    const reading = new Set<string>()
    asked.forEach(({ evaluationId }, index) => {
      if (described[index]?.waiting) reading.add(evaluationId)
    })
    settled.forEach(({ evaluationId }, index) => {
      const answer = logged[index]
      if (answer?.data) readings.set(evaluationId, answer.data)
      else if (answer?.error) failures.set(evaluationId, answer.error)
      else if (answer?.waiting) reading.add(evaluationId)
    })
    return {
      evaluations,
      metricsOf: (evaluation: Evaluation) =>
        readings.get(evaluation.evaluationId) ?? evaluationMetrics(evaluation),
      reading,
      failures,
    }
  }, [evaluations, asked, settled, describeFailures, described, logged])
}

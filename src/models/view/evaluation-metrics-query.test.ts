import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'

import { evaluationQueries } from '@/api/evaluation-queries'
import type { MetricsReading } from '@/models/domain/metrics'
import { accountEvaluations, demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { evaluationMetricsQuery } from './evaluation-metrics-query'

const credentials = { sessionId: 'session-1', apiKey: demoKey }
const idOf = (test: (record: (typeof accountEvaluations)[number]) => boolean) =>
  accountEvaluations.find(test)!.evaluation.evaluationId
const logOnly = idOf(
  ({ evaluation, metrics }) =>
    evaluation.status === 'ready' && !!metrics && !evaluation.evaluationMetrics,
)
const described = idOf(({ evaluation }) => !!evaluation.evaluationMetrics)
const running = idOf(({ evaluation }) => evaluation.status === 'running')

/** What a screen's `useQuery` would give once it settles, without React. */
async function settled(client: QueryClient, evaluationId: string) {
  const evaluation = await client.fetchQuery(evaluationQueries.detail(credentials, evaluationId))
  const observer = new QueryObserver(client, evaluationMetricsQuery(credentials, evaluation))
  const data = await new Promise<MetricsReading | undefined>((resolve) => {
    const done = (current: ReturnType<typeof observer.getCurrentResult>) => {
      if (current.fetchStatus !== 'idle') return
      unsubscribe()
      resolve(current.data)
    }
    const unsubscribe = observer.subscribe(done)
    done(observer.getCurrentResult())
  })
  return { evaluation, data }
}

describe('evaluationMetricsQuery', () => {
  it('reads the numbers from the last log page when describe has none', async () => {
    const { upstreamCalls } = installEmulatorFetch()
    const client = new QueryClient()
    const { data, evaluation } = await settled(client, logOnly)
    expect(data?.source).toBe('log')
    expect(data?.byKey.get('ndcg@10')?.value).toEqual(expect.any(Number))
    // The whole page is cached under the log's key; the reading is a selection of it.
    const page = client.getQueryData(
      evaluationQueries.lastLogPage(credentials, evaluation.evaluationId, 'ready').queryKey,
    )
    expect(page?.some((line) => line.message.includes("'NDCG@10'"))).toBe(true)
    expect(upstreamCalls.filter((call) => call.path.includes('/logs'))).toHaveLength(1)
  })

  it('asks no log when describe has the numbers, nor while the evaluation runs', async () => {
    const { upstreamCalls } = installEmulatorFetch()
    for (const evaluationId of [described, running]) {
      const { data } = await settled(new QueryClient(), evaluationId)
      expect(data).toBeUndefined()
    }
    expect(upstreamCalls.filter((call) => call.path.includes('/logs'))).toEqual([])
  })
})

import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'

import { evaluationMetrics, metricsNeedLog } from '@/models/domain/metrics'
import {
  accountEvaluations,
  demoKey,
  installEmulatorFetch,
  queueFaults,
} from '@/testing/emulator-fetch'
import { ApiError } from './api-error'
import { fetchEvaluationLogWindow } from './evaluation-logs'
import { evaluationQueries, fetchEvaluationResultsUrl } from './evaluation-queries'
import { logPageSize } from './model-logs'

const credentials = { sessionId: 'session-1', apiKey: demoKey }
const seeded = (test: (record: (typeof accountEvaluations)[number]) => boolean) => {
  const found = accountEvaluations.find(test)
  if (!found) throw new Error('no such seeded evaluation')
  return found.evaluation
}
const flat = seeded(({ evaluation }) => evaluation.status === 'ready' && 'model' in evaluation)
const logOnly = seeded(
  ({ evaluation, metrics }) =>
    evaluation.status === 'ready' && !!metrics && !evaluation.evaluationMetrics,
)
const running = seeded(({ evaluation }) => evaluation.status === 'running')
const missingId = '00000000-0000-4000-8000-000000000404'

/** A client of its own per ask: nothing cached between tests, nothing retried. */
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

describe('evaluationQueries, through the server and the emulator', () => {
  it('keys every query by the session id, never the key', () => {
    const keys = [
      evaluationQueries.list(credentials).queryKey,
      evaluationQueries.detail(credentials, flat.evaluationId).queryKey,
      evaluationQueries.lastLogPage(credentials, flat.evaluationId, 'ready').queryKey,
    ]
    for (const key of keys) {
      expect(key.slice(0, 3)).toEqual(['evaluations', expect.any(String), 'session-1'])
      expect(JSON.stringify(key)).not.toContain(demoKey)
    }
    expect(evaluationQueries.lastLogPage(credentials, flat.evaluationId, 'ready').queryKey).toEqual(
      ['evaluations', 'log', 'session-1', flat.evaluationId, 'ready'],
    )
  })

  it('lists every evaluation, bare or wrapped, failed and unlinked ones included', async () => {
    for (const envelope of ['bare', 'wrapped'] as const) {
      installEmulatorFetch({ envelope })
      const list = await client().fetchQuery(evaluationQueries.list(credentials))
      expect(list.evaluations).toHaveLength(accountEvaluations.length)
      expect(list.rejected).toEqual([])
      expect(list.evaluations.some((each) => each.unlinked)).toBe(true)
      expect(list.evaluations.some((each) => each.failureReason)).toBe(true)
    }
  })

  it('describes one with its metrics, and says the service’s words for an unknown one', async () => {
    installEmulatorFetch()
    const evaluation = await client().fetchQuery(
      evaluationQueries.detail(credentials, flat.evaluationId),
    )
    expect(evaluation.evaluationId).toBe(flat.evaluationId)
    expect(evaluationMetrics(evaluation).source).toBe('describe')
    const error: unknown = await client()
      .fetchQuery(evaluationQueries.detail(credentials, missingId))
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 404, message: 'evaluation not found' })
  })

  it('reads a describe answer that leaves out its id as the one asked for, flagged', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({
        statusCode: 200,
        body: { status: 'ready', evaluationMetrics: { 'NDCG@10': 0.4 } },
      }),
    )
    const evaluation = await client().fetchQuery(evaluationQueries.detail(credentials, missingId))
    expect(evaluation.evaluationId).toBe(missingId)
    expect(evaluation.warnings).toEqual([
      { field: 'evaluationId', came: '(missing)', expected: `the id asked for (${missingId})` },
    ])
    vi.stubGlobal('fetch', async () => Response.json(['not', 'an', 'evaluation']))
    await expect(
      client().fetchQuery(evaluationQueries.detail(credentials, missingId)),
    ).rejects.toMatchObject({
      kind: 'unexpected',
    })
  })

  it('finds the metrics in the last log page when describe has none', async () => {
    installEmulatorFetch()
    const shared = client()
    const evaluation = await shared.fetchQuery(
      evaluationQueries.detail(credentials, logOnly.evaluationId),
    )
    expect(metricsNeedLog(evaluation)).toBe(true)
    const lines = await shared.fetchQuery(
      evaluationQueries.lastLogPage(credentials, logOnly.evaluationId, evaluation.status),
    )
    const metrics = evaluationMetrics(evaluation, lines)
    expect(metrics.source).toBe('log')
    expect(metrics.byKey.get('ndcg@10')?.value).toEqual(expect.any(Number))
    expect(metrics.line?.message).toContain('NDCG@10')
  })

  it('follows a full first page forward, for a service that sends the oldest page first', async () => {
    const lines = Array.from({ length: 1234 }, (_, index) => ({
      timestamp: 1_764_583_200_000 + index * 1000,
      message: index === 1233 ? "{'NDCG@10': 0.42, 'mAP@1000': 0.3}" : `line ${index}`,
    }))
    const asked: string[] = []
    vi.stubGlobal('fetch', async (input: string) => {
      const url = new URL(input, 'http://app.test')
      asked.push(url.search)
      const from = Number(url.searchParams.get('from') ?? 0)
      const page = lines.filter((line) => line.timestamp >= from).slice(0, logPageSize)
      return Response.json(page)
    })
    const page = await client().fetchQuery(
      evaluationQueries.lastLogPage(credentials, flat.evaluationId),
    )
    expect(page).toHaveLength(logPageSize)
    expect(page.at(-1)?.message).toContain('NDCG@10')
    expect(page[0]?.message).toBe(`line ${1234 - logPageSize}`)
    expect(asked).toEqual([
      '',
      `?from=${lines[499]!.timestamp + 1}`,
      `?from=${lines[999]!.timestamp + 1}`,
    ])
  })

  it('asks a window of the log in the service’s own unit', async () => {
    const { upstreamCalls } = installEmulatorFetch()
    const all = await client().fetchQuery(
      evaluationQueries.lastLogPage(credentials, flat.evaluationId),
    )
    const from = all[1]!.stamp!
    const window = await fetchEvaluationLogWindow(credentials, flat.evaluationId, {
      from,
      to: from + 0.5,
    })
    expect(window.map((line) => line.stamp)).toEqual([from])
    expect(upstreamCalls.at(-1)?.path).toBe(
      `/evaluation/${flat.evaluationId}/logs?from=${from}&to=${from}`,
    )
  })

  it('fetches a ready evaluation’s results link, and says why not for a running one', async () => {
    installEmulatorFetch()
    const link = await fetchEvaluationResultsUrl(credentials, flat.evaluationId)
    expect(new URL(link).pathname).toBe(
      `/files/evaluation/${flat.evaluationId}/results/${flat.evaluationId}.json`,
    )
    await expect(
      fetchEvaluationResultsUrl(credentials, running.evaluationId),
    ).rejects.toMatchObject({
      status: 400,
      message: 'Results download is only available for ready evaluation.',
    })
  })

  it('passes a server error on in its words', async () => {
    installEmulatorFetch({ faults: true })
    await queueFaults('listEvaluations', [
      { kind: 'status', status: 500, message: 'Internal server error.' },
    ])
    await expect(client().fetchQuery(evaluationQueries.list(credentials))).rejects.toMatchObject({
      kind: 'server',
      status: 500,
      message: 'Internal server error.',
    })
  })
})

import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'

import { evaluationRequestBody } from '@common/evaluation-request'

import { evaluationParametersFrom } from '@/models/domain/evaluation-parameters'
import { failureOf } from '@/testing/api-failure'
import {
  accountDatasets,
  accountModels,
  demoKey,
  installEmulatorFetch,
  queueFaults,
} from '@/testing/emulator-fetch'
import { startEvaluation } from './evaluation-actions'
import { evaluationQueries } from './evaluation-queries'

const credentials = { sessionId: 'session-1', apiKey: demoKey }
const datasetOf = (type: string, columns: string[]) =>
  accountDatasets.find(
    (dataset) =>
      dataset.datasetType === type &&
      dataset.status === 'ready' &&
      columns.every((column) => column in dataset.dataSchema),
  )!
const model = accountModels.find(
  (each) =>
    each.checkpoints.length >= 2 &&
    typeof each.hyperparameters === 'object' &&
    Array.isArray(each.hyperparameters.leftKeys) &&
    Array.isArray(each.hyperparameters.leftWeights),
)!
const parameters = evaluationParametersFrom(model.hyperparameters as Record<string, unknown>)
const columns = [
  ...(parameters.leftKeys as string[]),
  ...(parameters.rightKeys as string[]),
  ...(typeof parameters.weightKey === 'string' ? [parameters.weightKey] : []),
]
const request = {
  datasetId: datasetOf('evaluation', columns).datasetId,
  model: `${model.modelId}/${model.checkpoints[1]!}`,
  hyperparameters: parameters,
}

function posts(calls: ReturnType<typeof installEmulatorFetch>['upstreamCalls']) {
  return calls.filter((call) => call.method === 'POST' && call.path === '/evaluation')
}

describe('startEvaluation, through the server and the emulator', () => {
  it('sends one POST with the built body, and resolves with the new evaluation’s id', async () => {
    const { upstreamCalls } = installEmulatorFetch()
    const evaluationId = await startEvaluation(credentials, request)
    expect(evaluationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(posts(upstreamCalls)).toEqual([
      {
        method: 'POST',
        path: '/evaluation',
        body: JSON.stringify(evaluationRequestBody(request)),
      },
    ])
    // The new evaluation is there at once, evaluating what was asked.
    const client = new QueryClient()
    const { evaluations } = await client.fetchQuery(evaluationQueries.list(credentials))
    const started = evaluations.find((each) => each.evaluationId === evaluationId)
    expect(started?.model).toMatchObject({
      kind: 'checkpoint',
      modelId: model.modelId,
      checkpoint: model.checkpoints[1],
    })
    expect(started?.datasetId).toBe(request.datasetId)
  })

  it('reads the id from a wrapped answer too', async () => {
    installEmulatorFetch({ envelope: 'wrapped' })
    expect(await startEvaluation(credentials, request)).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('reports the service’s refusal in its words, having sent it once', async () => {
    const { upstreamCalls } = installEmulatorFetch()
    const training = datasetOf('training', columns)
    const error = await failureOf(
      startEvaluation(credentials, { ...request, datasetId: training.datasetId }),
    )
    expect(error).toMatchObject({
      kind: 'request',
      status: 400,
      message: `Dataset ${training.datasetName} is for training: an evaluation takes an evaluation dataset`,
    })
    expect(posts(upstreamCalls)).toHaveLength(1)
  })

  it('never sends it again after a failure the service may have acted on', async () => {
    const { upstreamCalls } = installEmulatorFetch({ faults: true })
    await queueFaults('startEvaluation', [
      { kind: 'status', status: 503, message: 'Service Unavailable' },
    ])
    const error = await failureOf(startEvaluation(credentials, request))
    expect(error).toMatchObject({ kind: 'server', status: 503 })
    // Retryable for a read; an evaluation is only started again by a person.
    expect(error.retryable).toBe(true)
    expect(posts(upstreamCalls)).toHaveLength(1)
  })

  it('says an accepted evaluation without an id is probably running, rather than fail quietly', async () => {
    const { upstreamCalls } = installEmulatorFetch({ faults: true })
    await queueFaults('startEvaluation', [{ kind: 'json', body: { message: 'ok' } }])
    const error = await failureOf(startEvaluation(credentials, request))
    expect(error.kind).toBe('unexpected')
    expect(error.message).toContain('probably running')
    expect(posts(upstreamCalls)).toHaveLength(1)
  })

  it('sends nothing that breaks the rules, and says which', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    vi.stubGlobal('fetch', fetch)
    const error = await failureOf(
      startEvaluation(credentials, {
        ...request,
        hyperparameters: { ...parameters, leftWeights: ['1'] },
      }),
    )
    expect(error.message).toBe(
      'Not sent: hyperparameters.leftWeights must be a list of numbers, one for each leftKeys column.',
    )
    expect(fetch).not.toHaveBeenCalled()
  })

  it('never puts the key in what it sends upstream but the header, nor in an error', async () => {
    const { upstreamCalls } = installEmulatorFetch()
    const error = await failureOf(startEvaluation({ ...credentials, apiKey: 'wrong-key' }, request))
    expect(error).toMatchObject({ kind: 'auth', status: 401, message: 'Unauthorized.' })
    await startEvaluation(credentials, request)
    for (const call of upstreamCalls) {
      expect(`${call.path} ${call.body ?? ''}`).not.toContain(demoKey)
    }
    expect(error.message).not.toContain('wrong-key')
  })
})

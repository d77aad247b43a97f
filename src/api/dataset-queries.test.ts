import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'

import { evaluationDatasets } from '@/models/domain/datasets'
import { accountDatasets, demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { datasetQueries } from './dataset-queries'

const credentials = { sessionId: 'session-1', apiKey: demoKey }
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })
const evaluationSet = accountDatasets.find(
  (dataset) => dataset.datasetType === 'evaluation' && dataset.status === 'ready',
)!

describe('datasetQueries, through the server and the emulator', () => {
  it('keys every query by the session id, never the key', () => {
    expect(datasetQueries.list(credentials).queryKey).toEqual(['datasets', 'list', 'session-1'])
    expect(datasetQueries.detail(credentials, evaluationSet.datasetId).queryKey).toEqual([
      'datasets',
      'detail',
      'session-1',
      evaluationSet.datasetId,
    ])
  })

  it('lists every dataset, bare or wrapped, with those an evaluation can run on', async () => {
    for (const envelope of ['bare', 'wrapped'] as const) {
      installEmulatorFetch({ envelope })
      const { datasets, rejected } = await client().fetchQuery(datasetQueries.list(credentials))
      expect(datasets.map((dataset) => dataset.datasetId)).toEqual(
        accountDatasets.map((dataset) => dataset.datasetId),
      )
      expect(rejected).toEqual([])
      expect(evaluationDatasets(datasets).map((dataset) => dataset.datasetId)).toContain(
        evaluationSet.datasetId,
      )
    }
  })

  it('describes one, and says the service’s words for an unknown one', async () => {
    installEmulatorFetch()
    const dataset = await client().fetchQuery(
      datasetQueries.detail(credentials, evaluationSet.datasetId),
    )
    expect(dataset).toMatchObject({
      datasetId: evaluationSet.datasetId,
      datasetName: evaluationSet.datasetName,
      datasetType: 'evaluation',
      warnings: [],
    })
    await expect(
      client().fetchQuery(
        datasetQueries.detail(credentials, '00000000-0000-4000-8000-000000000404'),
      ),
    ).rejects.toMatchObject({ status: 404, message: 'dataset not found' })
  })

  it('reads a describe answer without its id as the one asked for, flagged', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({
        dataset: { datasetId: ' ', datasetName: 'eval', datasetType: 'evaluation' },
      }),
    )
    const dataset = await client().fetchQuery(
      datasetQueries.detail(credentials, evaluationSet.datasetId),
    )
    expect(dataset).toMatchObject({ datasetId: evaluationSet.datasetId, datasetName: 'eval' })
    expect(dataset.warnings.map(({ field, came }) => [field, came])).toContainEqual([
      'datasetId',
      '" "',
    ])
  })
})

import { describe, expect, it } from 'vitest'

import { demoAccount } from './accounts'
import { createEmulatorApp, demoKey } from './emulator-app'
import { seedEvaluations } from './evaluations/seed-evaluations'
import { seedModels } from './models/seed-models'
import {
  clientPhase,
  isRecord,
  officialClient,
  topLevel,
  type LogLine,
} from './testing/official-client'

/**
 * The official client's surface, call by call, against the emulator as it starts by default
 * (docs/marqtune-api.md, "What the official client reads on the wire"): what each call reads is
 * at the top level of the answer. Tasks that run to their end are in client-tasks.test.ts.
 */
const client = officialClient(createEmulatorApp({ account: demoAccount, keys: [demoKey] }), demoKey)
const byName = (name: string) => seedModels.find((model) => model.modelName === name)!
const ready = byName('gs-apparel-v3')
const longLog = byName('vit-l14-product-search')

describe('the official client’s calls, on the default emulator', () => {
  it('list_models(): the models at the top level', async () => {
    expect(topLevel(await client.listModels(), 'models')).toEqual(seedModels)
  })

  it('describe(): status and secondaryStatus, failureReason when failed', async () => {
    for (const model of seedModels) {
      const described = await client.model(model.modelId).describe()
      expect(typeof topLevel(described, 'status')).toBe('string')
      expect(typeof topLevel(described, 'secondaryStatus')).toBe('string')
    }
    const failed = seedModels.filter((model) => model.status.toLowerCase() === 'failed')
    expect(failed.length).toBeGreaterThan(1)
    for (const model of failed) {
      const described = await client.model(model.modelId).describe()
      expect(topLevel(described, 'failureReason')).toEqual(expect.any(String))
    }
  })

  it('the seeds are in states wait_for_completion knows, but the one said to be odd', () => {
    const unknown = seedModels.filter((m) => clientPhase(m.status, m.secondaryStatus) === 'unknown')
    expect(unknown.map((model) => model.modelName)).toEqual(['archive-import-2024-q4'])
    for (const { evaluation } of seedEvaluations) {
      expect(clientPhase(evaluation.status, evaluation.secondaryStatus)).not.toBe('unknown')
    }
    for (const dataset of demoAccount.datasets) {
      expect(clientPhase(dataset.status, dataset.secondaryStatus)).not.toBe('unknown')
    }
  })

  it('logs(): a bare array; from = last timestamp + 1 pages through, nothing lost or repeated', async () => {
    const newest = await client.model(longLog.modelId).logs()
    expect(newest).toHaveLength(500)
    const read: LogLine[] = []
    for (let from = 0, page = 0; page < 5; page++) {
      const lines = await client.model(longLog.modelId).logs(from)
      if (!lines.length) break
      read.push(...lines)
      from = lines.at(-1)!.timestamp + 1
    }
    expect(read).toHaveLength(3 + 40 * 22)
    expect(read.slice(-500)).toEqual(newest)
    const stamps = read.map((line) => line.timestamp)
    expect(stamps).toEqual(stamps.toSorted((a, b) => a - b))
    expect(new Set(stamps).size).toBe(stamps.length)
  })

  it('download(checkpoint): a link fetched without the key, a .pt file with its length', async () => {
    const file = await client.model(ready.modelId).download('epoch_2')
    expect([file.status, file.extension]).toEqual([200, 'pt'])
    expect(file.contentLength).toBe(file.bytes.length)
    expect(file.bytes.length).toBeGreaterThan(1 << 20)
    expect(new TextDecoder().decode(file.bytes.subarray(0, 80))).toContain('epoch_2')
    // Without a checkpoint, the newest.
    const newest = await client.model(ready.modelId).download()
    expect(new URL(newest.downloadUrl).pathname).toMatch(/\/epoch_5\.pt$/)
    expect(file.downloadUrl).not.toContain(demoKey)
  })

  it('download_logs(): a .log file holding the whole log', async () => {
    const file = await client.model(longLog.modelId).downloadLogs()
    expect([file.status, file.extension]).toEqual([200, 'log'])
    const text = new TextDecoder().decode(file.bytes)
    expect(file.contentLength).toBe(file.bytes.length)
    expect(text.trimEnd().split('\n')).toHaveLength(3 + 40 * 22)
    await expect(
      client.model(byName('multilingual-retail-xlmr').modelId).downloadLogs(),
    ).rejects.toThrow('Logs download is only available for ready model.')
  })

  it('release() and delete(): an error raises with the message at the top level', async () => {
    const own = officialClient(
      createEmulatorApp({ account: demoAccount, keys: [demoKey] }),
      demoKey,
    )
    await expect(own.model(ready.modelId).release('epoch_2')).resolves.toEqual({
      modelId: ready.modelId,
    })
    await expect(own.model(ready.modelId).release('epoch_9')).rejects.toThrow(
      `Invalid checkpoint name: epoch_9 for model: name=${ready.modelName}, id=${ready.modelId}`,
    )
    await expect(own.model(ready.modelId).delete()).resolves.toEqual({
      message: 'model deleted successfully',
    })
    await expect(own.model(ready.modelId).delete()).rejects.toThrow('model is already deleted')
    await expect(own.model('00000000-0000-4000-8000-000000000000').describe()).rejects.toThrow(
      'model not found',
    )
    await expect(own.model('nope').describe()).rejects.toThrow('Invalid model id')
  })

  it('a refused key: the bare message', async () => {
    const answer = await officialClient(
      createEmulatorApp({ account: demoAccount, keys: [demoKey] }),
      'wrong',
    ).call('GET', '/models')
    expect(answer).toEqual({ status: 401, json: { message: 'Unauthorized.' } })
  })

  it('evaluations: list, describe with its metrics, logs with the results line, files', async () => {
    const listed = topLevel(await client.listEvaluations(), 'evaluations')
    expect(Array.isArray(listed) && listed.length).toBe(seedEvaluations.length)
    const flat = seedEvaluations.find(
      (record) => isRecord(record.evaluation.evaluationMetrics) && record.evaluation.model,
    )!
    const evaluation = client.evaluation(flat.evaluation.evaluationId)
    const described = await evaluation.describe()
    expect(clientPhase(topLevel(described, 'status'), topLevel(described, 'secondaryStatus'))).toBe(
      'ended',
    )
    expect(topLevel(described, 'evaluationMetrics')).toEqual(flat.metrics)
    // As the walkthrough reads results: the dict after "{'mAP@1000': ", quotes swapped.
    const lines = (await evaluation.logs()).slice(-10).map((line) => line.message)
    const line = lines.find((message) => message.includes("{'mAP@1000': "))!
    const results: unknown = JSON.parse(
      line.slice(line.indexOf("{'mAP@1000': ")).replaceAll("'", '"'),
    )
    expect(topLevel(results, 'NDCG@10')).toBe(flat.metrics!['NDCG@10'])
    const logFile = await evaluation.downloadLogs()
    expect([logFile.status, logFile.extension]).toEqual([200, 'log'])
    const resultsFile = await evaluation.download()
    expect([resultsFile.status, resultsFile.extension]).toEqual([200, 'json'])
    const parsed: unknown = JSON.parse(new TextDecoder().decode(resultsFile.bytes))
    expect(topLevel(parsed, 'metrics')).toMatchObject(flat.metrics!)
    expect(Object.keys(topLevel(parsed, 'metrics') as object).length).toBeGreaterThan(7)
  })

  it('datasets: list, describe and logs, with the documented fields', async () => {
    const listed = topLevel(await client.listDatasets(), 'datasets')
    expect(listed).toEqual(demoAccount.datasets)
    for (const dataset of demoAccount.datasets) {
      const described = await client.dataset(dataset.datasetId).describe()
      for (const field of [
        'datasetId',
        'datasetName',
        'status',
        'secondaryStatus',
        'datasetType',
        'dataSchema',
      ]) {
        expect(isRecord(described) && field in described ? field : `no ${field}`).toBe(field)
      }
      expect((await client.dataset(dataset.datasetId).logs()).length).toBeGreaterThan(0)
    }
    await expect(client.dataset('00000000-0000-4000-8000-000000000000').describe()).rejects.toThrow(
      'dataset not found',
    )
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { demoAccount } from './accounts'
import { evaluationDatasets, trainingDatasets } from './datasets/dataset-ids'
import { createEmulatorApp, demoKey } from './emulator-app'
import { seedModels } from './models/seed-models'
import { imageTextKeys } from './models/seed-parts'
import {
  clientPhase,
  officialClient,
  topLevel,
  type LogLine,
  type OfficialClient,
} from './testing/official-client'

/**
 * `train_model()` and `evaluate()`, then `wait_for_completion()` as the client runs it: describe
 * until an end, following the log from its last line + 1 while it runs. Every state on the way
 * must be one the client knows. The clock is Vitest's: a step of a task every second.
 */
const epochMs = 1000
const apparelV3 = seedModels.find((model) => model.modelName === 'gs-apparel-v3')!
const columns = imageTextKeys
const training = {
  datasetId: trainingDatasets.imageText,
  modelName: 'gs-apparel-v6',
  baseModel: `${apparelV3.modelId}/epoch_3`,
  instanceType: 'marqtune.basic',
  hyperparameters: { ...columns, epochs: 4, lr: 1e-5 },
}

type Task = { describe: () => Promise<unknown>; logs: (from?: number) => Promise<LogLine[]> }

/** wait_for_completion(), polling more often than the client's 2 s so that no state is missed. */
async function waitForCompletion(task: Task) {
  const seen: string[] = []
  const followed: LogLine[] = []
  for (let polls = 0; polls < 100; polls++) {
    const described = await task.describe()
    const status = topLevel(described, 'status')
    const secondary = topLevel(described, 'secondaryStatus')
    const phase = clientPhase(status, secondary)
    if (phase === 'unknown')
      throw new Error(`Unknown status: ${String(status)}/${String(secondary)}`)
    const pair = `${String(status)}/${String(secondary)}`
    if (seen.at(-1) !== pair) seen.push(pair)
    if (phase === 'running' || phase === 'ended') {
      followed.push(...(await task.logs(followed.length ? followed.at(-1)!.timestamp + 1 : 0)))
    }
    if (phase === 'ended') return { described, seen, followed }
    await vi.advanceTimersByTimeAsync(epochMs / 2)
  }
  throw new Error(`no end after 100 polls: ${seen.join(', ')}`)
}

let client: OfficialClient
beforeEach(() => {
  vi.useFakeTimers()
  client = officialClient(
    createEmulatorApp({ account: demoAccount, keys: [demoKey], epochMs }),
    demoKey,
  )
})
afterEach(() => vi.useRealTimers())

describe('train_model() and wait_for_completion()', () => {
  it('waits, runs, uploads and ends ready, gaining a checkpoint an epoch', async () => {
    const modelId = await client.trainModel(training)
    const model = client.model(modelId)
    const { described, seen, followed } = await waitForCompletion(model)
    expect(seen).toEqual([
      'running/initializing',
      'running/provisioning',
      'running/running',
      'running/uploading',
      'ready/ready',
    ])
    expect(topLevel(described, 'checkpoints')).toEqual(['epoch_1', 'epoch_2', 'epoch_3', 'epoch_4'])
    expect(topLevel(described, 'baseModel')).toBe(training.baseModel)
    // Followed from the last line + 1: the whole log, nothing twice.
    expect(followed).toEqual(await model.logs(0))
    expect(followed.at(-1)!.message).toBe('Training finished: 4 checkpoints')
    expect(topLevel(await client.listModels(), 'models')).toContainEqual(described)
    const file = await model.download()
    expect([
      file.status,
      file.extension,
      new URL(file.downloadUrl).pathname.endsWith('/epoch_4.pt'),
    ]).toEqual([200, 'pt', true])
  })

  it('stops when maxTrainingTime runs out, keeping the checkpoints it made', async () => {
    const modelId = await client.trainModel({
      ...training,
      hyperparameters: { ...columns, epochs: 20 },
      maxTrainingTime: 5,
    })
    const model = client.model(modelId)
    const { described, seen } = await waitForCompletion(model)
    expect(seen.at(-1)).toBe('stopped/stopped')
    expect(topLevel(described, 'maxTrainingTime')).toBe(5)
    expect(topLevel(described, 'checkpoints')).toHaveLength(3)
    expect((await model.logs()).at(-1)!.message).toBe(
      'Training stopped: maxTrainingTime (5 s) reached after 3 of 20 epochs',
    )
  })

  it('a deleted training stops', async () => {
    const modelId = await client.trainModel(training)
    await vi.advanceTimersByTimeAsync(3 * epochMs)
    await client.model(modelId).delete()
    await vi.advanceTimersByTimeAsync(10 * epochMs)
    await expect(client.model(modelId).describe()).rejects.toThrow('model not found')
  })

  it('refuses a body it cannot train from, saying which field and why', async () => {
    const refusals: Array<[Record<string, unknown>, string | RegExp]> = [
      [{ ...training, datasetId: undefined }, 'Missing required field: datasetId'],
      [{ ...training, hyperparameters: undefined }, 'Missing required field: hyperparameters'],
      [{ ...training, epochs: 3 }, 'Unknown field: epochs'],
      [{ ...training, datasetId: 'nope' }, 'Invalid dataset id'],
      [{ ...training, datasetId: '00000000-0000-4000-8000-000000000000' }, /^dataset not found/],
      [
        { ...training, datasetId: evaluationDatasets.imageText },
        /is for evaluation: training takes a training dataset/,
      ],
      [
        { ...training, datasetId: trainingDatasets.furnitureUploading },
        /is not ready \(status: running\)/,
      ],
      [{ ...training, instanceType: 'marqtune.huge' }, /^Invalid instance type: marqtune\.huge/],
      [
        { ...training, baseModel: `${apparelV3.modelId}/epoch_9` },
        /^Invalid checkpoint name: epoch_9/,
      ],
      [{ ...training, baseModel: 'ViT-B-32' }, /^Invalid baseModel/],
      [
        { ...training, hyperparameters: { ...columns, rightKeys: ['photo'] } },
        /^hyperparameters\.rightKeys must be a list of columns/,
      ],
      [{ ...training, hyperparameters: { ...columns, epochs: 0 } }, /^hyperparameters\.epochs/],
      [{ ...training, maxTrainingTime: -1 }, /^maxTrainingTime must be/],
    ]
    for (const [body, message] of refusals) {
      expect(await client.call('POST', '/models/train', body)).toEqual({
        status: 400,
        json: { message: expect.stringMatching(message) },
      })
    }
    expect((await client.call('POST', '/models/train', 'not json')).status).toBe(400)
  })
})

describe('evaluate() and wait_for_completion()', () => {
  const evaluation = {
    datasetId: evaluationDatasets.imageText,
    model: `${apparelV3.modelId}/epoch_3`,
    hyperparameters: columns,
  }

  it('waits, runs and ends ready with its metrics and a results line in its log', async () => {
    const evaluationId = await client.evaluate(evaluation)
    const started = client.evaluation(evaluationId)
    const { described, seen, followed } = await waitForCompletion(started)
    expect(seen).toEqual([
      'running/initializing',
      'running/provisioning',
      'running/running',
      'ready/ready',
    ])
    const metrics = topLevel(described, 'evaluationMetrics')
    expect(topLevel(metrics, 'NDCG@10')).toEqual(expect.any(Number))
    expect(followed.map((line) => line.message)).toContainEqual(
      expect.stringMatching(/^Evaluation results: \{'mAP@1000': [\d.]+, 'NDCG@10': /),
    )
    // The same checkpoint scores as its seeded evaluation on the same dataset did.
    const listed = topLevel(await client.listEvaluations(), 'evaluations') as unknown[]
    const seeded = listed.find(
      (each) =>
        topLevel(each, 'model') === evaluation.model &&
        topLevel(each, 'evaluationId') !== evaluationId,
    )
    const seededMetrics = topLevel(
      await client.evaluation(String(topLevel(seeded, 'evaluationId'))).describe(),
      'evaluationMetrics',
    )
    expect(metrics).toEqual(seededMetrics)
    expect((await started.download()).extension).toBe('json')
    await expect(started.delete()).resolves.toEqual({ message: 'evaluation deleted successfully' })
    await expect(started.delete()).rejects.toThrow('evaluation is already deleted')
  })

  it('evaluates a base model by its name', async () => {
    const evaluationId = await client.evaluate({ ...evaluation, model: apparelV3.baseModel })
    const started = client.evaluation(evaluationId)
    const { described } = await waitForCompletion(started)
    expect(topLevel(described, 'model')).toBe(apparelV3.baseModel)
  })

  it('refuses what it cannot evaluate, and an evaluation not yet done has no files', async () => {
    const refusals: Array<[Record<string, unknown>, string | RegExp]> = [
      [{ ...evaluation, model: undefined }, 'Missing required field: model'],
      [
        { ...evaluation, datasetId: trainingDatasets.imageText },
        /is for training: an evaluation takes an evaluation dataset/,
      ],
      [
        { ...evaluation, model: `${apparelV3.modelId}/epoch_77` },
        /^Invalid checkpoint name: epoch_77/,
      ],
      [
        { ...evaluation, model: '00000000-0000-4000-8000-000000000000/epoch_1' },
        /^model not found/,
      ],
      [
        { ...evaluation, hyperparameters: { ...columns, weightKey: 'rating' } },
        /^hyperparameters\.weightKey must be a column/,
      ],
      [
        { ...evaluation, hyperparameters: { ...columns, leftWeights: [1, 2] } },
        /^hyperparameters\.leftWeights must hold one number per leftKeys column/,
      ],
    ]
    for (const [body, message] of refusals) {
      expect(await client.call('POST', '/evaluation', body)).toEqual({
        status: 400,
        json: { message: expect.stringMatching(message) },
      })
    }
    const evaluationId = await client.evaluate(evaluation)
    await expect(client.evaluation(evaluationId).download()).rejects.toThrow(
      'Results download is only available for ready evaluation.',
    )
  })
})

describe('the links', () => {
  it('expire after an hour (403), and refuse one that was altered (403)', async () => {
    const { downloadUrl } = await client.model(apparelV3.modelId).download('epoch_1')
    const app = createEmulatorApp({ account: demoAccount, keys: [demoKey] })
    // Another emulator signs with another secret: its links are not this one's.
    expect((await app.request(downloadUrl)).status).toBe(403)
    const own = officialClient(app, demoKey)
    const link = (await own.model(apparelV3.modelId).download('epoch_1')).downloadUrl
    const altered = link.replace('epoch_1.pt', 'epoch_2.pt')
    expect((await app.request(altered)).status).toBe(403)
    expect(
      (await app.request(link.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=999999'))).status,
    ).toBe(403)
    expect((await app.request(new URL(link).pathname)).status).toBe(403)
    await vi.advanceTimersByTimeAsync(3599_000)
    expect((await app.request(link)).status).toBe(200)
    await vi.advanceTimersByTimeAsync(2_000)
    const expired = await app.request(link)
    expect(expired.status).toBe(403)
    expect(await expired.text()).toContain('<Message>Request has expired</Message>')
  })
})

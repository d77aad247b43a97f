import { describe, expect, it } from 'vitest'

import { readEvaluation, type Evaluation } from '@/api/evaluation-schema'
import type { LogLine } from '@/api/model-logs'
import { makeModel } from '@/testing/factories'

import {
  baseEvaluatedOn,
  checkpointTable,
  evaluationsFor,
  firstBetterThanBase,
} from './checkpoint-metrics'
import { evaluationMetrics } from './metrics'

const base = 'Marqo/ViT-B-32.laion2b_s34b_b79k'
const model = makeModel({
  baseModel: base,
  checkpoints: ['epoch_1', 'epoch_2', 'epoch_3', 'epoch_4', 'epoch_5'],
})
const dataset = 'd0000000-0000-4000-8000-000000000001'
const otherDataset = 'd0000000-0000-4000-8000-000000000002'

let counter = 0

/** An evaluation as the service sends it, read by the app's reader. */
function evaluation(fields: Record<string, unknown>): Evaluation {
  counter++
  return readEvaluation({
    evaluationId: `e0000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    status: 'Ready',
    secondaryStatus: 'Ready',
    datasetId: dataset,
    hyperparameters: {},
    ...fields,
  })!
}

function of(checkpoint: string, ndcg: number | undefined, fields: Record<string, unknown> = {}) {
  return evaluation({
    model: `${model.modelId}/${checkpoint}`,
    evaluationMetrics: ndcg === undefined ? undefined : { 'NDCG@10': ndcg, 'P@10': ndcg / 4 },
    ...fields,
  })
}

const baseEvaluation = evaluation({
  model: base,
  evaluationMetrics: { 'NDCG@10': 0.3, 'P@10': 0.08 },
})

/** Rises to epoch 3 and falls past it, as overfitting does: the best is not the newest. */
const account = [
  baseEvaluation,
  of('epoch_1', 0.35),
  of('epoch_2', 0.4),
  of('epoch_3', 0.44),
  of('epoch_4', 0.42),
  of('epoch_5', 0.41),
]

function summary(table: ReturnType<typeof checkpointTable>) {
  return table.rows.map((row) => [
    row.checkpoint,
    row.counted?.metrics.byKey.get(table.metric.key)?.value,
    row.isBest,
  ])
}

describe('checkpointTable', () => {
  it('lists checkpoints newest first, marks the best by NDCG@10 and compares with the base model', () => {
    const table = checkpointTable(model, account)
    expect(table.metric).toEqual({
      key: 'ndcg@10',
      name: 'NDCG@10',
      better: 'higher',
      assumed: false,
    })
    expect(summary(table)).toEqual([
      ['epoch_5', 0.41, false],
      ['epoch_4', 0.42, false],
      ['epoch_3', 0.44, true],
      ['epoch_2', 0.4, false],
      ['epoch_1', 0.35, false],
    ])
    expect(table.best).toEqual({ checkpoint: 'epoch_3', value: 0.44, tiedWith: [] })
    expect(table.base.counted?.evaluation).toBe(baseEvaluation)
    expect(table.base.missing).toBeUndefined()
    const best = table.rows.find((row) => row.isBest)!
    expect(best.difference.get('ndcg@10')).toBeCloseTo(0.14)
    expect(best.difference.get('p@10')).toBeCloseTo(0.03)
    expect(table.rows[4]?.difference.get('ndcg@10')).toBeCloseTo(0.05)
    expect(table.columns).toEqual([
      { key: 'ndcg@10', name: 'NDCG@10' },
      { key: 'p@10', name: 'P@10' },
    ])
  })

  it('chooses the best by another metric when asked', () => {
    const table = checkpointTable(
      model,
      [
        of('epoch_1', 0.3, { evaluationMetrics: { 'NDCG@10': 0.3, 'Recall@10': 0.9 } }),
        of('epoch_2', 0.4),
      ],
      { metricKey: 'recall@10' },
    )
    expect(table.metric.name).toBe('Recall@10')
    expect(table.best?.checkpoint).toBe('epoch_1')
  })

  it('gives a tie to the earlier epoch, and says which later ones tie', () => {
    const table = checkpointTable(model, [
      of('epoch_2', 0.44),
      of('epoch_3', 0.44),
      of('epoch_5', 0.44),
    ])
    expect(table.best).toEqual({
      checkpoint: 'epoch_2',
      value: 0.44,
      tiedWith: ['epoch_3', 'epoch_5'],
    })
    expect(table.rows.filter((row) => row.isBest).map((row) => row.checkpoint)).toEqual(['epoch_2'])
  })

  it('counts the newest finished evaluation of a checkpoint and lists the others', () => {
    const older = of('epoch_3', 0.5)
    const newer = of('epoch_3', 0.44)
    const running = of('epoch_3', undefined, { status: 'Running', secondaryStatus: 'Evaluating' })
    const table = checkpointTable(model, [older, newer, running])
    const row = table.rows.find((each) => each.checkpoint === 'epoch_3')!
    expect(row.counted?.evaluation).toBe(newer)
    expect(row.evaluations.map((each) => [each.evaluation, each.phase])).toEqual([
      [running, 'running'],
      [newer, 'ready'],
      [older, 'ready'],
    ])
  })

  it('orders by creation time when the evaluations carry one, whatever the list order', () => {
    const newer = of('epoch_3', 0.44, { createdAt: '2026-03-02T00:00:00Z' })
    const older = of('epoch_3', 0.5, { createdAt: '2026-03-01T00:00:00Z' })
    const row = checkpointTable(model, [newer, older]).rows.find(
      (each) => each.checkpoint === 'epoch_3',
    )
    expect(row?.counted?.evaluation).toBe(newer)
  })

  it('shows evaluations in progress and failed with their status, never counted for best', () => {
    const failed = of('epoch_5', 0.9, { status: 'Failed', failureReason: 'Dataset not ready' })
    const running = of('epoch_4', undefined, { status: 'Running', secondaryStatus: 'Running' })
    const table = checkpointTable(model, [of('epoch_1', 0.3), failed, running])
    expect(table.best?.checkpoint).toBe('epoch_1')
    const byCheckpoint = new Map(table.rows.map((row) => [row.checkpoint, row]))
    expect(byCheckpoint.get('epoch_5')?.counted).toBeUndefined()
    expect(byCheckpoint.get('epoch_5')?.evaluations[0]).toMatchObject({ phase: 'failed' })
    expect(byCheckpoint.get('epoch_4')?.evaluations[0]).toMatchObject({ phase: 'running' })
    expect(byCheckpoint.get('epoch_2')?.evaluations).toEqual([])
  })

  it('keeps an evaluated checkpoint the model no longer lists', () => {
    const table = checkpointTable(makeModel({ checkpoints: [] }), [])
    expect(table.rows).toEqual([])
    const gone = checkpointTable(model, [of('epoch_9', 0.2)])
    expect(gone.rows[0]?.checkpoint).toBe('epoch_9')
  })

  it('reads the dataset with most evaluations unless another is chosen, and lists them all', () => {
    const elsewhere = [
      of('epoch_1', 0.6, { datasetId: otherDataset }),
      evaluation({ model: base, datasetId: otherDataset, evaluationMetrics: { 'NDCG@10': 0.5 } }),
    ]
    const both = [...account, ...elsewhere]
    const table = checkpointTable(model, both)
    expect(table.datasets).toEqual([
      { key: dataset, datasetId: dataset, evaluations: 5 },
      { key: otherDataset, datasetId: otherDataset, evaluations: 1 },
    ])
    expect(table.dataset?.datasetId).toBe(dataset)
    const chosen = checkpointTable(model, both, { datasetKey: otherDataset })
    expect(chosen.best).toMatchObject({ checkpoint: 'epoch_1', value: 0.6 })
    expect(chosen.base.counted?.evaluation).toBe(elsewhere[1])
    expect(chosen.rows.find((row) => row.isBest)?.difference.get('ndcg@10')).toBeCloseTo(0.1)
  })

  it('never compares with the base model on another dataset', () => {
    const table = checkpointTable(model, [
      of('epoch_1', 0.35),
      evaluation({ model: base, datasetId: otherDataset, evaluationMetrics: { 'NDCG@10': 0.5 } }),
    ])
    expect(table.base).toMatchObject({
      counted: undefined,
      missing: 'no evaluation on this dataset',
    })
    expect(table.rows.at(-1)?.difference.size).toBe(0)
  })

  it('has no base comparison for evaluations that name no dataset, and says why', () => {
    const table = checkpointTable(model, [
      of('epoch_1', 0.35, { datasetId: undefined }),
      evaluation({ model: base, datasetId: undefined, evaluationMetrics: { 'NDCG@10': 0.3 } }),
    ])
    expect(table.dataset).toEqual({ key: '', datasetId: undefined, evaluations: 1 })
    expect(table.base.missing).toBe('dataset not named')
    expect(table.best?.checkpoint).toBe('epoch_1')
  })

  it('lists evaluations of the model that name no checkpoint apart', () => {
    const table = checkpointTable(model, [
      evaluation({ modelId: model.modelId, evaluationMetrics: {} }),
    ])
    expect(table.unplaced).toHaveLength(1)
    expect(table.rows.every((row) => row.evaluations.length === 0)).toBe(true)
  })

  it('finds the checkpoints of a model whose id is not a UUID, by the reference text', () => {
    const fixture = makeModel({ modelId: 'fixture-model', checkpoints: ['epoch_1'] })
    const table = checkpointTable(fixture, [
      evaluation({ model: 'fixture-model/epoch_1', evaluationMetrics: { 'NDCG@10': 0.3 } }),
    ])
    expect(table.rows[0]?.counted?.metrics.byKey.get('ndcg@10')?.value).toBe(0.3)
  })

  it('uses the numbers from the log when given them', () => {
    const logOnly = of('epoch_2', undefined)
    const log: LogLine[] = [
      {
        time: undefined,
        stamp: undefined,
        message: "Evaluation results: {'mAP@1000': 0.3, 'NDCG@10': 0.47}",
      },
    ]
    const table = checkpointTable(
      model,
      [...account.filter((each) => each !== account[2]), logOnly],
      {
        metricsOf: (each) => evaluationMetrics(each, each === logOnly ? log : undefined),
      },
    )
    expect(table.best).toMatchObject({ checkpoint: 'epoch_2', value: 0.47 })
    const row = table.rows.find((each) => each.isBest)
    expect(row?.counted?.metrics.byKey.get('ndcg@10')?.source).toBe('log')
    expect(table.columns.map((column) => column.name)).toEqual(['NDCG@10', 'mAP@1000', 'P@10'])
  })

  it('says from which epoch on fine-tuning beat the base model, not counting an early lucky one', () => {
    expect(firstBetterThanBase(checkpointTable(model, account))?.checkpoint).toBe('epoch_1')
    // epoch_2 dips under the base: "better from" starts after the dip.
    const dip = [
      baseEvaluation,
      of('epoch_1', 0.35),
      of('epoch_2', 0.25),
      of('epoch_3', 0.44),
      of('epoch_4', 0.42),
    ]
    expect(firstBetterThanBase(checkpointTable(model, dip))?.checkpoint).toBe('epoch_3')
    // The newest falls under the base: fine-tuning does not help "from" any epoch on.
    const fall = [baseEvaluation, of('epoch_1', 0.35), of('epoch_2', 0.2)]
    expect(firstBetterThanBase(checkpointTable(model, fall))).toBeUndefined()
    // No base evaluation: nothing to beat.
    expect(firstBetterThanBase(checkpointTable(model, account.slice(1)))).toBeUndefined()
  })

  it("splits the account's evaluations into the model's own and its base model's", () => {
    const stranger = evaluation({ model: 'someone/else', evaluationMetrics: { 'NDCG@10': 0.9 } })
    const unlinked = evaluation({ evaluationMetrics: { 'NDCG@10': 0.9 } })
    const { own, base: ofBase } = evaluationsFor(model, [...account, stranger, unlinked])
    expect(own).toEqual(account.slice(1))
    expect(ofBase).toEqual([baseEvaluation])
    expect(baseEvaluatedOn(model, account, dataset)).toBe(true)
    expect(baseEvaluatedOn(model, account, otherDataset)).toBe(false)
  })

  it('chooses by NDCG@10 when the preferred metric is not reported, else by the first reported', () => {
    expect(checkpointTable(model, account, { metricKey: 'mrr@1000' }).metric.key).toBe('ndcg@10')
    const onlyRecall = [of('epoch_1', undefined, { evaluationMetrics: { 'Recall@10': 0.5 } })]
    expect(checkpointTable(model, onlyRecall, { metricKey: 'mrr@1000' }).metric.name).toBe(
      'Recall@10',
    )
  })

  it('counts the newest finished evaluation that has numbers, not a newer one without', () => {
    const unreadable = of('epoch_3', undefined)
    const table = checkpointTable(model, [...account, unreadable])
    const row = table.rows.find((each) => each.checkpoint === 'epoch_3')!
    expect(row.evaluations[0]?.evaluation).toBe(unreadable)
    expect(row.counted?.metrics.byKey.get('ndcg@10')?.value).toBe(0.44)
    expect(table.best?.checkpoint).toBe('epoch_3')
  })
})

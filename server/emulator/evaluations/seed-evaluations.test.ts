import { describe, expect, it } from 'vitest'

import { seedDatasets } from '../datasets/seed-datasets'
import { seedModels } from '../models/seed-models'
import { evaluationLogOf } from './evaluation-logs'
import { metricNames } from './metrics'
import { seedEvaluations } from './seed-evaluations'

const datasetOf = (id: string | undefined) => seedDatasets.find((d) => d.datasetId === id)
const evaluationsOf = (modelId: string) =>
  seedEvaluations.filter((record) => record.model?.startsWith(`${modelId}/`))
const epochOf = (model: string) => Number(model.split('_').at(-1))

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

describe('the seeded evaluations', () => {
  it('evaluate several checkpoints of a few models and their base model on one dataset', () => {
    const evaluated = seedModels.filter((model) => evaluationsOf(model.modelId).length >= 4)
    expect(evaluated.length).toBeGreaterThanOrEqual(3)
    for (const model of evaluated) {
      const records = evaluationsOf(model.modelId).filter((record) => record.metrics)
      const datasets = new Set(records.map((record) => record.datasetId))
      const base = seedEvaluations.find(
        (record) => record.model === model.baseModel && datasets.has(record.datasetId),
      )
      expect({ model: model.modelName, base: base?.metrics !== undefined }).toEqual({
        model: model.modelName,
        base: true,
      })
      expect(datasetOf(base!.datasetId)?.datasetType).toBe('evaluation')
    }
  })

  it('rise and then fall past the best epoch: the best is not the newest', () => {
    for (const name of ['gs-apparel-v3', 'fashion-clip-ecom-titles', 'vit-l14-product-search']) {
      const model = seedModels.find((each) => each.modelName === name)!
      const scores = evaluationsOf(model.modelId)
        .filter((record) => record.metrics)
        .toSorted((a, b) => epochOf(a.model!) - epochOf(b.model!))
        .map((record) => record.metrics!['NDCG@10'])
      const best = scores.indexOf(Math.max(...scores))
      expect([name, best > 0, best < scores.length - 1]).toEqual([name, true, true])
      const base = seedEvaluations.find((record) => record.model === model.baseModel)!
      expect(Math.max(...scores)).toBeGreaterThan(base.metrics!['NDCG@10'])
    }
  })

  it('send their metrics in every shape a reader must handle', () => {
    const shapes = seedEvaluations.map(({ evaluation }) => evaluation.evaluationMetrics)
    // Flat numbers, grouped by family, numbers as strings, a Python dict in a string, none.
    expect(shapes.some((m) => isObject(m) && typeof m['NDCG@10'] === 'number')).toBe(true)
    expect(shapes.some((m) => isObject(m) && isObject(m.NDCG))).toBe(true)
    expect(shapes.some((m) => isObject(m) && typeof m['NDCG@10'] === 'string')).toBe(true)
    expect(shapes.some((m) => typeof m === 'string' && m.startsWith("{'NDCG@10': "))).toBe(true)
    const logOnly = seedEvaluations.filter(
      (record) => record.metrics && record.evaluation.evaluationMetrics === undefined,
    )
    expect(logOnly).toHaveLength(1)
    const lines = evaluationLogOf(logOnly[0]!, 1_800_000_000_000).map((line) => line.message)
    expect(lines).toContainEqual(expect.stringMatching(/^Evaluation results: \{'mAP@1000': /))
  })

  it('name their model at the top level on most, inside hyperparameters on one, nowhere on one', () => {
    const top = seedEvaluations.filter(({ evaluation }) => typeof evaluation.model === 'string')
    const inside = seedEvaluations.filter(
      ({ evaluation }) => typeof evaluation.hyperparameters.model === 'string',
    )
    const unlinked = seedEvaluations.filter(
      ({ evaluation }) => !evaluation.model && !evaluation.hyperparameters.model,
    )
    expect(top.length).toBeGreaterThan(seedEvaluations.length / 2)
    expect([inside.length, unlinked.length]).toEqual([1, 1])
    expect(unlinked[0]!.evaluation.datasetId).toBeUndefined()
  })

  it('include a failed one with its reason and one still running, neither with metrics', () => {
    const failed = seedEvaluations.filter(({ evaluation }) => evaluation.status === 'failed')
    expect(failed).toHaveLength(1)
    expect(failed[0]!.evaluation.failureReason).toMatch(/\w/)
    const running = seedEvaluations.filter(({ evaluation }) => evaluation.status === 'running')
    expect(running).toHaveLength(1)
    for (const { evaluation } of [...failed, ...running]) {
      expect(evaluation.evaluationMetrics).toBeUndefined()
    }
  })

  it('evaluate with the columns of the model’s training, which their dataset has', () => {
    for (const record of seedEvaluations) {
      const { leftKeys, rightKeys, weightKey } = record.evaluation.hyperparameters
      const columns = Object.keys(datasetOf(record.datasetId)!.dataSchema)
      expect(columns).toEqual(expect.arrayContaining([leftKeys, rightKeys, weightKey].flat()))
    }
  })

  it('report the documented metric names, each under an id of its own', () => {
    const flat = seedEvaluations.find(
      ({ evaluation }) => typeof evaluation.evaluationMetrics === 'object',
    )!
    expect(Object.keys(flat.metrics!)).toEqual([...metricNames])
    expect(new Set(seedEvaluations.map((record) => record.evaluation.evaluationId)).size).toBe(
      seedEvaluations.length,
    )
  })
})

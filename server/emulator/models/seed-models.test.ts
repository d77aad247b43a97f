import { describe, expect, it } from 'vitest'

import { parseModelList } from '../../../src/api/model-schema'
import { fixtureAccount } from '../accounts'
import { seedDatasets } from '../datasets/seed-datasets'
import { generateModels } from './generate-models'
import { seedModels } from './seed-models'

describe('the demo account', () => {
  const { models, rejected } = parseModelList({ models: seedModels })

  it('is read whole by the app’s own schema', () => {
    expect(rejected).toEqual([])
    expect(models).toHaveLength(seedModels.length)
    expect(models.length).toBeGreaterThanOrEqual(20)
  })

  it('is one a newcomer believes: no names that only a test would give', () => {
    for (const { modelName } of models) {
      expect(modelName).not.toMatch(/[<>=]|^model-\d+$/)
    }
  })

  it('has projects with lineage, a sweep, failures and trainings in progress', () => {
    const names = models.map((model) => model.modelName)
    expect(names.filter((name) => name.includes('-lr-sweep-'))).toHaveLength(3)
    const sweep = models.filter((model) => model.modelName.includes('-lr-sweep-'))
    expect(new Set(sweep.map((model) => model.hyperparameters.lr)).size).toBe(3)
    expect(
      models.filter((model) => model.status.toLowerCase() === 'failed').length,
    ).toBeGreaterThanOrEqual(2)
    expect(
      models.filter((model) => model.status.toLowerCase() === 'running').length,
    ).toBeGreaterThanOrEqual(3)
  })

  it('trains on the seeded datasets: every model’s columns are a training dataset’s', () => {
    const training = seedDatasets.filter((dataset) => dataset.datasetType === 'training')
    for (const model of models.filter((each) => !each.hyperparametersText)) {
      const { leftKeys, rightKeys, weightKey } = model.hyperparameters
      const wanted = [leftKeys, rightKeys, weightKey].flat().filter((key) => key !== undefined)
      const trainedOn = training.find((dataset) =>
        wanted.every((key) => typeof key === 'string' && key in dataset.dataSchema),
      )
      expect({ model: model.modelName, trainedOn: Boolean(trainedOn) }).toEqual({
        model: model.modelName,
        trainedOn: true,
      })
    }
  })

  it('covers every status phase, a status in another case and an unknown one', () => {
    const statuses = new Set(models.map((model) => model.status))
    const secondary = new Set(models.map((model) => model.secondaryStatus))
    for (const status of ['ready', 'failed', 'stopped', 'running', 'finished']) {
      expect(statuses).toContain(status)
    }
    for (const phase of ['provisioning', 'running', 'uploading']) expect(secondary).toContain(phase)
    expect(statuses).toContain('Failed')
    expect(statuses).toContain('Archived')
  })

  it('covers both instance types and several base model families', () => {
    expect(new Set(models.map((model) => model.instanceType))).toEqual(
      new Set(['marqtune.basic', 'marqtune.performance']),
    )
    const families = new Set(models.map((model) => model.baseModel.split('.')[0]))
    expect(families.size).toBeGreaterThanOrEqual(5)
  })

  it('has a chained model whose parent and checkpoint exist in the account', () => {
    const chained = models.filter((model) => /^[0-9a-f-]{36}\/epoch_\d+$/.test(model.baseModel))
    expect(chained.length).toBeGreaterThan(0)
    for (const model of chained) {
      const [parentId, checkpoint] = model.baseModel.split('/')
      const parent = models.find((candidate) => candidate.modelId === parentId)
      expect(parent?.checkpoints).toContain(checkpoint)
    }
  })

  it('has the edge cases the dashboard must render', () => {
    const counts = models.map((model) => model.checkpoints.length)
    expect(counts).toEqual(expect.arrayContaining([0, 1, 40]))
    expect(models.some((model) => model.baseCheckpoint)).toBe(true)
    expect(models.some((model) => model.maxTrainingTime === undefined)).toBe(true)
    expect(models.some((model) => model.failureReason?.includes('\n  File '))).toBe(true)
    expect(models.some((model) => model.hyperparametersText)).toBe(true)
    expect(models.some((model) => /\p{Script=Cyrillic}/u.test(model.modelName))).toBe(true)
    expect(models.some((model) => Object.keys(model.extra).length > 0)).toBe(true)
    expect(
      models.some((model) =>
        Object.values(model.hyperparameters).some(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
        ),
      ),
    ).toBe(true)
  })
})

describe('the fixtures account', () => {
  it('is the demo account and the names only tests need, all read by the app', () => {
    const { models, rejected } = parseModelList({ models: fixtureAccount.models })
    expect(rejected).toEqual([])
    expect(models.slice(0, seedModels.length).map((model) => model.modelId)).toEqual(
      seedModels.map((model) => model.modelId),
    )
    const names = models.map((model) => model.modelName)
    expect(names).toEqual(expect.arrayContaining(['model-2', 'model-10']))
    expect(names.some((name) => /<b>.*&.*".*'/.test(name))).toBe(true)
    expect(names.some((name) => name.startsWith('=HYPERLINK('))).toBe(true)
  })
})

describe('generateModels', () => {
  it('makes the same account from the same seed, and another from another seed', () => {
    expect(generateModels(200, 7)).toEqual(generateModels(200, 7))
    expect(generateModels(200, 8)).not.toEqual(generateModels(200, 7))
  })

  it('makes models the app reads, with unique ids', () => {
    const { models, rejected } = parseModelList({ models: generateModels(2000, 1) })
    expect(models).toHaveLength(2000)
    expect(rejected).toEqual([])
  })
})

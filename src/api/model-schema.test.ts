import { describe, expect, it } from 'vitest'

import { parseModelList } from './model-schema'

const minimal = {
  modelId: '3725abdd-80f2-4030-8a8d-276519b4f678',
  modelName: 'gs-apparel-v3',
  status: 'ready',
  secondaryStatus: 'ready',
  baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
  instanceType: 'marqtune.basic',
  checkpoints: ['epoch_1', 'epoch_2'],
  hyperparameters: { epochs: 2, lr: 2e-5 },
}

function withId(id: string, fields: Record<string, unknown> = {}) {
  return { ...minimal, modelId: id, ...fields }
}

describe('parseModelList', () => {
  it('keeps a "__proto__" field as data, never as a prototype', () => {
    const [model] = parseModelList(
      JSON.parse(
        `{"models":[${JSON.stringify(minimal).slice(0, -1)},"__proto__":{"polluted":1}}]}`,
      ),
    ).models
    expect(Object.getPrototypeOf(model?.extra)).toBe(Object.prototype)
    expect(Object.keys(model?.extra ?? {})).toEqual(['__proto__'])
  })

  it('reads the documented wrapped envelope', () => {
    const { models } = parseModelList({ statusCode: 200, body: { models: [minimal] } })
    expect(models.map((model) => model.modelName)).toEqual(['gs-apparel-v3'])
  })

  it('reads the bare object and a bare array alike', () => {
    expect(parseModelList({ models: [minimal] }).models).toHaveLength(1)
    expect(parseModelList([minimal]).models).toHaveLength(1)
  })

  it('reads a Lambda body that is still a JSON string', () => {
    const json = { statusCode: 200, body: JSON.stringify({ models: [minimal] }) }
    expect(parseModelList(json).models).toHaveLength(1)
  })

  it('ignores a statusCode field: the HTTP status already decided success', () => {
    expect(parseModelList({ statusCode: 500, body: { models: [minimal] } }).models).toHaveLength(1)
  })

  it('accepts a model with every optional field missing', () => {
    const { modelId, modelName, status, baseModel, instanceType } = minimal
    const [model] = parseModelList([{ modelId, modelName, status, baseModel, instanceType }]).models
    expect(model).toMatchObject({
      secondaryStatus: undefined,
      failureReason: undefined,
      baseCheckpoint: undefined,
      maxTrainingTime: undefined,
      checkpoints: [],
      hyperparameters: {},
      hyperparametersText: undefined,
      extra: {},
    })
  })

  it('treats null optional fields as absent', () => {
    const [model] = parseModelList([
      { ...minimal, failureReason: null, maxTrainingTime: null, checkpoints: null },
    ]).models
    expect(model?.failureReason).toBeUndefined()
    expect(model?.maxTrainingTime).toBeUndefined()
    expect(model?.checkpoints).toEqual([])
  })

  it('keeps optional fields when present', () => {
    const [model] = parseModelList([
      {
        ...minimal,
        status: 'failed',
        failureReason: 'line one\nline two',
        baseCheckpoint: 'laion400m_e31',
        maxTrainingTime: 7200,
      },
    ]).models
    expect(model).toMatchObject({
      failureReason: 'line one\nline two',
      baseCheckpoint: 'laion400m_e31',
      maxTrainingTime: 7200,
    })
  })

  it('reads maxTrainingTime sent as a numeric string, as in the docs example', () => {
    const [model] = parseModelList([{ ...minimal, maxTrainingTime: ' 43200 ' }]).models
    expect(model?.maxTrainingTime).toBe(43200)
  })

  it('parses hyperparameters sent as a JSON string and keeps the text', () => {
    const text = '{"epochs": 3, "lr": 1e-05, "rightKeys": ["image", "title"]}'
    const [model] = parseModelList([{ ...minimal, hyperparameters: text }]).models
    expect(model?.hyperparameters).toEqual({ epochs: 3, lr: 1e-5, rightKeys: ['image', 'title'] })
    expect(model?.hyperparametersText).toBe(text)
  })

  it('keeps hyperparameters text that is not JSON, to show it as it is', () => {
    const [model] = parseModelList([{ ...minimal, hyperparameters: 'epochs=3 lr=1e-5' }]).models
    expect(model?.hyperparameters).toEqual({})
    expect(model?.hyperparametersText).toBe('epochs=3 lr=1e-5')
  })

  it('keeps unknown statuses and extra fields instead of rejecting them', () => {
    const [model] = parseModelList([
      { ...minimal, status: 'Archived', datasetId: 'ds-1', progress: { epoch: 2 } },
    ]).models
    expect(model?.status).toBe('Archived')
    expect(model?.extra).toEqual({ datasetId: 'ds-1', progress: { epoch: 2 } })
  })

  it('shows the valid models when some cannot be read, and counts the rest', () => {
    const result = parseModelList({
      models: [
        withId('a'),
        { modelName: 'no id' },
        withId('b', { checkpoints: 'epoch_1' }),
        withId('c', { maxTrainingTime: 'a day' }),
        'not even an object',
        withId('d'),
      ],
    })
    expect(result.models.map((model) => model.modelId)).toEqual(['a', 'd'])
    expect(result.unreadable).toBe(4)
  })

  it('keeps the first of two models with the same id and counts the repeat', () => {
    const result = parseModelList([withId('a'), withId('a', { modelName: 'copy' })])
    expect(result.models.map((model) => model.modelName)).toEqual(['gs-apparel-v3'])
    expect(result.duplicates).toBe(1)
  })

  it('reads an empty account', () => {
    expect(parseModelList({ statusCode: 200, body: { models: [] } })).toEqual({
      models: [],
      unreadable: 0,
      duplicates: 0,
    })
  })

  it.each([
    ['an error-shaped body', { message: 'Unauthorized.' }],
    ['a wrapper without models', { statusCode: 200, body: { items: [] } }],
    ['null', null],
    ['a string', 'models'],
  ])('refuses %s with an unexpected-response error', (_, json) => {
    expect(() => parseModelList(json)).toThrow(
      expect.objectContaining({ name: 'ApiError', kind: 'unexpected' }),
    )
  })
})

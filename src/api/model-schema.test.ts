import { describe, expect, it } from 'vitest'

import { documentedExample } from '../../server/emulator/models/documented-example'
import { modelListReader, parseModelList } from './model-schema'

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

  it('shows every entry with an identity, and keeps the others to be read', () => {
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
    expect(result.models.map((model) => model.modelId)).toEqual(['a', 'b', 'c', 'd'])
    expect(result.rejected).toEqual([
      { position: 1, value: { modelName: 'no id' }, why: 'no model id' },
      { position: 4, value: 'not even an object', why: 'not an object' },
    ])
  })

  it('keeps the first of two models with the same id and keeps the repeat to be read', () => {
    const copy = withId('a', { modelName: 'copy' })
    const result = parseModelList([withId('a'), copy])
    expect(result.models.map((model) => model.modelName)).toEqual(['gs-apparel-v3'])
    expect(result.rejected).toEqual([{ position: 1, value: copy, why: 'repeated id' }])
  })

  it('reads an empty account', () => {
    expect(parseModelList({ statusCode: 200, body: { models: [] } })).toEqual({
      models: [],
      rejected: [],
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

/** The list read in pieces of `size` characters, as the network hands them on. */
function readInPieces(text: string, size: number) {
  const { reader, list } = modelListReader()
  for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size))
  return list(reader.parse(text))
}

describe('modelListReader', () => {
  it('reads what parseModelList reads, odd entries, repeats and positions too, in any pieces', () => {
    const models = [
      withId('a'),
      { modelName: 'no id' },
      withId('b', { checkpoints: 'epoch_1', hyperparameters: '{"lr": 0.1}' }),
      'not even an object',
      withId('a', { modelName: 'copy' }),
      withId('c', { maxTrainingTime: 'a day', status: '  Ready ' }),
    ]
    for (const json of [models, { models }, { statusCode: 200, body: { models } }]) {
      const text = JSON.stringify(json)
      for (const size of [1, 7, 64, text.length]) {
        expect(readInPieces(text, size)).toEqual(parseModelList(json))
      }
    }
  })

  it('reads a list it could not take as it came from the whole answer, as before', () => {
    const json = { statusCode: 200, body: JSON.stringify({ models: [withId('a')] }) }
    expect(readInPieces(JSON.stringify(json), 10)).toEqual(parseModelList(json))
    expect(() => readInPieces('{"message":"Unauthorized."}', 4)).toThrow(
      expect.objectContaining({ name: 'ApiError', kind: 'unexpected' }),
    )
  })
})

const documentedList = { statusCode: 200, body: { models: [documentedExample] } }

describe('reading field by field', () => {
  it('reads the documented example as one model, every field shown', () => {
    const { models, rejected } = parseModelList(documentedList)
    expect(rejected).toEqual([])
    expect(models).toHaveLength(1)
    // Every field as it came, but the two that could not be read as what they stand for.
    expect(models[0]).toMatchObject({
      ...documentedExample,
      maxTrainingTime: undefined,
      hyperparameters: {},
      hyperparametersText: documentedExample.hyperparameters,
    })
    expect(models[0]?.warnings).toEqual([
      { field: 'maxTrainingTime', came: 'maxTrainingTime', expected: 'a number of seconds' },
      {
        field: 'hyperparameters',
        came: documentedExample.hyperparameters,
        expected: 'an object of training parameters',
      },
    ])
  })

  it('trims the status, as it always did', () => {
    expect(parseModelList([{ ...minimal, status: ' Failed ' }]).models[0]?.status).toBe('Failed')
  })

  it('has no warnings for a model as documented', () => {
    expect(parseModelList([minimal]).models[0]?.warnings).toEqual([])
  })

  it.each([
    ['a numeric id', { modelId: 42 }, { modelId: '42' }, ['modelId']],
    [
      'a failure reason that is an object with a message',
      { failureReason: { message: 'CUDA out of memory', code: 7 } },
      { failureReason: 'CUDA out of memory' },
      ['failureReason'],
    ],
    [
      'checkpoints with objects among the names',
      { checkpoints: ['epoch_1', { name: 'epoch_2' }, { step: 3 }] },
      { checkpoints: ['epoch_1', 'epoch_2', '{"step":3}'] },
      ['checkpoints'],
    ],
    [
      'hyperparameters that are an array',
      { hyperparameters: [1, 2] },
      { hyperparameters: {}, hyperparametersText: '[1,2]' },
      ['hyperparameters'],
    ],
    [
      'no instance type and no base model',
      { instanceType: undefined, baseModel: null },
      { instanceType: '', baseModel: '' },
      ['baseModel', 'instanceType'],
    ],
    ['a status that is a number', { status: 3 }, { status: '3' }, ['status']],
    ['a blank status', { status: '  ' }, { status: '' }, ['status']],
    [
      'a failure object whose message is no text but whose name is',
      { failureReason: { message: 0, name: 'OutOfMemoryError' } },
      { failureReason: 'OutOfMemoryError' },
      ['failureReason'],
    ],
    [
      'a time limit that is not a number of seconds',
      { maxTrainingTime: -5 },
      { maxTrainingTime: undefined },
      ['maxTrainingTime'],
    ],
  ])('keeps a model with %s, and says which fields', (_, fields, read, warned) => {
    const [model] = parseModelList([{ ...minimal, ...fields }]).models
    expect(model).toMatchObject(read)
    expect(model?.warnings.map((warning) => warning.field)).toEqual(warned)
  })

  it('shows what came, cut when it is long', () => {
    const [model] = parseModelList([
      { ...minimal, failureReason: { trace: 'x'.repeat(2000) } },
    ]).models
    const came = model?.warnings[0]?.came ?? ''
    expect(came.startsWith('{"trace":"xxx')).toBe(true)
    expect(came.length).toBeLessThanOrEqual(501)
  })
})

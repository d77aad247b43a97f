import { describe, expect, it } from 'vitest'

import { parseEvaluation, parseEvaluationList, readEvaluation } from './evaluation-schema'

const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'
const datasetId = 'd1b2c3d4-0000-4000-8000-000000000001'
const documented = {
  evaluationId: 'e0c1a2b3-1111-4222-8333-444455556666',
  status: 'Ready',
  secondaryStatus: 'Ready',
  hyperparameters: { leftKeys: ['query'], rightKeys: ['image', 'title'] },
}

describe('parseEvaluationList', () => {
  it.each([
    ['a bare list', [documented]],
    ['{evaluations: [...]}', { evaluations: [documented] }],
    ['{models: [...]}, as the docs example has it', { models: [documented] }],
    ['the only list of an object', { items: [documented], count: 1 }],
    ['the documented envelope', { statusCode: 200, body: { models: [documented] } }],
    [
      'an envelope whose body is JSON text',
      { statusCode: 200, body: JSON.stringify([documented]) },
    ],
  ])('reads %s', (_, json) => {
    const { evaluations, rejected } = parseEvaluationList(json)
    expect(evaluations.map((evaluation) => evaluation.evaluationId)).toEqual([
      documented.evaluationId,
    ])
    expect(rejected).toEqual([])
  })

  it('shows every entry with an id and keeps the others with the reason', () => {
    const { evaluations, rejected } = parseEvaluationList([
      documented,
      { status: 'Ready' },
      'text',
      { ...documented, status: 'Failed' },
      { evaluationId: 7, status: 'Ready' },
    ])
    expect(evaluations.map((evaluation) => evaluation.evaluationId)).toEqual([
      documented.evaluationId,
      '7',
    ])
    expect(rejected).toEqual([
      { position: 1, value: { status: 'Ready' }, why: 'no evaluation id' },
      { position: 2, value: 'text', why: 'not an object' },
      { position: 3, value: { ...documented, status: 'Failed' }, why: 'repeated id' },
    ])
    expect(evaluations[1]?.warnings.map((warning) => warning.field)).toEqual(['evaluationId'])
  })

  it.each([
    ['an error body', { message: 'Unauthorized' }],
    ['two unnamed lists', { a: [documented], b: [] }],
    ['null', null],
  ])('refuses %s with an unexpected-response error', (_, json) => {
    expect(() => parseEvaluationList(json)).toThrow(
      expect.objectContaining({ name: 'ApiError', kind: 'unexpected' }),
    )
  })
})

describe('readEvaluation', () => {
  it('reads a documented entry without a warning, and says it is unlinked', () => {
    expect(readEvaluation(documented)).toMatchObject({
      status: 'Ready',
      secondaryStatus: 'Ready',
      failureReason: undefined,
      evaluationMetrics: undefined,
      model: undefined,
      unlinked: true,
      datasetId: undefined,
      datasetFrom: undefined,
      createdAt: undefined,
      extra: {},
      warnings: [],
    })
  })

  it.each([
    [
      'a checkpoint at the top level',
      { model: `${modelId}/epoch_3` },
      { kind: 'checkpoint', modelId, checkpoint: 'epoch_3', from: 'model' },
    ],
    [
      'a base model at the top level',
      { model: 'Marqo/ViT-B-32.laion2b_s34b_b79k' },
      { kind: 'base', reference: 'Marqo/ViT-B-32.laion2b_s34b_b79k', from: 'model' },
    ],
    [
      'a checkpoint inside the hyperparameters',
      { hyperparameters: { model: ` ${modelId}/epoch_2 ` } },
      {
        kind: 'checkpoint',
        reference: `${modelId}/epoch_2`,
        checkpoint: 'epoch_2',
        from: 'hyperparameters.model',
      },
    ],
    [
      'a modelId with a checkpoint',
      { modelId, checkpoint: 'epoch_4' },
      {
        kind: 'checkpoint',
        reference: `${modelId}/epoch_4`,
        from: 'modelId and checkpoint',
      },
    ],
    [
      'a modelId alone',
      { hyperparameters: { modelId } },
      { kind: 'model', modelId, from: 'hyperparameters.modelId' },
    ],
    [
      'a modelId that is a reference',
      { modelId: `${modelId}/epoch_1` },
      { kind: 'checkpoint', checkpoint: 'epoch_1', from: 'modelId' },
    ],
  ])('finds the model it used: %s', (_, fields, model) => {
    const evaluation = readEvaluation({ ...documented, ...fields })
    expect(evaluation?.model).toMatchObject(model)
    expect(evaluation?.unlinked).toBe(false)
    expect(evaluation?.warnings).toEqual([])
  })

  it('reads hyperparameters sent as JSON text, and what they name', () => {
    const hyperparameters = JSON.stringify({ model: `${modelId}/epoch_1`, datasetId })
    const evaluation = readEvaluation({ ...documented, hyperparameters })
    expect(evaluation).toMatchObject({
      hyperparameters: { model: `${modelId}/epoch_1`, datasetId },
      hyperparametersText: hyperparameters,
      model: { kind: 'checkpoint', from: 'hyperparameters.model' },
      datasetId,
      datasetFrom: 'hyperparameters.datasetId',
    })
  })

  it('keeps the top level when the hyperparameters name something else, and says so', () => {
    const evaluation = readEvaluation({
      ...documented,
      model: `${modelId}/epoch_1`,
      datasetId,
      hyperparameters: { model: 'Marqo/other', datasetId: 'another' },
    })
    expect(evaluation?.model?.reference).toBe(`${modelId}/epoch_1`)
    expect(evaluation?.datasetId).toBe(datasetId)
    expect(evaluation?.warnings).toEqual([
      {
        field: 'hyperparameters.model',
        came: 'Marqo/other',
        expected: `the same model as model (${modelId}/epoch_1)`,
      },
      {
        field: 'hyperparameters.datasetId',
        came: 'another',
        expected: `the same dataset as datasetId (${datasetId})`,
      },
    ])
  })

  it.each([
    ['a blank model', { model: '  ' }, undefined, ['model']],
    ['a model that is a number', { model: 42 }, { kind: 'base', reference: '42' }, ['model']],
    [
      'a model that is an object with an id',
      { model: { modelId, checkpoint: 'epoch_2' } },
      { kind: 'checkpoint', checkpoint: 'epoch_2' },
      ['model'],
    ],
    ['a checkpoint with no model', { checkpoint: 'epoch_2' }, undefined, ['checkpoint']],
  ])('keeps an evaluation with %s, and says which field', (_, fields, model, warned) => {
    const evaluation = readEvaluation({ ...documented, ...fields })
    expect(evaluation).toMatchObject({ model })
    expect(evaluation?.warnings.map((warning) => warning.field)).toEqual(warned)
  })

  it('keeps the metrics as they came, and unknown fields in extra', () => {
    const evaluation = readEvaluation({
      ...documented,
      evaluationMetrics: "{'NDCG@10': 0.42}",
      createdAt: '2026-03-01T10:00:00Z',
      instanceType: 'marqtune.basic',
    })
    expect(evaluation?.evaluationMetrics).toBe("{'NDCG@10': 0.42}")
    expect(evaluation?.createdAt?.toISOString()).toBe('2026-03-01T10:00:00.000Z')
    expect(evaluation?.extra).toEqual({
      createdAt: '2026-03-01T10:00:00Z',
      instanceType: 'marqtune.basic',
    })
  })

  it('reads a creation time in seconds or milliseconds, and ignores one that is not a time', () => {
    expect(createdAt({ created: 1_767_261_600 })).toBe(1_767_261_600_000)
    expect(createdAt({ timestamp: '1767261600000' })).toBe(1_767_261_600_000)
    expect(createdAt({ createdAt: 'yesterday' })).toBeUndefined()
  })

  it('keeps a failure reason and an odd status, as models do', () => {
    const evaluation = readEvaluation({
      ...documented,
      status: ' Failed ',
      failureReason: { message: 'Dataset not ready' },
    })
    expect(evaluation).toMatchObject({ status: 'Failed', failureReason: 'Dataset not ready' })
    expect(evaluation?.warnings.map((warning) => warning.field)).toEqual(['failureReason'])
  })
})

function createdAt(fields: Record<string, unknown>): number | undefined {
  return readEvaluation({ ...documented, ...fields })?.createdAt?.getTime()
}

describe('parseEvaluation', () => {
  it('reads describe bare, in the envelope, or under `evaluation`', () => {
    const described = { ...documented, evaluationMetrics: { 'NDCG@10': 0.4 } }
    for (const json of [
      described,
      { statusCode: 200, body: described },
      { evaluation: described },
      { statusCode: 200, body: JSON.stringify({ evaluation: described }) },
    ]) {
      expect(parseEvaluation(json)?.evaluationMetrics).toEqual({ 'NDCG@10': 0.4 })
    }
  })

  it('has no evaluation for an answer without one', () => {
    expect(parseEvaluation({ message: 'evaluation not found' })).toBeUndefined()
    expect(parseEvaluation([documented])).toBeUndefined()
  })
})

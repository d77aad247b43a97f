import { describe, expect, it } from 'vitest'

import { readEvaluation } from '@/api/evaluation-schema'
import { makeModel } from '@/testing/factories'

import { evaluationSubject, modelFinder } from './evaluation-subject'

const model = makeModel({ checkpoints: ['epoch_1'] })
const fixture = makeModel({ modelId: 'Fixture-Model' })
const find = modelFinder([model, fixture])

function subjectOf(fields: Record<string, unknown>) {
  return evaluationSubject(readEvaluation({ evaluationId: 'e', status: 'Ready', ...fields })!, find)
}

describe('evaluationSubject', () => {
  it('ties a checkpoint to its model in the account', () => {
    expect(subjectOf({ model: `${model.modelId.toUpperCase()}/epoch_1` })).toEqual({
      kind: 'checkpoint',
      modelId: model.modelId.toUpperCase(),
      checkpoint: 'epoch_1',
      model,
    })
  })

  it('keeps a checkpoint of a model not in the account, without a model to link', () => {
    const other = '11111111-2222-4333-8444-555555555555'
    expect(subjectOf({ hyperparameters: { model: `${other}/epoch_2` } })).toEqual({
      kind: 'checkpoint',
      modelId: other,
      checkpoint: 'epoch_2',
      model: undefined,
    })
  })

  it('finds a model whose id is not a UUID by the reference text', () => {
    expect(subjectOf({ model: 'fixture-model/epoch_3' })).toMatchObject({
      kind: 'checkpoint',
      checkpoint: 'epoch_3',
      model: fixture,
    })
  })

  it('names a base model, a model without checkpoint, and says when nothing is named', () => {
    expect(subjectOf({ model: 'Marqo/ViT-B-32.laion2b_s34b_b79k' })).toEqual({
      kind: 'base',
      name: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    })
    expect(subjectOf({ modelId: model.modelId })).toEqual({
      kind: 'model',
      modelId: model.modelId,
      model,
    })
    expect(subjectOf({})).toEqual({ kind: 'unlinked' })
  })
})

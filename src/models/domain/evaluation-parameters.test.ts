import { describe, expect, it } from 'vitest'

import { evaluationRequestBody } from '@common/evaluation-request'

import { makeModel } from '@/testing/factories'
import { codeSnippet } from './code-snippets'
import { checkEvaluationParameters, evaluationParametersFrom } from './evaluation-parameters'
import { checkpointReference } from './lineage'

const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'
const training = {
  leftKeys: ['query'],
  leftWeights: [1],
  rightKeys: ['image', 'title'],
  rightWeights: [0.9, 0.1],
  weightKey: 'score',
  epochs: 10,
  lr: 2e-5,
  batchSize: 256,
  precision: 'amp',
}

describe('evaluationParametersFrom', () => {
  it('takes the training’s columns and weights, and nothing else of it', () => {
    expect(evaluationParametersFrom(training)).toEqual({
      leftKeys: ['query'],
      leftWeights: [1],
      rightKeys: ['image', 'title'],
      rightWeights: [0.9, 0.1],
      weightKey: 'score',
    })
    // batchSize means another thing in a training: the evaluation's default stands.
    expect(evaluationParametersFrom(training)).not.toHaveProperty('batchSize')
  })

  it('copies what is there, as it came, and invents nothing missing', () => {
    expect(evaluationParametersFrom({ rightKeys: 'title', epochs: 2 })).toEqual({
      rightKeys: 'title',
    })
    expect(evaluationParametersFrom({})).toEqual({})
    const inherited = Object.create({ leftKeys: ['query'] }) as Record<string, unknown>
    expect(evaluationParametersFrom(inherited)).toEqual({})
  })
})

describe('checkEvaluationParameters', () => {
  it('passes a training’s own parameters, typed for the dialog', () => {
    const checked = checkEvaluationParameters(evaluationParametersFrom(training))
    expect(checked).toEqual({ parameters: evaluationParametersFrom(training) })
  })

  it('names each field that cannot be sent, before anything is sent', () => {
    const checked = checkEvaluationParameters({
      leftKeys: ['query', 7],
      leftWeights: [1],
      rightKeys: ['title'],
      rightWeights: [1, 2],
    })
    expect(checked).toEqual({
      problems: [
        {
          field: 'hyperparameters.leftKeys',
          message:
            'hyperparameters.leftKeys must be a list of at least one column name (the query side)',
        },
        {
          field: 'hyperparameters.rightWeights',
          message:
            'hyperparameters.rightWeights must be a list of numbers, one for each rightKeys column',
        },
      ],
    })
    expect(checkEvaluationParameters(evaluationParametersFrom({ rightKeys: ['t'] }))).toMatchObject(
      {
        problems: expect.arrayContaining([
          expect.objectContaining({ field: 'hyperparameters.leftKeys' }),
        ]),
      },
    )
  })
})

describe('the evaluate request, wherever it is made', () => {
  it('is the same from the dialog and from the copy-as-code snippet', () => {
    const model = makeModel({
      modelId,
      checkpoints: ['epoch_1', 'epoch_2'],
      hyperparameters: training,
    })
    const datasetId = '29dbe3f5-adcf-41e8-8c7e-8f9012345678'
    const fromDialog = evaluationRequestBody({
      datasetId,
      model: checkpointReference(model.modelId, 'epoch_2'),
      hyperparameters: evaluationParametersFrom(model.hyperparameters),
    })
    const curl = codeSnippet('curl', 'evaluate', model, 'epoch_2')
    const data = /--data '([^']*)'/.exec(curl)?.[1] ?? ''
    const fromSnippet = data.replace('<EVALUATION_DATASET_ID>', datasetId)
    expect(fromSnippet).toBe(JSON.stringify(fromDialog, null, 2))
    expect(checkEvaluationParameters(fromDialog.hyperparameters)).toHaveProperty('parameters')
  })
})

import { describe, expect, it } from 'vitest'

import {
  evaluationParameterProblems,
  evaluationRequestBody,
  evaluationRequestProblems,
  readEvaluationRequest,
} from './evaluation-request'
import { isModelReference } from './model-id'

const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'
const parameters = {
  leftKeys: ['query'],
  leftWeights: [1],
  rightKeys: ['title'],
  rightWeights: [1],
}
const request = {
  datasetId: '29dbe3f5-adcf-41e8-8c7e-8f9012345678',
  model: `${modelId}/epoch_3`,
  hyperparameters: parameters,
}
const fields = (problems: readonly { field: string }[]) => problems.map(({ field }) => field)

describe('the model an evaluation may name', () => {
  it.each([
    `${modelId}/epoch_3`,
    `${modelId.toUpperCase()}/epoch_12`,
    'Marqo/ViT-B-32.laion2b_s34b_b79k',
    'Marqo/xlm-roberta-large-ViT-H-14.frozen_laion5b_s13b_b90k',
    'Marqo/marqo-fashionCLIP',
    'hf/e5-base-v2',
  ])('takes %s', (reference) => {
    expect(isModelReference(reference)).toBe(true)
  })

  it.each([
    ['a name without its owner', 'ViT-B-32'],
    ['a path', 'Marqo/ViT/B'],
    ['a dot segment', 'Marqo/..'],
    ['a leading dot', '.hidden/model'],
    ['spaces', 'Marqo/ViT B'],
    ['a query', 'Marqo/ViT?x=1'],
    ['a URL', 'https://evil.example/model'],
    ['an empty name', 'Marqo/'],
    ['a checkpoint past 64 characters', `${modelId}/${'e'.repeat(65)}`],
    ['a checkpoint that starts with a dot', `${modelId}/.epoch`],
    ['an owner past 64 characters', `${'o'.repeat(65)}/model`],
    ['a line break', 'Marqo/ViT\n'],
  ])('refuses %s', (_name, reference) => {
    expect(isModelReference(reference)).toBe(false)
  })
})

describe('evaluation parameters', () => {
  it('take the four column parameters and the documented optional ones', () => {
    expect(evaluationParameterProblems(parameters)).toEqual([])
    expect(
      evaluationParameterProblems({
        ...parameters,
        rightKeys: ['image', 'title'],
        rightWeights: [0.9, -0.1],
        weightKey: 'score',
        batchSize: 32,
        contextLength: 77,
        numWorkers: 0,
        runQueriesCpu: false,
        topQ: 20_000,
      }),
    ).toEqual([])
  })

  it('name every field that is wrong, once, in the documented order', () => {
    const problems = evaluationParameterProblems({
      leftKeys: [],
      leftWeights: [1, 2],
      rightKeys: ['title', ' '],
      rightWeights: 'heavy',
      weightKey: '',
      batchSize: 0,
      contextLength: 7.5,
      numWorkers: -1,
      runQueriesCpu: 'yes',
      topQ: 0,
      epochs: 5,
    })
    expect(fields(problems)).toEqual([
      'hyperparameters.leftKeys',
      // Judged on its own while its keys are wrong: the keys' problem is named there.
      'hyperparameters.rightKeys',
      'hyperparameters.rightWeights',
      'hyperparameters.weightKey',
      'hyperparameters.batchSize',
      'hyperparameters.contextLength',
      'hyperparameters.numWorkers',
      'hyperparameters.runQueriesCpu',
      'hyperparameters.topQ',
      'hyperparameters.epochs',
    ])
    expect(problems[0]!.message).toBe(
      'hyperparameters.leftKeys must be a list of at least one column name (the query side)',
    )
    expect(problems.at(-1)!.message).toBe('hyperparameters.epochs is not an evaluation parameter')
  })

  it('want one weight per column', () => {
    expect(fields(evaluationParameterProblems({ ...parameters, leftWeights: [1, 1] }))).toEqual([
      'hyperparameters.leftWeights',
    ])
    expect(fields(evaluationParameterProblems({ ...parameters, rightWeights: [] }))).toEqual([
      'hyperparameters.rightWeights',
    ])
    expect(fields(evaluationParameterProblems({ ...parameters, leftWeights: undefined }))).toEqual([
      'hyperparameters.leftWeights',
    ])
  })

  it('are an object, not the text of one', () => {
    expect(evaluationParameterProblems(JSON.stringify(parameters))).toEqual([
      { field: 'hyperparameters', message: 'hyperparameters must be a JSON object' },
    ])
    expect(fields(evaluationParameterProblems([parameters]))).toEqual(['hyperparameters'])
  })
})

describe('an evaluation request', () => {
  it('is read as the three fields, rebuilt in the documented order', () => {
    const shuffled = JSON.parse(
      `{"hyperparameters":{"rightWeights":[1],"rightKeys":["title"],"leftWeights":[1],"leftKeys":["query"]},"model":"${request.model}","datasetId":"${request.datasetId}"}`,
    ) as unknown
    const read = readEvaluationRequest(shuffled)
    expect(read).toEqual({ body: request })
    expect('body' in read && JSON.stringify(read.body)).toBe(JSON.stringify(request))
  })

  it('refuses a field it does not take rather than drop it, and names it plainly', () => {
    expect(fields(evaluationRequestProblems({ ...request, instanceType: 'x' }))).toEqual([
      'instanceType',
    ])
    const hostile = JSON.parse(`{"__proto__": {"x": 1}, "<b>": 1}`) as Record<string, unknown>
    const problems = evaluationRequestProblems({ ...request, ...hostile })
    expect(problems.map(({ message }) => message)).toEqual([
      '__proto__ is not a field of an evaluation request (datasetId, model, hyperparameters)',
      'a field with an unusual name is not a field of an evaluation request (datasetId, model, hyperparameters)',
    ])
  })

  it('names what is missing or not a JSON object', () => {
    expect(fields(evaluationRequestProblems({}))).toEqual(['datasetId', 'model', 'hyperparameters'])
    expect(evaluationRequestProblems(null)).toEqual([
      { field: '', message: 'The request body must be a JSON object' },
    ])
  })

  it('is built the same wherever it is built: known parameters first, in order', () => {
    const built = evaluationRequestBody({
      model: request.model,
      hyperparameters: { weightKey: 'score', extra: 1, rightWeights: [1], leftKeys: ['q'] },
      datasetId: '<EVALUATION_DATASET_ID>',
    })
    expect(JSON.stringify(built)).toBe(
      `{"datasetId":"<EVALUATION_DATASET_ID>","model":"${request.model}","hyperparameters":{"leftKeys":["q"],"rightWeights":[1],"weightKey":"score","extra":1}}`,
    )
  })
})

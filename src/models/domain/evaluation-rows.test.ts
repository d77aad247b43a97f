import { describe, expect, it } from 'vitest'

import type { Dataset } from '@/api/dataset-schema'
import { readEvaluation, type Evaluation } from '@/api/evaluation-schema'
import { makeModel } from '@/testing/factories'

import {
  evaluationRows,
  filterEvaluationRows,
  phaseCounts,
  sortEvaluationRows,
  type EvaluationRow,
} from './evaluation-rows'
import { evaluationMetrics } from './metrics'

const model = makeModel({
  modelId: '11111111-2222-4333-8444-555555555555',
  modelName: 'apparel-v3',
  checkpoints: ['epoch_1', 'epoch_2', 'epoch_10'],
})
const datasets = new Map([['d1', { datasetId: 'd1', datasetName: 'Apparel eval' } as Dataset]])

function evaluation(id: string, fields: Record<string, unknown>): Evaluation {
  return readEvaluation({ evaluationId: id, status: 'Ready', ...fields })!
}

const evaluations = [
  evaluation('e1', {
    model: `${model.modelId}/epoch_2`,
    datasetId: 'd1',
    evaluationMetrics: { 'NDCG@10': 0.4 },
  }),
  evaluation('e2', {
    model: `${model.modelId}/epoch_10`,
    datasetId: 'd1',
    evaluationMetrics: { 'NDCG@10': 0.5 },
  }),
  evaluation('e3', {
    model: 'Marqo/ViT-B-32',
    datasetId: 'd1',
    evaluationMetrics: { ndcg: { '@10': 0.3 } },
  }),
  evaluation('e4', {
    status: 'Failed',
    datasetId: 'unknown-dataset',
    failureReason: 'checkpoint could not be loaded',
  }),
  evaluation('e5', { status: 'Running', model: `${model.modelId}/epoch_1` }),
]

function rows(): EvaluationRow[] {
  return evaluationRows(evaluations, {
    models: [model],
    datasets,
    metricsOf: (each) => evaluationMetrics(each),
  })
}

const ids = (list: readonly EvaluationRow[]) => list.map((row) => row.evaluation.evaluationId)

describe('evaluationRows', () => {
  it('lists every evaluation newest first (the service’s order, later being newer)', () => {
    expect(ids(rows())).toEqual(['e5', 'e4', 'e3', 'e2', 'e1'])
  })

  it('names the dataset, the model and checkpoint, a base model and the unlinked', () => {
    const byId = new Map(rows().map((row) => [row.evaluation.evaluationId, row]))
    expect(byId.get('e1')).toMatchObject({
      dataset: 'Apparel eval',
      modelText: 'apparel-v3',
      checkpoint: 'epoch_2',
      phase: 'ready',
    })
    expect(byId.get('e3')).toMatchObject({ modelText: 'Marqo/ViT-B-32', subject: { kind: 'base' } })
    expect(byId.get('e4')).toMatchObject({
      dataset: 'unknown-dataset',
      modelText: 'unlinked',
      subject: { kind: 'unlinked' },
      phase: 'failed',
    })
    expect(byId.get('e5')?.dataset).toBe('(dataset not named)')
  })
})

describe('filterEvaluationRows', () => {
  it('keeps rows holding every word searched, in any field, and the phase chosen', () => {
    expect(ids(filterEvaluationRows(rows(), { search: 'APPAREL epoch_1', phase: null }))).toEqual([
      'e5',
      'e2',
    ])
    expect(ids(filterEvaluationRows(rows(), { search: 'unlinked', phase: null }))).toEqual(['e4'])
    expect(ids(filterEvaluationRows(rows(), { search: 'loaded', phase: null }))).toEqual(['e4'])
    expect(ids(filterEvaluationRows(rows(), { search: '', phase: 'ready' }))).toEqual([
      'e3',
      'e2',
      'e1',
    ])
  })

  it('takes a phase group, and ignores a phase value that is none', () => {
    expect(ids(filterEvaluationRows(rows(), { search: '', phase: 'in-progress' }))).toEqual(['e5'])
    expect(filterEvaluationRows(rows(), { search: '', phase: 'nonsense' })).toHaveLength(5)
  })

  it('counts the phases', () => {
    expect(Object.fromEntries(phaseCounts(rows()))).toEqual({ running: 1, failed: 1, ready: 3 })
  })
})

describe('sortEvaluationRows', () => {
  it('sorts by a metric, absent values last either way', () => {
    expect(ids(sortEvaluationRows(rows(), { id: 'ndcg@10', desc: true }))).toEqual([
      'e2',
      'e1',
      'e3',
      'e5',
      'e4',
    ])
    expect(ids(sortEvaluationRows(rows(), { id: 'ndcg@10', desc: false })).slice(0, 3)).toEqual([
      'e3',
      'e1',
      'e2',
    ])
  })

  it('sorts checkpoints by their epoch number, not their text', () => {
    expect(ids(sortEvaluationRows(rows(), { id: 'checkpoint', desc: false })).slice(0, 3)).toEqual([
      'e5',
      'e1',
      'e2',
    ])
  })

  it('sorts by status in lifecycle order, and by nothing (or an unknown column) newest first', () => {
    expect(ids(sortEvaluationRows(rows(), { id: 'status', desc: false }))).toEqual([
      'e5',
      'e3',
      'e2',
      'e1',
      'e4',
    ])
    expect(ids(sortEvaluationRows(rows(), { id: 'nonsense', desc: false }))).toEqual(ids(rows()))
  })
})

describe('evaluationRows, made again', () => {
  it('keeps a row that has not changed, and makes anew one whose numbers came', () => {
    const previous = new WeakMap<Evaluation, EvaluationRow>()
    const options = { models: [model], datasets, previous }
    const first = evaluationRows(evaluations, { ...options, metricsOf: evaluationMetrics })
    const read = evaluationMetrics(evaluations[1]!)
    const again = evaluationRows(evaluations, {
      ...options,
      metricsOf: (each) => (each === evaluations[0] ? { ...read } : evaluationMetrics(each)),
    })
    const changed = first.findIndex((row) => row.evaluation === evaluations[0])
    const kept = again.map((row, index) => row === first[index])
    expect(kept).toEqual(first.map((_, index) => index !== changed))
  })
})

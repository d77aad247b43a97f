import * as fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import { ApiError } from './api-error'
import { parseDataset, parseDatasetList, readDataset } from './dataset-schema'
import { parseEvaluation, parseEvaluationList, readEvaluation } from './evaluation-schema'

// A fixed seed in CI, so a red run can be replayed; a fresh one locally finds new cases.
const seed = process.env.CI ? 20261127 : Date.now()
const runs = { numRuns: 3_000, seed }

vi.setConfig({ testTimeout: 30_000 })

const json = fc.jsonValue({ maxDepth: 5 })

function settles(parse: () => unknown): boolean {
  try {
    parse()
    return true
  } catch (error) {
    return error instanceof ApiError
  }
}

describe('the evaluation and dataset readers, given any JSON at all', () => {
  it('never throw anything but an ApiError', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(settles(() => parseEvaluationList(value))).toBe(true)
        expect(settles(() => parseDatasetList(value))).toBe(true)
        expect(() => parseEvaluation(value)).not.toThrow()
        expect(() => parseDataset(value)).not.toThrow()
      }),
      runs,
    )
  })

  it('account for every entry of a list: shown, unreadable or a duplicate', () => {
    const entry = fc.oneof(
      json,
      fc.record({
        evaluationId: fc.constantFrom('a', 'b', 'c', 1, 2),
        model: json,
        hyperparameters: json,
      }),
    )
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.boolean(), (entries, wrapped) => {
        const body = { models: entries }
        const list = parseEvaluationList(wrapped ? { statusCode: 200, body } : body)
        expect(list.evaluations.length + list.rejected.length).toBe(entries.length)
        const ids = list.evaluations.map((evaluation) => evaluation.evaluationId)
        expect(new Set(ids).size).toBe(ids.length)
      }),
      runs,
    )
  })
})

describe('any object with an identity', () => {
  const id = fc.oneof(
    fc.string({ minLength: 1 }).filter((value) => value.trim() !== ''),
    fc.integer(),
  )
  const fields = fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'status',
        'model',
        'modelId',
        'checkpoint',
        'datasetId',
        'hyperparameters',
        'evaluationMetrics',
        'created',
        'dataSchema',
        'queryColumns',
        'datasetType',
      ),
      fc.string(),
    ),
    json,
  )

  it('is an evaluation, linked to a model or flagged unlinked, whatever else it holds', () => {
    fc.assert(
      fc.property(fields, id, (rest, evaluationId) => {
        const evaluation = readEvaluation({ ...rest, evaluationId })
        expect(evaluation?.evaluationId).toBe(
          typeof evaluationId === 'string' ? evaluationId.trim() : String(evaluationId),
        )
        expect(typeof evaluation?.status).toBe('string')
        expect(evaluation?.unlinked).toBe(evaluation?.model === undefined)
        expect(evaluation?.model?.reference.trim()).not.toBe('')
        expect(evaluation?.datasetId === undefined).toBe(evaluation?.datasetFrom === undefined)
      }),
      runs,
    )
  })

  it('is a dataset whose schema maps column names to text', () => {
    fc.assert(
      fc.property(fields, id, (rest, datasetId) => {
        const dataset = readDataset({ ...rest, datasetId })
        expect(dataset).toBeDefined()
        for (const type of Object.values(dataset?.dataSchema ?? {})) {
          expect(typeof type).toBe('string')
        }
        for (const column of [...(dataset?.queryColumns ?? []), ...(dataset?.resultColumns ?? [])])
          expect(typeof column).toBe('string')
      }),
      runs,
    )
  })
})

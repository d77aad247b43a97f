import * as fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import { ApiError } from './api-error'
import { messageOf } from './envelope'
import { parseDownloadUrl } from './download-links'
import { parseLogs } from './model-logs'
import { parseModelList, readModel } from './model-schema'

// A fixed seed in CI, so a red run can be replayed; a fresh one locally finds new cases.
const seed = process.env.CI ? 20261127 : Date.now()
const runs = { numRuns: 10_000, seed }

// 10,000 arbitrary values each: about 3 s on this 2-core box, more while CI runs other suites
// beside them, so these get more than Vitest's 5 s default.
vi.setConfig({ testTimeout: 30_000 })

/** What a parse threw: 'nothing', or the error's name ('ApiError' is the one the UI explains). */
function thrown(parse: () => unknown): string {
  try {
    parse()
    return 'nothing'
  } catch (error) {
    return error instanceof ApiError ? 'ApiError' : String(error)
  }
}

const settled = ['nothing', 'ApiError']

/** Any JSON value, including keys such as "__proto__" and deep nesting. */
const json = fc.jsonValue({ maxDepth: 6 })

describe('the parsers, given any JSON at all', () => {
  it('never throw anything but an ApiError', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(settled).toContain(thrown(() => parseModelList(value)))
        expect(settled).toContain(thrown(() => parseLogs(value)))
        expect(settled).toContain(thrown(() => parseDownloadUrl(value)))
        expect(() => readModel(value)).not.toThrow()
        expect(() => messageOf(value)).not.toThrow()
      }),
      runs,
    )
  })

  it('account for every entry of a list: shown, unreadable or a duplicate', () => {
    // Any JSON, and objects whose ids come from a small pool, so that repeats are common.
    const entry = fc.oneof(
      json,
      fc.record({ modelId: fc.constantFrom('a', 'b', 'c', 1, 2), modelName: fc.string() }),
    )
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.boolean(), (entries, wrapped) => {
        const body = { models: entries }
        const list = parseModelList(wrapped ? { statusCode: 200, body } : body)
        expect(list.models.length + list.rejected.length).toBe(entries.length)
        const positions = list.rejected.map((rejected) => rejected.position)
        expect(positions).toEqual(positions.toSorted((a, b) => a - b))
        expect(new Set(positions).size).toBe(positions.length)
        expect(positions.every((position) => position >= 0 && position < entries.length)).toBe(true)
        expect(new Set(list.models.map((model) => model.modelId)).size).toBe(list.models.length)
      }),
      runs,
    )
  })
})

const text = fc.string({ unit: 'grapheme', maxLength: 40 })
const wireModel = fc.record(
  {
    modelId: fc.uuid(),
    modelName: text,
    status: fc.oneof(fc.constantFrom('ready', 'Training', 'FAILED', 'stopped'), text),
    secondaryStatus: text,
    failureReason: text,
    baseModel: text,
    baseCheckpoint: text,
    instanceType: text,
    maxTrainingTime: fc.oneof(fc.nat(), fc.nat().map(String)),
    checkpoints: fc.array(text, { maxLength: 5 }),
    hyperparameters: fc.dictionary(text, json, { maxKeys: 5 }),
  },
  { requiredKeys: ['modelId', 'modelName', 'status', 'baseModel', 'instanceType'] },
)
// A status must say something; the id is unique within an account.
const account = fc.uniqueArray(
  wireModel.filter((model) => model.status.trim() !== ''),
  { selector: (model) => model.modelId, maxLength: 30 },
)

describe('any object with an identity', () => {
  it('is a model, whatever its other fields hold', () => {
    const id = fc.oneof(
      fc.string({ minLength: 1 }).filter((value) => value.trim() !== ''),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    )
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), id, (fields, modelId) => {
        const model = readModel({ ...fields, modelId })
        expect(model?.modelId).toBe(typeof modelId === 'string' ? modelId.trim() : String(modelId))
        for (const field of [model?.modelName, model?.status, model?.baseModel]) {
          expect(typeof field).toBe('string')
        }
        expect(model?.checkpoints.every((name) => typeof name === 'string')).toBe(true)
      }),
      runs,
    )
  })
})

describe('a valid account', () => {
  it('comes back whole, in order, ids intact, in either envelope', () => {
    fc.assert(
      fc.property(account, fc.boolean(), (models, wrapped) => {
        // Sent over the wire as JSON, as the API does.
        const body = JSON.parse(JSON.stringify({ models })) as unknown
        const list = parseModelList(wrapped ? { statusCode: 200, body } : body)
        expect(list.rejected).toEqual([])
        expect(list.models.map((model) => model.modelId)).toEqual(
          models.map((model) => model.modelId),
        )
        expect(list.models.map((model) => model.modelName)).toEqual(
          models.map((model) => model.modelName),
        )
      }),
      { ...runs, numRuns: 2_000 },
    )
  })
})

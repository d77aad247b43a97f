import * as fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import { listIn } from './envelope'
import { listStream } from './list-stream'

// A fixed seed in CI, so a red run can be replayed; a fresh one locally finds new cases.
const seed = process.env.CI ? 20261202 : Date.now()
vi.setConfig({ testTimeout: 30_000 })

/** What a parse gave: the JSON, or the name of what it threw. */
function outcome(parse: () => unknown): { json: unknown } | { error: string } {
  try {
    return { json: parse() }
  } catch (error) {
    return { error: error instanceof Error ? error.name : String(error) }
  }
}

/**
 * Feeds `text` in the pieces that `cuts` (positions) make and parses it as a reader would: what
 * it gave (`actual`), and what it must give (`expected`): exactly what JSON.parse gives, or its
 * error, and when it streamed, the items it handed on are the list's.
 */
function readInPieces(text: string, cuts: number[] = []) {
  const batches: unknown[][] = []
  const { reader, streamed } = listStream('models', (items) => batches.push(items))
  let from = 0
  for (const cut of [...new Set(cuts)].toSorted((a, b) => a - b)) {
    if (cut <= from || cut >= text.length) continue
    reader.push(text.slice(from, cut))
    from = cut
  }
  reader.push(text.slice(from))
  const parsed = outcome(() => reader.parse(text))
  const wasStreamed = 'json' in parsed && streamed(parsed.json)
  const whole = outcome(() => JSON.parse(text))
  return {
    streamed: wasStreamed,
    done: reader.done,
    actual: { ...parsed, items: wasStreamed ? batches.flat() : 'read whole' },
    expected: {
      ...whole,
      items: wasStreamed && 'json' in whole ? listIn(whole.json, 'models') : 'read whole',
    },
  }
}

const models = [
  { modelId: 'm1', modelName: 'a "quoted" name, with [brackets] and {braces}' },
  { modelId: 'm2', modelName: 'back\\slash\\', hyperparameters: { nested: [[1], { x: '\\"' }] } },
  { modelId: 'm3', modelName: 'ünïcödé 🙂', checkpoints: ['epoch_1', 'epoch_2'] },
]

describe('a list read as it arrives', () => {
  it('hands on the items of each piece before the rest of the text has come', () => {
    const text = JSON.stringify({ statusCode: 200, body: { models } })
    const seen: unknown[][] = []
    const { reader } = listStream('models', (items) => seen.push(items))
    reader.push(text.slice(0, text.indexOf('"m3"')))
    expect(seen.flat()).toEqual(models.slice(0, 2))
    reader.push(text.slice(text.indexOf('"m3"')))
    expect(seen.flat()).toEqual(models)
    expect(reader.done).toBe(true)
  })

  it.each([
    ['bare', models],
    ['under models', { models }],
    ['in the envelope', { statusCode: 200, body: { models } }],
    ['with fields around it', { count: 3, models, next: { models: [] }, list: [1, [2]] }],
    ['in the envelope, with fields around it', { body: { a: [{}], models }, statusCode: 200 }],
    ['empty', { models: [] }],
  ])('gives what JSON.parse gives, streamed, for a list %s, in pieces of any size', (_, value) => {
    const text = JSON.stringify(value, null, 1)
    for (let size = 1; size <= text.length; size *= 2) {
      const cuts = Array.from({ length: Math.ceil(text.length / size) }, (__, i) => i * size)
      const { actual, expected, streamed } = readInPieces(text, cuts)
      expect(actual).toEqual(expected)
      expect(streamed).toBe(true)
    }
  })

  it.each([
    ['a body that is itself JSON text', { statusCode: 200, body: JSON.stringify({ models }) }],
    ['a body without the envelope’s statusCode', { body: { models } }],
    ['a list deeper than the answer’s', { data: { page: { models } } }],
    ['no list at all', { message: 'Unauthorized.' }],
    ['a list under another name', { items: models }],
  ])('falls back to JSON.parse, not streamed, for %s', (_, value) => {
    const { actual, expected, streamed, done } = readInPieces(JSON.stringify(value), [5, 17, 40])
    expect(actual).toEqual(expected)
    expect(streamed).toBe(false)
    expect(done).toBe(false)
  })

  it('takes the last of two lists under the same key, as JSON.parse does', () => {
    for (const text of [
      '{"models":[{"modelId":"a"}],"models":[]}',
      '{"models":[{"modelId":"a"}],"models":[{"modelId":"b"}]}',
      '{"statusCode":200,"body":{"models":[1]},"body":{"models":[2]}}',
    ]) {
      const { actual, expected, streamed } = readInPieces(text, [3, 14])
      expect(actual).toEqual(expected)
      expect(streamed).toBe(false)
    }
  })

  it('refuses what JSON.parse refuses, wherever the pieces break', () => {
    for (const text of [
      '{"models":[1,]}',
      '{"models":[,1]}',
      '{"models":[1,,2]}',
      '{"models":[1 2]}',
      '{"models":[1],}',
      '{"models":[1]',
      '{"models":[{"a":1}}]}',
      '{"models":["open]}',
      '{"models":[1]} trailing',
      '[1,2,]',
    ]) {
      for (let cut = 0; cut <= text.length; cut++) {
        expect(readInPieces(text, [cut]).actual).toEqual({
          error: 'SyntaxError',
          items: 'read whole',
        })
      }
    }
  })

  it('gives what JSON.parse gives for any JSON, any list and any pieces', () => {
    const item = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ modelId: fc.string(), modelName: fc.string({ unit: 'binary' }) }),
    )
    const answer = fc.oneof(
      fc.array(item),
      fc.record({ models: fc.array(item) }),
      fc.record({ statusCode: fc.constant(200), body: fc.record({ models: fc.array(item) }) }),
      fc.dictionary(fc.constantFrom('models', 'body', 'statusCode', 'x'), fc.jsonValue()),
      fc.jsonValue({ maxDepth: 4 }),
    )
    fc.assert(
      fc.property(
        answer,
        fc.constantFrom(undefined, 1, 2),
        fc.array(fc.nat(), { maxLength: 8 }),
        (value, indent, cuts) => {
          const text = JSON.stringify(value, null, indent)
          const { actual, expected } = readInPieces(
            text,
            cuts.map((cut) => cut % (text.length + 1)),
          )
          expect(actual).toEqual(expected)
        },
      ),
      { numRuns: 2_000, seed },
    )
  })

  it('gives what JSON.parse gives, or its error, for a broken text', () => {
    fc.assert(
      fc.property(
        fc.record({ models: fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1 }) }),
        fc.nat(),
        fc.constantFrom('', ',', ']', '}', '"', '[', '\\', ' '),
        fc.array(fc.nat(), { maxLength: 4 }),
        (value, where, insert, cuts) => {
          const whole = JSON.stringify(value)
          const at = where % (whole.length + 1)
          const text = whole.slice(0, at) + insert + whole.slice(insert ? at : at + 1)
          const { actual, expected } = readInPieces(
            text,
            cuts.map((cut) => cut % (text.length + 1)),
          )
          expect(actual).toEqual(expected)
        },
      ),
      { numRuns: 2_000, seed },
    )
  })
})

import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { parsePythonLiteral, readPythonLiteral } from './python-literal'

const seed = process.env.CI ? 20261127 : Date.now()
const runs = { numRuns: 2_000, seed }

/** A value as Python's repr writes it: single quotes, True/False/None. */
function pythonRepr(value: unknown): string {
  if (value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') {
    return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`
  return `{${Object.entries(value as object)
    .map(([key, item]) => `${pythonRepr(key)}: ${pythonRepr(item)}`)
    .join(', ')}}`
}

describe('parsePythonLiteral', () => {
  it('reads the dict the walkthrough prints', () => {
    expect(parsePythonLiteral("{'mAP@1000': 0.31, 'NDCG@10': 0.42, 'P@10': 1e-05}")).toEqual({
      'mAP@1000': 0.31,
      'NDCG@10': 0.42,
      'P@10': 0.00001,
    })
  })

  it.each([
    ['True, False and None', '[True, False, None]', [true, false, null]],
    ['a tuple', '(1, 2,)', [1, 2]],
    ['a trailing comma in a dict', "{'a': 1,}", { a: 1 }],
    ['double quotes and escapes', String.raw`"it's \"x\"\n\x41\u00e9"`, 'it\'s "x"\nAé'],
    ['a prefixed string', "u'text'", 'text'],
    [
      'numbers with signs and exponents',
      '[-1, +2.5, .5, 3., 1E3, 2e+2]',
      [-1, 2.5, 0.5, 3, 1000, 200],
    ],
    [
      'numpy scalars',
      "{'NDCG@10': np.float64(0.42), 'P@10': numpy.float32(0.1)}",
      { 'NDCG@10': 0.42, 'P@10': 0.1 },
    ],
    ['a tensor', "tensor(0.4512, device='cuda:0', grad_fn=<Add(Backward)>)", 0.4512],
    ['numeric keys', '{10: 0.4, 100: 0.5}', { '10': 0.4, '100': 0.5 }],
    ['JSON', '{"a": [true, null, "x"]}', { a: [true, null, 'x'] }],
  ])('reads %s', (_, text, value) => {
    expect(parsePythonLiteral(text)).toEqual(value)
  })

  it('reads nan and inf as numbers that are not finite', () => {
    expect(parsePythonLiteral('[nan, inf, -inf]')).toEqual([Number.NaN, Infinity, -Infinity])
  })

  it.each([
    ['an unclosed dict', "{'a': 1"],
    ['an unquoted key', '{a: 1}'],
    ['a string across lines', "'a\nb'"],
    ['a dict as a key', "{{'a': 1}: 2}"],
    ['text after the value', "{'a': 1} and more"],
    ['a bare word', 'loss'],
    ['a signed word', '-loss'],
    ['a signed constant that is no number', '-True'],
    ['nothing', '  '],
    ['too deep a nesting', `${'['.repeat(40)}${']'.repeat(40)}`],
  ])('reads no value from %s', (_, text) => {
    expect(parsePythonLiteral(text)).toBeUndefined()
  })

  it('keeps a "__proto__" key as a key', () => {
    const value = parsePythonLiteral("{'__proto__': 1}")
    expect(Object.keys(value as object)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
  })
})

describe('readPythonLiteral', () => {
  it('reads a value where it starts and says where it ends', () => {
    const line = "INFO results {'NDCG@10': 0.42} done"
    const read = readPythonLiteral(line, line.indexOf('{'))
    expect(read?.value).toEqual({ 'NDCG@10': 0.42 })
    expect(line.slice(read?.end)).toBe(' done')
  })

  it('reads back any JSON value, and its Python repr', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const expected = JSON.parse(JSON.stringify(value)) as unknown
        expect(parsePythonLiteral(JSON.stringify(value))).toEqual(expected)
        expect(parsePythonLiteral(pythonRepr(expected))).toEqual(expected)
      }),
      runs,
    )
  })

  it('never throws, and ends inside the text, whatever the text', () => {
    const pythonish = fc.stringMatching(/^[{}[\]()'",:. \\a-zA-Z0-9_+-]{0,60}$/)
    fc.assert(
      fc.property(fc.oneof(fc.string(), pythonish), fc.nat(5), (text, start) => {
        const read = readPythonLiteral(text, start)
        expect(read === undefined || (read.end > start && read.end <= text.length)).toBe(true)
      }),
      runs,
    )
  })

  // A quadratic reader would take far longer than the test's own time limit here.
  it('reads a long flat dict whole', () => {
    const text = `{${Array.from({ length: 20_000 }, (_, index) => `'m${index}': ${index / 7}`).join(', ')}}`
    const value = parsePythonLiteral(text) as Record<string, number>
    expect(Object.keys(value)).toHaveLength(20_000)
    expect(value.m19999).toBe(19_999 / 7)
  })
})

import { describe, expect, it } from 'vitest'

import { anyListIn, messageOf, unwrapEnvelope } from './envelope'

describe('unwrapEnvelope', () => {
  it('returns the body of a wrapped response and bare ones as they are', () => {
    expect(unwrapEnvelope({ statusCode: 200, body: { models: [] } })).toEqual({ models: [] })
    expect(unwrapEnvelope({ models: [] })).toEqual({ models: [] })
    expect(unwrapEnvelope([1])).toEqual([1])
  })
})

describe('messageOf', () => {
  it('finds the message at the top level or inside the envelope', () => {
    expect(messageOf({ message: 'Unauthorized.' })).toBe('Unauthorized.')
    expect(messageOf({ statusCode: 400, body: { message: 'Invalid request method' } })).toBe(
      'Invalid request method',
    )
  })

  it('has nothing to say for bodies without a message', () => {
    expect(messageOf({ error: 'x' })).toBeUndefined()
    expect(messageOf({ message: '  ' })).toBeUndefined()
    expect(messageOf(null)).toBeUndefined()
  })
})

describe('anyListIn', () => {
  const items = [{ evaluationId: 'e1' }]

  it('finds a bare list, a named one and the only list of an object, inside the envelope too', () => {
    expect(anyListIn(items, ['evaluations'])).toBe(items)
    expect(anyListIn({ evaluations: items }, ['evaluations'])).toBe(items)
    expect(anyListIn({ models: items, count: 1 }, ['evaluations'])).toBe(items)
    expect(anyListIn({ statusCode: 200, body: { results: items } }, ['evaluations'])).toBe(items)
    expect(anyListIn({ statusCode: 200, body: JSON.stringify(items) }, [])).toEqual(items)
  })

  it('prefers the named list when there are several', () => {
    expect(anyListIn({ other: [1], evaluations: items }, ['evaluations'])).toBe(items)
  })

  it('finds none when several lists are unnamed, or there is no list', () => {
    expect(anyListIn({ a: [1], b: [2] }, ['evaluations'])).toBeUndefined()
    expect(anyListIn({ evaluations: 'none' }, ['evaluations'])).toBeUndefined()
    expect(anyListIn(null, ['evaluations'])).toBeUndefined()
    expect(anyListIn('list', ['evaluations'])).toBeUndefined()
  })
})

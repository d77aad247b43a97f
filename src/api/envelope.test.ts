import { describe, expect, it } from 'vitest'

import { messageOf, unwrapEnvelope } from './envelope'

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

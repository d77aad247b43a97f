import { describe, expect, it } from 'vitest'

import { epochMs, parseLogs } from './model-logs'

describe('parseLogs', () => {
  it('reads a bare array with millisecond timestamps and a wrapped one with seconds', () => {
    const ms = Date.UTC(2026, 10, 27, 10, 0, 0)
    expect(parseLogs([{ timestamp: ms, message: 'Epoch 1 finished' }])).toEqual([
      { time: new Date(ms), stamp: ms, message: 'Epoch 1 finished' },
    ])
    expect(parseLogs({ statusCode: 200, body: [{ timestamp: ms / 1000, message: 'x' }] })).toEqual([
      { time: new Date(ms), stamp: ms / 1000, message: 'x' },
    ])
  })

  it('keeps lines whose time cannot be read, and drops entries without a message', () => {
    expect(parseLogs([{ timestamp: 'soon', message: 'a' }, { timestamp: 1 }])).toEqual([
      { time: undefined, stamp: undefined, message: 'a' },
    ])
  })
})

describe('epochMs', () => {
  it('decides the unit of a timestamp by its magnitude, in one place', () => {
    // 10 digits: seconds (the docs example); 13 digits: milliseconds (the client).
    expect(epochMs(1_764_583_200)).toBe(1_764_583_200_000)
    expect(epochMs(1_764_583_200_000)).toBe(1_764_583_200_000)
    expect(epochMs(999_999_999_999)).toBe(999_999_999_999_000)
    expect(epochMs(1e12)).toBe(1e12)
    expect(parseLogs([{ timestamp: '1764583200', message: 's' }])[0]).toEqual({
      time: new Date(1_764_583_200_000),
      stamp: 1_764_583_200,
      message: 's',
    })
  })
})

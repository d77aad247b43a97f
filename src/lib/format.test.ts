import { describe, expect, it } from 'vitest'

import {
  formatBytes,
  formatDuration,
  formatMetric,
  formatSigned,
  formatValue,
  plural,
  shortId,
  timeAgo,
} from './format'

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [90, '1 min 30 s'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [86400, '24 h'],
    [90061, '25 h 1 min'],
  ])('%d seconds reads as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})

describe('shortId', () => {
  it('keeps the first block of a UUID', () => {
    expect(shortId('3f2a9c1e-0d4b-4f6a-9e8d-1c2b3a4d5e6f')).toBe('3f2a9c1e…')
  })
  it('leaves short ids alone', () => {
    expect(shortId('abc')).toBe('abc')
  })
})

describe('plural', () => {
  it('counts with separators', () => {
    expect(plural(1, 'model')).toBe('1 model')
    expect(plural(12345, 'model')).toBe('12,345 models')
  })
})

describe('timeAgo', () => {
  it.each([
    [0, 'just now'],
    [12_000, '12 s ago'],
    [185_000, '3 min ago'],
    [7_300_000, '2 h ago'],
  ])('%d ms later reads as %s', (elapsed, text) => {
    expect(timeAgo(1_000_000, 1_000_000 + elapsed)).toBe(text)
  })
})

describe('formatValue', () => {
  it('keeps configs recognisable', () => {
    expect(formatValue(2e-5)).toBe('2e-5')
    expect(formatValue(0.02)).toBe('0.02')
    expect(formatValue(['image', 0.9])).toBe('[image, 0.9]')
    expect(formatValue({ a: 1 })).toBe('{"a":1}')
    expect(formatValue(undefined)).toBe('')
  })
})

describe('formatBytes', () => {
  it('says kB below a megabyte and MB with one decimal above', () => {
    expect(formatBytes(20_480)).toBe('20 kB')
    expect(formatBytes(53_285_686)).toBe('53.3 MB')
  })
})

describe('formatMetric and formatSigned', () => {
  it('lines metrics up at four decimals, and keeps tiny and large ones readable', () => {
    expect(formatMetric(0.45213)).toBe('0.4521')
    expect(formatMetric(1)).toBe('1.0000')
    expect(formatMetric(0.00000012)).toBe('1.2e-7')
    expect(formatMetric(12345.678)).toBe('12,345.7')
  })

  it('signs a difference with a true minus, and calls a rounded-away one even', () => {
    expect(formatSigned(0.0312)).toBe('+0.0312')
    expect(formatSigned(-0.0104)).toBe('−0.0104')
    expect(formatSigned(0)).toBe('±0.0000')
    expect(formatSigned(0.00001)).toBe('+1.0e-5')
  })
})

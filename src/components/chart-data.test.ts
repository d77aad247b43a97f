import { describe, expect, it } from 'vitest'

import { alignSeries, formatChartX, formatChartY } from './chart-data'

describe('alignSeries', () => {
  it('puts every x of every series on one ascending axis, with a gap where a series has none', () => {
    expect(
      alignSeries([
        {
          label: 'loss',
          points: [
            { x: 3, y: 0.3 },
            { x: 1, y: 0.9 },
            { x: 2, y: 0.5 },
          ],
        },
        {
          label: 'eval',
          points: [
            { x: 2, y: 0.4 },
            { x: 4, y: 0.45 },
          ],
        },
      ]),
    ).toEqual({
      x: [1, 2, 3, 4],
      ys: [
        [0.9, 0.5, 0.3, null],
        [null, 0.4, null, 0.45],
      ],
    })
  })

  it('keeps the later of two points at one x, and leaves out points that are not finite', () => {
    expect(
      alignSeries([
        {
          label: 'loss',
          points: [
            { x: 1, y: 0.9 },
            { x: 1, y: 0.8 },
            { x: 2, y: Number.NaN },
            { x: Infinity, y: 1 },
          ],
        },
      ]),
    ).toEqual({ x: [1], ys: [[0.8]] })
  })

  it('has nothing to align without points', () => {
    expect(alignSeries([{ label: 'loss', points: [] }])).toEqual({ x: [], ys: [[]] })
  })
})

describe('chart numbers', () => {
  it('writes steps as counts and values to four significant digits', () => {
    expect(formatChartX(16384)).toBe('16,384')
    expect(formatChartX(2.5)).toBe('2.5')
    expect(formatChartY(0.45123)).toBe('0.4512')
    expect(formatChartY(14.2857)).toBe('14.29')
    expect(formatChartY(0.00002)).toBe('0.00002')
    expect(formatChartY(1.2345e-7)).toBe('1.235e-7')
    expect(formatChartY(0)).toBe('0')
  })
})

import * as fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import { logSeries } from './log-series'
import { readProgressLine } from './progress-line'

const seed = process.env.CI ? 20261127 : Date.now()
const runs = { numRuns: 2_000, seed }

vi.setConfig({ testTimeout: 30_000 })

/** Lines made of the pieces progress lines are made of, in any order. */
const piece = fc.constantFrom(
  'Epoch',
  'epoch',
  'step',
  'Train',
  'loss',
  'Loss',
  'LR',
  "'loss'",
  '=',
  ': ',
  ' ',
  ',',
  '[',
  ']',
  '(',
  ')',
  '/',
  '|',
  '0.5',
  '12',
  '50/10',
  ' 3/20',
  '-3e-2',
  'tensor(',
  'nan',
  "'",
)
const line = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')),
)

describe('log series, given any lines', () => {
  it('read every number once into the by-line view, all finite, steps never going back', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (messages) => {
        const report = logSeries(messages.map((message) => ({ message })))
        const values = messages.flatMap(
          (message) => readProgressLine(message)?.values.map((value) => value.value) ?? [],
        )
        const byLine = report.byLine?.series.flatMap((series) => series.points) ?? []
        expect(byLine).toHaveLength(values.length)
        expect(byLine.every((point) => Number.isFinite(point.y) && Number.isFinite(point.x))).toBe(
          true,
        )
        // In the log's order, a step never goes back: counters that start again are continued.
        for (const series of report.perStep?.series ?? []) {
          const inLogOrder = series.points
            .toSorted((a, b) => a.line - b.line)
            .map((point) => point.x)
          expect(inLogOrder).toEqual(inLogOrder.toSorted((a, b) => a - b))
        }
        expect(report.linesRead).toBeLessThanOrEqual(messages.length)
      }),
      runs,
    )
  })
})

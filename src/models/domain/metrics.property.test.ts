import * as fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import { readEvaluation } from '@/api/evaluation-schema'

import { evaluationMetrics, metricsInLog } from './metrics'

const seed = process.env.CI ? 20261127 : Date.now()
const runs = { numRuns: Number(process.env.RUNS ?? 2_000), seed }

vi.setConfig({ testTimeout: 30_000 })

const metricName = fc.oneof(
  fc.constantFrom('NDCG@10', 'ndcg_at_10', 'mAP@1000', 'P@10', 'Recall@50', '@10', '10', 'NDCG'),
  fc.string({ maxLength: 12 }),
)
const metricsValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.double(),
    fc.double({ noNaN: true }).map(String),
    fc.string(),
    fc.constant(null),
    fc.dictionary(metricName, tie('value'), { maxKeys: 6 }),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value

function withMetrics(metrics: unknown) {
  return readEvaluation({ evaluationId: 'e', status: 'Ready', evaluationMetrics: metrics })!
}

describe('metrics, given anything', () => {
  it('never throw, and every number read is finite, under one key each', () => {
    fc.assert(
      fc.property(fc.oneof(metricsValue, fc.jsonValue()), (value) => {
        const reading = evaluationMetrics(withMetrics(value))
        expect(reading.values.every((metric) => Number.isFinite(metric.value))).toBe(true)
        expect(reading.byKey.size).toBe(reading.values.length)
        expect(reading.source).toBe(reading.values.length ? 'describe' : 'none')
      }),
      runs,
    )
  })

  it('hide no number of a flat object', () => {
    const flat = fc.dictionary(metricName, fc.double({ noNaN: true, noDefaultInfinity: true }), {
      maxKeys: 10,
    })
    fc.assert(
      fc.property(flat, (metrics) => {
        const reading = evaluationMetrics(withMetrics(metrics))
        expect(reading.values.map((metric) => metric.value)).toEqual(Object.values(metrics))
      }),
      runs,
    )
  })

  it('read any log without throwing', () => {
    const line = fc.oneof(fc.string(), fc.stringMatching(/^[{}'": ,@a-zA-Z0-9.]{0,80}$/))
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (messages) => {
        const lines = messages.map((message) => ({ time: undefined, stamp: undefined, message }))
        const found = metricsInLog(lines)
        expect(found === undefined || messages.includes(found.line.message)).toBe(true)
      }),
      runs,
    )
  })
})

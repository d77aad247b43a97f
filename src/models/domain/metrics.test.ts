import { describe, expect, it } from 'vitest'

import { readEvaluation, type Evaluation } from '@/api/evaluation-schema'
import type { LogLine } from '@/api/model-logs'

import { evaluationMetrics, metricsInLog, metricsNeedLog, readMetricValues } from './metrics'

function evaluation(metrics?: unknown): Evaluation {
  return readEvaluation({ evaluationId: 'e1', status: 'Ready', evaluationMetrics: metrics })!
}

function lines(...messages: string[]): LogLine[] {
  return messages.map((message, index) => ({
    time: new Date(1_767_261_600_000 + index * 60_000),
    stamp: 1_767_261_600_000 + index * 60_000,
    message,
  }))
}

/** name → value, as a person reads the table. */
function numbers(reading: { values: readonly { name: string; value: number }[] }) {
  return Object.fromEntries(reading.values.map((metric) => [metric.name, metric.value]))
}

const flat = {
  'NDCG@10': 0.4231,
  'NDCG@100': 0.4912,
  'MRR@1000': 0.4455,
  'MAP@1000': 0.3354,
  'P@10': 0.1312,
  'Recall@10': 0.5677,
  'Recall@50': 0.7101,
}

describe('evaluationMetrics, from describe', () => {
  it('reads a flat object, keeping the service spelling and saying where each came from', () => {
    const reading = evaluationMetrics(evaluation(flat))
    expect(reading.source).toBe('describe')
    expect(numbers(reading)).toEqual(flat)
    expect(reading.byKey.get('ndcg@10')).toEqual({
      key: 'ndcg@10',
      name: 'NDCG@10',
      value: 0.4231,
      source: 'describe',
      path: 'NDCG@10',
    })
    expect(reading.unread).toEqual([])
  })

  it.each([
    [
      'grouped by family, full names inside (as the emulator sends them)',
      { NDCG: { 'NDCG@10': 0.42, 'NDCG@100': 0.49 }, Precision: { 'P@10': 0.13 } },
      { 'NDCG@10': 0.42, 'NDCG@100': 0.49, 'P@10': 0.13 },
    ],
    [
      'grouped by family, cut-offs inside',
      { ndcg: { '@10': 0.42, '@100': 0.49 }, map: { '@1000': 0.33 } },
      { 'ndcg@10': 0.42, 'ndcg@100': 0.49, 'map@1000': 0.33 },
    ],
    [
      'grouped by family, bare cut-offs inside',
      { NDCG: { '10': 0.42 }, Recall: { k10: 0.56, 'k=50': 0.71 } },
      { 'NDCG@10': 0.42, 'Recall@10': 0.56, 'Recall@50': 0.71 },
    ],
    [
      'numbers sent as strings',
      { 'NDCG@10': '0.4231', 'P@10': ' 1e-1 ' },
      { 'NDCG@10': 0.4231, 'P@10': 0.1 },
    ],
    [
      'a JSON string',
      '{"NDCG@10": 0.42, "mAP@1000": "0.31"}',
      { 'NDCG@10': 0.42, 'mAP@1000': 0.31 },
    ],
    [
      'a Python-dict string',
      "{'mAP@1000': 0.31, 'NDCG@10': 0.42, 'ok': True, 'note': None}",
      { 'mAP@1000': 0.31, 'NDCG@10': 0.42 },
    ],
    [
      'a sentence holding a dict',
      "Evaluation results: {'NDCG@10': np.float64(0.42)}",
      { 'NDCG@10': 0.42 },
    ],
    [
      'a wrapper around the metrics',
      { metrics: { test: { 'NDCG@10': 0.42 } } },
      { 'NDCG@10': 0.42 },
    ],
    [
      'a list of named values',
      [
        { name: 'NDCG@10', value: 0.42 },
        { metric: 'P@10', score: '0.13' },
      ],
      { 'NDCG@10': 0.42, 'P@10': 0.13 },
    ],
    ['a family with a statistic', { NDCG: { mean: 0.42 } }, { 'NDCG mean': 0.42 }],
    [
      'unknown metrics too',
      { cosine_spearman: 0.8, 'NDCG@10': 0.42 },
      { cosine_spearman: 0.8, 'NDCG@10': 0.42 },
    ],
  ])('reads %s', (_, metrics, expected) => {
    const reading = evaluationMetrics(evaluation(metrics))
    expect(numbers(reading)).toEqual(expected)
    expect(reading.values.every((metric) => metric.source === 'describe')).toBe(true)
  })

  it('says where a grouped number was', () => {
    const reading = evaluationMetrics(evaluation({ ndcg: { '@10': 0.42 } }))
    expect(reading.byKey.get('ndcg@10')?.path).toBe('ndcg › @10')
  })

  it('shows values that are not numbers as they came, beside the numbers', () => {
    const reading = evaluationMetrics(
      evaluation({ 'NDCG@10': 0.42, 'MRR@1000': 'n/a', 'P@10': Number.NaN, 'Recall@10': null }),
    )
    expect(numbers(reading)).toEqual({ 'NDCG@10': 0.42 })
    expect(reading.unread.map(({ name, came }) => [name, came])).toEqual([
      ['MRR@1000', 'n/a'],
      ['P@10', 'NaN'],
      ['Recall@10', 'null'],
    ])
  })

  it('keeps a metric reported twice, each named by where it was', () => {
    const reading = evaluationMetrics(
      evaluation({ image_to_text: { 'NDCG@10': 0.4 }, text_to_image: { 'NDCG@10': 0.5 } }),
    )
    expect(reading.values.map(({ key, name, value }) => [key, name, value])).toEqual([
      ['ndcg@10', 'image_to_text › NDCG@10', 0.4],
      ['ndcg@10 (text_to_image › NDCG@10)', 'text_to_image › NDCG@10', 0.5],
    ])
    expect(reading.byKey.get('ndcg@10')?.value).toBe(0.4)
  })

  it('keeps one key a metric even when empty keys nest', () => {
    const reading = evaluationMetrics(evaluation({ a: 1, '': { a: 2, '': { a: 3 } } }))
    expect(reading.values.map(({ key, path }) => [key, path])).toEqual([
      ['a', 'a'],
      ['a ("" › a)', '"" › a'],
      ['a ("" › "" › a)', '"" › "" › a'],
    ])
  })

  it('has no numbers for the docs placeholder, and shows it', () => {
    const reading = evaluationMetrics(evaluation('evaluationMetrics'))
    expect(reading.source).toBe('none')
    expect(reading.unread).toEqual([
      { name: 'evaluationMetrics', came: 'evaluationMetrics', source: 'describe', path: '' },
    ])
  })
})

const walkthroughLog = lines(
  'Evaluation task e1 accepted',
  "Hyperparameters: {'leftKeys': ['query'], 'rightKeys': ['image', 'title'], 'weightKey': 'score'}",
  'Encoding queries and documents',
  "Evaluation results: {'mAP@1000': 0.31, 'NDCG@10': 0.42, 'MRR@1000': 0.44}",
  'Evaluation finished',
)

describe('evaluationMetrics, from the log', () => {
  it('reads the walkthrough dict line when describe holds no number', () => {
    const missing = evaluation()
    expect(metricsNeedLog(missing)).toBe(true)
    const reading = evaluationMetrics(missing, walkthroughLog)
    expect(reading.source).toBe('log')
    expect(reading.line?.message).toBe(walkthroughLog[3]?.message)
    expect(numbers(reading)).toEqual({ 'mAP@1000': 0.31, 'NDCG@10': 0.42, 'MRR@1000': 0.44 })
    expect(reading.byKey.get('map@1000')).toMatchObject({ source: 'log', path: 'mAP@1000' })
  })

  it('prefers describe when it holds numbers, even with a log', () => {
    const reading = evaluationMetrics(evaluation({ 'NDCG@10': 0.5 }), walkthroughLog)
    expect(reading.source).toBe('describe')
    expect(numbers(reading)).toEqual({ 'NDCG@10': 0.5 })
  })

  it('takes the last line that yields metric numbers', () => {
    const found = metricsInLog(
      lines(
        "{'NDCG@10': 0.30}",
        "Evaluation results: {'NDCG@10': 0.42}",
        "{'epoch': 3, 'lr': 1e-05}",
        "Saved {'path': 'results.json'}",
      ),
    )
    expect(found?.line.message).toBe("Evaluation results: {'NDCG@10': 0.42}")
  })

  it('reads the dict after other braces on the same line', () => {
    const found = metricsInLog(lines("{run} done: {'NDCG@10': 0.42, 'P@10': 0.1}"))
    expect(numbers(found!.collected)).toEqual({ 'NDCG@10': 0.42, 'P@10': 0.1 })
  })

  it('finds nothing in a log without a results line', () => {
    const reading = evaluationMetrics(evaluation(), lines('Evaluation task accepted', "{'lr': 1}"))
    expect(reading.source).toBe('none')
    expect(reading.values).toEqual([])
  })

  // The speed is the benchmark's (npm run bench:evaluations); a reader gone quadratic would
  // blow the test's own time limit by far.
  it('reads the results line of a 500-line log', () => {
    const page = lines(
      ...Array.from({ length: 499 }, (_, index) => `step ${index} {'loss': ${1 / (index + 1)}}`),
      "Evaluation results: {'NDCG@10': 0.42}",
    ).toReversed()
    expect(metricsInLog(page)?.line.message).toContain('Evaluation results')
  })
})

describe('readMetricValues', () => {
  it('stops at 500 values', () => {
    const many = Object.fromEntries(Array.from({ length: 800 }, (_, index) => [`m${index}`, index]))
    expect(readMetricValues(many, 'describe').values).toHaveLength(500)
  })
})

/**
 * `npm run bench:evaluations`: how long the evaluations data layer takes in Node, on a machine
 * like this one. Issue 26's target: the evaluations list of 1,000 evaluations read in at most
 * 50 ms. Fails (exit 1) when the median read is over it. Also times what a panel does with the
 * list (every evaluation's metrics, one model's checkpoint table) and a 500-line training log
 * page read as loss curves, for the record.
 */
import { parseEvaluationList } from '@/api/evaluation-schema'
import { checkpointTable } from '@/models/domain/checkpoint-metrics'
import { logSeries } from '@/models/domain/log-series'
import { evaluationMetrics } from '@/models/domain/metrics'
import { makeModel } from '@/testing/factories'

const target = 50
const runs = 30

/** A deterministic stream of numbers in [0, 1): the same account every run. */
function random(seed: number): () => number {
  let state = seed
  return () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32
}

const next = random(26)
const modelIds = Array.from(
  { length: 40 },
  (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
)
const datasets = ['d1', 'd2', 'd3'].map((id) => `${id}000000-0000-4000-8000-000000000000`)
const base = 'Marqo/ViT-B-32.laion2b_s34b_b79k'

function metricsIn(shape: number, quality: number): unknown {
  const flat = {
    'NDCG@10': quality,
    'NDCG@100': quality + 0.05,
    'MRR@1000': quality + 0.02,
    'MAP@1000': quality - 0.08,
    'P@10': quality / 3,
    'Recall@10': quality + 0.1,
    'Recall@50': quality + 0.2,
  }
  if (shape === 0) return flat
  if (shape === 1) {
    return { NDCG: { '@10': quality, '@100': quality + 0.05 }, Recall: { '@10': quality + 0.1 } }
  }
  if (shape === 2)
    return Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, v.toFixed(4)]))
  if (shape === 3)
    return `{${Object.entries(flat)
      .map(([k, v]) => `'${k}': ${v}`)
      .join(', ')}}`
  return undefined
}

/** 1,000 evaluations in every shape the reader handles, as the service would send them. */
const wire = Array.from({ length: 1_000 }, (_, index) => {
  const modelId = modelIds[Math.floor(next() * modelIds.length)]!
  const model = next() < 0.15 ? base : `${modelId}/epoch_${1 + Math.floor(next() * 10)}`
  const where = next()
  const status = next() < 0.1 ? 'Failed' : next() < 0.1 ? 'Running' : 'Ready'
  return {
    evaluationId: `e0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    status,
    secondaryStatus: status,
    ...(status === 'Failed' ? { failureReason: 'Dataset not ready: column query is missing' } : {}),
    hyperparameters: {
      leftKeys: ['query'],
      rightKeys: ['image', 'title'],
      weightKey: 'score',
      ...(where < 0.2 ? { model, datasetId: datasets[index % 3] } : {}),
    },
    ...(where >= 0.2 && where < 0.9 ? { model, datasetId: datasets[index % 3] } : {}),
    ...(status === 'Ready' ? { evaluationMetrics: metricsIn(index % 5, 0.3 + next() * 0.2) } : {}),
  }
})
const body = JSON.stringify({ statusCode: 200, body: { models: wire } })

function time(work: () => unknown): number[] {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  return times
}

function summary(name: string, times: number[]): number {
  const sorted = times.slice(1).toSorted((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!
  console.log(
    `${name}: first ${times[0]!.toFixed(1)} ms, median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${runs} runs)`,
  )
  return median
}

const read = summary(
  '1,000 evaluations: JSON.parse + parseEvaluationList',
  time(() => parseEvaluationList(JSON.parse(body))),
)
const evaluations = parseEvaluationList(JSON.parse(body)).evaluations
summary(
  '1,000 evaluations: read + every evaluation’s metrics',
  time(() => {
    for (const evaluation of parseEvaluationList(JSON.parse(body)).evaluations) {
      evaluationMetrics(evaluation)
    }
  }),
)
const model = makeModel({
  modelId: modelIds[0],
  baseModel: base,
  checkpoints: Array.from({ length: 10 }, (_, index) => `epoch_${index + 1}`),
})
summary(
  'one model’s checkpoint table among 1,000 evaluations',
  time(() => checkpointTable(model, evaluations)),
)
const page = Array.from({ length: 500 }, (_, index) => ({
  message: `Train Epoch: ${index >> 6} [ ${index * 32}/16384 (${index}%)] Data (t): 0.102 Batch (t): 0.512, 64.0/s LR: 0.000020 Logit Scale: 14.286 Loss: ${(1 / (index + 1)).toFixed(4)} (0.5012)`,
}))
summary(
  'a 500-line open_clip log page as series',
  time(() => logSeries(page)),
)

if (read > target) {
  console.error(
    `Reading 1,000 evaluations took ${read.toFixed(1)} ms: over the ${target} ms target.`,
  )
  process.exit(1)
}
console.log(`Reading 1,000 evaluations is within the ${target} ms target.`)

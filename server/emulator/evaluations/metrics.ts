import { uuidPattern } from '../../../common/model-id'
import { plannedEpochs, type WireModel } from '../models/wire-model'

/** The metrics an evaluation reports in describe, by the docs' names. Higher is better for all. */
export const metricNames = [
  'NDCG@10',
  'NDCG@100',
  'MRR@1000',
  'MAP@1000',
  'P@10',
  'Recall@10',
  'Recall@50',
] as const
export type MetricName = (typeof metricNames)[number]
export type Metrics = Record<MetricName, number>

/** Only in the results file, which "holds more metrics than describe". */
const fileOnlyNames = ['NDCG@1', 'NDCG@5', 'P@1', 'P@5', 'Recall@1', 'Recall@100'] as const

/**
 * Every metric as `factor * quality + offset`: one figure of how good a model is on a dataset
 * moves them all together, so the best checkpoint is the best by any metric.
 */
const scales: Record<MetricName | (typeof fileOnlyNames)[number], [number, number]> = {
  'NDCG@1': [0.9, -0.04],
  'NDCG@5': [0.96, -0.01],
  'NDCG@10': [1, 0],
  'NDCG@100': [1.08, 0.04],
  'MRR@1000': [1.04, 0.01],
  'MAP@1000': [0.84, -0.02],
  'P@1': [0.92, -0.03],
  'P@5': [0.45, 0],
  'P@10': [0.31, 0],
  'Recall@1': [0.3, 0],
  'Recall@10': [1.2, 0.06],
  'Recall@50': [1.3, 0.16],
  'Recall@100': [1.32, 0.2],
}

function scaled(name: keyof typeof scales, quality: number): number {
  const [factor, offset] = scales[name]
  return Math.round(Math.min(0.99, Math.max(0, factor * quality + offset)) * 10_000) / 10_000
}

export function metricsAt(quality: number): Metrics {
  const at = (name: MetricName) => scaled(name, quality)
  return {
    'NDCG@10': at('NDCG@10'),
    'NDCG@100': at('NDCG@100'),
    'MRR@1000': at('MRR@1000'),
    'MAP@1000': at('MAP@1000'),
    'P@10': at('P@10'),
    'Recall@10': at('Recall@10'),
    'Recall@50': at('Recall@50'),
  }
}

/** What the emulator knows of a model when it evaluates one of its checkpoints. */
export type TrainedModel = { baseModel: string; plannedEpochs: number }

/** What `qualityOf` needs to know of the models of `models`. */
export function trainedModelIn(models: readonly WireModel[]) {
  return (modelId: string): TrainedModel | undefined => {
    const model = models.find((candidate) => candidate.modelId === modelId)
    return model && { baseModel: model.baseModel, plannedEpochs: plannedEpochs(model) }
  }
}

/**
 * How good `model` (a base model's name, or `<modelId>/epoch_N`) is on `datasetId`, between
 * about 0.25 and 0.5. A base model's figure is fixed by its name and the dataset; fine-tuning
 * adds to its base's figure along a curve that rises to a best epoch (three fifths of the way)
 * and falls past it, as overfitting does: the best checkpoint is not the newest.
 */
export function qualityOf(
  model: string,
  datasetId: string,
  trainedModel: (modelId: string) => TrainedModel | undefined,
  depth = 0,
): number {
  const [modelId, checkpoint] = model.split('/')
  const epoch = Number(/^epoch_(\d+)$/.exec(checkpoint ?? '')?.[1])
  const trained = uuidPattern.test(modelId ?? '') ? trainedModel(modelId!) : undefined
  if (!trained || !epoch || depth > 8) return 0.25 + 0.1 * unitHash(`${model} on ${datasetId}`)
  const base = qualityOf(trained.baseModel, datasetId, trainedModel, depth + 1)
  return base + 0.14 * overfittingCurve(epoch, trained.plannedEpochs)
}

/** 1 at the best epoch, lower before it (still learning) and after it (overfitting). */
export function overfittingCurve(epoch: number, epochs: number): number {
  const best = Math.max(1, Math.round(epochs * 0.6))
  if (epoch <= best) return 1 - ((best - epoch) / best) ** 2
  return 1 - 0.5 * ((epoch - best) / (epochs - best + 1))
}

/** A number in [0, 1) that depends only on `text` (FNV-1a). */
function unitHash(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0
  }
  return hash / 2 ** 32
}

/** The ways the seeds send `evaluationMetrics`; the docs do not say which the service uses. */
export type MetricsShape = 'flat' | 'grouped' | 'strings' | 'python-dict' | 'log-only'

const families: Record<string, MetricName[]> = {
  NDCG: ['NDCG@10', 'NDCG@100'],
  MRR: ['MRR@1000'],
  MAP: ['MAP@1000'],
  Precision: ['P@10'],
  Recall: ['Recall@10', 'Recall@50'],
}

/** `metrics` as describe's `evaluationMetrics` in `shape`; none for `log-only`. */
export function metricsOnWire(metrics: Metrics, shape: MetricsShape): unknown {
  switch (shape) {
    case 'flat':
      return { ...metrics }
    case 'grouped':
      return Object.fromEntries(
        Object.entries(families).map(([family, names]) => [
          family,
          Object.fromEntries(names.map((name) => [name, metrics[name]])),
        ]),
      )
    case 'strings':
      return Object.fromEntries(metricNames.map((name) => [name, metrics[name].toFixed(4)]))
    case 'python-dict':
      return pythonDict(metrics)
    default:
      return undefined
  }
}

/**
 * The log line the walkthrough reads results from: it finds `{'mAP@1000': ` and parses the rest
 * of the message, quotes swapped, as JSON. So the dict starts with that key and ends the line.
 */
export function resultsLine(metrics: Metrics): string {
  const { 'MAP@1000': map, ...rest } = metrics
  return `Evaluation results: ${pythonDict({ 'mAP@1000': map, ...rest })}`
}

function pythonDict(values: Record<string, number>): string {
  return `{${Object.entries(values)
    .map(([name, value]) => `'${name}': ${value}`)
    .join(', ')}}`
}

/** The results file: every metric, the ones describe has and more. */
export function resultsFile(metrics: Metrics, about: Record<string, unknown>): string {
  // NDCG@10 is the quality figure itself (its scale is 1 and 0).
  const more = fileOnlyNames.map((name) => [name, scaled(name, metrics['NDCG@10'])] as const)
  const all = Object.fromEntries(
    [...more, ...Object.entries(metrics)].toSorted(([a], [b]) => a.localeCompare(b)),
  )
  return `${JSON.stringify({ ...about, metrics: all }, null, 2)}\n`
}

import { createHash } from 'node:crypto'

import { evaluationDatasets } from '../datasets/dataset-ids'
import {
  apparelCandidate,
  apparelV3,
  apparelV4,
  fashionTitles,
  productSearchL14,
  productSearchSweep2,
} from '../models/seed-parts'
import { seedModels } from '../models/seed-models'
import type { WireModel } from '../models/wire-model'
import { metricsAt, metricsOnWire, qualityOf, trainedModelIn, type MetricsShape } from './metrics'
import type { EvaluationRecord, WireEvaluation } from './wire-evaluation'

/** How one seeded evaluation is sent; what it evaluated comes from the model and dataset. */
type Plan = {
  /** A base model's name or `<modelId>/epoch_N`. */
  model: string
  datasetId: string
  shape: MetricsShape
  /** Where describe names the model and dataset: the top level, inside hyperparameters, nowhere. */
  echo?: 'top' | 'hyperparameters' | 'nowhere'
  status?: 'ready' | 'running' | 'failed'
  failureReason?: string
  /** The model whose training columns the evaluation takes (a base model has none of its own). */
  columnsOf?: string
}

const vitB32 = 'Marqo/ViT-B-32.laion2b_s34b_b79k'
const fashionClip = 'Marqo/marqo-fashionCLIP'
const vitL14 = 'Marqo/ViT-L-14.laion2b_s32b_b82k'

/** The checkpoints of one model, and its base model, on one evaluation dataset. */
function project(
  modelId: string,
  baseModel: string,
  epochs: number[],
  datasetId: string,
  shape: MetricsShape,
): Plan[] {
  return [
    { model: baseModel, datasetId, shape, columnsOf: modelId },
    ...epochs.map((epoch) => ({ model: `${modelId}/epoch_${epoch}`, datasetId, shape })),
  ]
}

/**
 * What the demo account evaluated, as the walkthrough does: a few models' checkpoints beside
 * their base model on the same dataset, metrics that rise and then fall past the best epoch.
 * The metrics come in every shape a reader must handle (flat, grouped by family, as strings,
 * as a Python dict in a string, only in the log); one evaluation names no model (unlinked),
 * one failed, one is still running, and one names its model inside `hyperparameters`.
 */
const plans: Plan[] = [
  ...project(apparelV3, vitB32, [1, 2, 3, 4, 5], evaluationDatasets.imageText, 'flat'),
  ...project(
    fashionTitles,
    fashionClip,
    [2, 4, 6, 8, 10],
    evaluationDatasets.fashionTitles,
    'grouped',
  ),
  ...project(productSearchL14, vitL14, [10, 20], evaluationDatasets.productSearch, 'strings'),
  {
    model: `${productSearchL14}/epoch_30`,
    datasetId: evaluationDatasets.productSearch,
    shape: 'strings',
    echo: 'hyperparameters',
  },
  {
    model: `${productSearchL14}/epoch_40`,
    datasetId: evaluationDatasets.productSearch,
    shape: 'strings',
  },
  { model: `${apparelV4}/epoch_2`, datasetId: evaluationDatasets.imageText, shape: 'python-dict' },
  { model: `${apparelV4}/epoch_3`, datasetId: evaluationDatasets.imageText, shape: 'log-only' },
  // Unlinked: describe names neither the model nor the dataset.
  {
    model: `${apparelV3}/epoch_4`,
    datasetId: evaluationDatasets.imageText,
    shape: 'flat',
    echo: 'nowhere',
  },
  {
    model: `${productSearchSweep2}/epoch_1`,
    datasetId: evaluationDatasets.productSearch,
    shape: 'flat',
    status: 'failed',
    failureReason:
      'Evaluation task failed: checkpoint epoch_1 could not be loaded: the checkpoint file is incomplete (its training failed while uploading).',
  },
  {
    model: `${apparelCandidate}/epoch_1`,
    datasetId: evaluationDatasets.imageText,
    shape: 'flat',
    status: 'running',
  },
]

/** The evaluation keys of a model's training: what an evaluation of it takes. */
export function evaluationParameters(model: WireModel | undefined): Record<string, unknown> {
  const keys = ['leftKeys', 'leftWeights', 'rightKeys', 'rightWeights', 'weightKey']
  const trained = typeof model?.hyperparameters === 'object' ? model.hyperparameters : {}
  return Object.fromEntries(keys.filter((key) => key in trained).map((key) => [key, trained[key]]))
}

/** A stable id for a seed from what it is (a v4-shaped UUID), so the seeds need no id column. */
export function seedId(label: string): string {
  const hex = createHash('sha256').update(label).digest('hex')
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function seeded(plan: Plan, index: number): EvaluationRecord {
  const { model, datasetId, shape, echo = 'top', status = 'ready' } = plan
  const columnsOf = plan.columnsOf ?? model.split('/')[0]
  const evaluated = seedModels.find((candidate) => candidate.modelId === columnsOf)
  const metrics =
    status === 'ready'
      ? metricsAt(qualityOf(model, datasetId, trainedModelIn(seedModels)))
      : undefined
  const parameters = evaluationParameters(evaluated)
  const evaluation: WireEvaluation = {
    evaluationId: seedId(`evaluation ${index}: ${model} on ${datasetId}`),
    status: status === 'running' ? 'running' : status,
    secondaryStatus: status,
    ...(plan.failureReason ? { failureReason: plan.failureReason } : {}),
    ...(echo === 'top' ? { model, datasetId } : {}),
    hyperparameters: echo === 'hyperparameters' ? { ...parameters, model, datasetId } : parameters,
    ...(metrics && shape !== 'log-only'
      ? { evaluationMetrics: metricsOnWire(metrics, shape) }
      : {}),
  }
  return { evaluation, model, datasetId, ...(metrics ? { metrics } : {}) }
}

export const seedEvaluations: EvaluationRecord[] = plans.map(seeded)

import { uuidSource } from '@common/model-id'

import { readEntries, type EntryList } from './entry-list'
import { anyListIn, entryIn, isRecord } from './envelope'
import {
  extraFields,
  finishEntry,
  openObject,
  readEntry,
  statusOf,
  text,
  textOf,
  warn,
  type EntryWith,
} from './field-reader'
import { epochMs } from './model-logs'

/**
 * What an evaluation evaluated, as the request named it (`POST /evaluation`'s `model`): a
 * checkpoint of a fine-tuned model (`<modelId>/<checkpoint>`), a fine-tuned model whose
 * checkpoint is not named, or anything else, which is a base model's name
 * (`Marqo/ViT-B-32.laion2b_s34b_b79k`). `from` is the field it was read from
 * (`model`, `hyperparameters.model`, ...): no documented field names it (docs/marqtune-api.md).
 */
export type EvaluatedModel =
  | { kind: 'checkpoint'; reference: string; modelId: string; checkpoint: string; from: string }
  | { kind: 'model'; reference: string; modelId: string; from: string }
  | { kind: 'base'; reference: string; from: string }

/**
 * An evaluation as the dashboard reads it, field by field as models are: an entry with an
 * `evaluationId` is always shown; a field in an unexpected shape is shown as text and listed in
 * `warnings`; fields this dashboard does not know are kept in `extra`.
 */
export type Evaluation = EntryWith<{
  evaluationId: string
  hyperparameters: Record<string, unknown>
  /** The text the service sent when hyperparameters came as a string (or another non-object). */
  hyperparametersText: string | undefined
  /**
   * Describe's metrics exactly as they came: their shape is not documented, so they are read,
   * with the log as the other source, by `models/domain/metrics.ts`. Undefined when absent.
   */
  evaluationMetrics: unknown
  /** What it evaluated, read wherever the service put it; undefined when nothing names it. */
  model: EvaluatedModel | undefined
  /** No field names the model: shown as unlinked, never dropped. */
  unlinked: boolean
  datasetId: string | undefined
  /** The field `datasetId` was read from: `datasetId` or `hyperparameters.datasetId`. */
  datasetFrom: string | undefined
  /**
   * When it was created, if a field that looks like a creation time says so (none is
   * documented). Those fields stay in `extra` as they came: the name is a guess.
   */
  createdAt: Date | undefined
}>

const knownFields = new Set([
  'evaluationId',
  'status',
  'secondaryStatus',
  'failureReason',
  'hyperparameters',
  'evaluationMetrics',
  'model',
  'modelId',
  'checkpoint',
  'datasetId',
])

/** Fields that may say when an evaluation was created, most telling first. */
const createdFields = [
  'createdAt',
  'created_at',
  'createdTime',
  'creationTime',
  'created',
  'startedAt',
  'startTime',
  'timestamp',
]

const checkpointReference = new RegExp(`^(${uuidSource})/([^/\\s]+)$`, 'i')
const modelIdOnly = new RegExp(`^${uuidSource}$`, 'i')

/** What a `model` text names: a checkpoint, a fine-tuned model, or a base model by its name. */
function evaluatedModelOf(reference: string, from: string): EvaluatedModel {
  const trimmed = reference.trim()
  const match = checkpointReference.exec(trimmed)
  if (match) {
    return {
      kind: 'checkpoint',
      reference: trimmed,
      modelId: match[1]!,
      checkpoint: match[2]!,
      from,
    }
  }
  if (modelIdOnly.test(trimmed))
    return { kind: 'model', reference: trimmed, modelId: trimmed, from }
  return { kind: 'base', reference: trimmed, from }
}

const modelExpected = 'a model name or "<modelId>/<checkpoint>"'

/**
 * The model named by one place (the top level, or the hyperparameters): `model`, or `modelId`
 * with an optional `checkpoint`. `prefix` is how the fields are named in warnings.
 */
function modelNamedIn(fields: Record<string, unknown>, prefix: string): EvaluatedModel | undefined {
  const { model, modelId, checkpoint } = fields
  if (model != null) {
    const named = nameOf(model, `${prefix}model`)
    if (named) return evaluatedModelOf(named, `${prefix}model`)
  }
  if (modelId == null) return undefined
  const id = nameOf(modelId, `${prefix}modelId`)
  if (!id) return undefined
  const found = evaluatedModelOf(id, `${prefix}modelId`)
  if (found.kind !== 'model' || checkpoint == null) return found
  const named = nameOf(checkpoint, `${prefix}checkpoint`)
  return named
    ? evaluatedModelOf(`${found.modelId}/${named}`, `${prefix}modelId and ${prefix}checkpoint`)
    : found
}

/** A name as text; an object with `modelId`/`name` is read with a warning, a blank is none. */
function nameOf(value: unknown, field: string): string | undefined {
  if (typeof value === 'string') {
    if (value.trim()) return value.trim()
    warn(field, value, modelExpected)
    return undefined
  }
  if (isRecord(value) && typeof value.modelId === 'string' && value.modelId.trim()) {
    warn(field, value, modelExpected)
    const checkpoint = typeof value.checkpoint === 'string' ? value.checkpoint.trim() : ''
    return checkpoint ? `${value.modelId.trim()}/${checkpoint}` : value.modelId.trim()
  }
  const shown = text(value, field, false)
  return shown?.trim() || undefined
}

/** The first place that names a model wins; another that names a different one is listed. */
function evaluatedModel(
  top: Record<string, unknown>,
  hyperparameters: Record<string, unknown>,
): EvaluatedModel | undefined {
  const atTop = modelNamedIn(top, '')
  const inside = modelNamedIn(hyperparameters, 'hyperparameters.')
  if (atTop && inside && atTop.reference !== inside.reference) {
    warn(inside.from, inside.reference, `the same model as ${atTop.from} (${atTop.reference})`)
  }
  if (!atTop && top.checkpoint != null) {
    warn('checkpoint', top.checkpoint, 'a checkpoint of the model named by modelId')
  }
  return atTop ?? inside
}

function dataset(
  top: Record<string, unknown>,
  hyperparameters: Record<string, unknown>,
): { datasetId: string | undefined; datasetFrom: string | undefined } {
  const atTop = top.datasetId == null ? undefined : text(top.datasetId, 'datasetId', false)?.trim()
  const inside =
    hyperparameters.datasetId == null
      ? undefined
      : text(hyperparameters.datasetId, 'hyperparameters.datasetId', false)?.trim()
  if (atTop && inside && atTop !== inside) {
    warn('hyperparameters.datasetId', inside, `the same dataset as datasetId (${atTop})`)
  }
  if (atTop) return { datasetId: atTop, datasetFrom: 'datasetId' }
  if (inside) return { datasetId: inside, datasetFrom: 'hyperparameters.datasetId' }
  return { datasetId: undefined, datasetFrom: undefined }
}

function createdAt(value: Record<string, unknown>): Date | undefined {
  for (const field of createdFields) {
    const stamp = value[field]
    let date: Date | undefined
    if (typeof stamp === 'number' && Number.isFinite(stamp) && stamp > 0) {
      date = new Date(epochMs(stamp))
    } else if (typeof stamp === 'string' && stamp.trim()) {
      const number = Number(stamp)
      date = Number.isFinite(number) ? new Date(epochMs(number)) : new Date(stamp)
    }
    if (date && !Number.isNaN(date.getTime())) return date
  }
  return undefined
}

/** One entry of the service's answer as an evaluation, or undefined when it has no identity. */
export function readEvaluation(value: unknown): Evaluation | undefined {
  return readEntry(value, 'evaluationId', readEvaluationFields)
}

function readEvaluationFields(value: Record<string, unknown>, evaluationId: string): Evaluation {
  const hyperparameters = openObject(
    value.hyperparameters,
    'hyperparameters',
    'an object of evaluation parameters',
  )
  const model = evaluatedModel(value, hyperparameters)
  return {
    evaluationId,
    status: statusOf(value.status),
    secondaryStatus: text(value.secondaryStatus, 'secondaryStatus', false),
    failureReason: text(value.failureReason, 'failureReason', false),
    hyperparameters,
    hyperparametersText: textOf(value.hyperparameters),
    evaluationMetrics: value.evaluationMetrics ?? undefined,
    model,
    unlinked: model === undefined,
    ...dataset(value, hyperparameters),
    createdAt: createdAt(value),
    extra: extraFields(value, knownFields),
    warnings: finishEntry(),
  }
}

export type EvaluationList = EntryList<'evaluations', Evaluation, 'no evaluation id'>

/**
 * The one place that decides what `GET /evaluation` sent: a bare list, `{evaluations: [...]}`,
 * `{models: [...]}` (as the docs' example has it), or an object's only list, in the envelope or not.
 */
export function parseEvaluationList(json: unknown): EvaluationList {
  return readEntries(
    anyListIn(json, ['evaluations', 'models']),
    'evaluations',
    readEvaluation,
    (evaluation) => evaluation.evaluationId,
    'no evaluation id',
  )
}

/**
 * `GET /evaluation/{id}`: the evaluation, bare or in the envelope, or under a single key
 * (`{evaluation: {...}}`); undefined when the answer holds none.
 */
export function parseEvaluation(json: unknown): Evaluation | undefined {
  return readEvaluation(entryIn(json, 'evaluation', 'evaluationId'))
}

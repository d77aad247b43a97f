import {
  entryReader,
  readEntries,
  type EntryList,
  type RejectedEntry as ModelRejectedEntry,
} from './entry-list'
import { listIn } from './envelope'
import { listStream } from './list-stream'
import {
  extraFields,
  finishEntry,
  openObject,
  readEntry,
  statusOf,
  text,
  textList,
  textOf,
  warn,
  type EntryWith,
} from './field-reader'

export type { FieldWarning } from './field-reader'

/**
 * A model as the dashboard reads it. Hand-written rather than zod: at 100,000 models zod 4 took
 * 0.4–1.3 s, and under our CSP (no eval) it cannot use its compiled fast path; this reader takes
 * tens of milliseconds (docs/decisions/0003-hand-written-model-reader.md).
 *
 * An entry with an identity is always a model: every other field is read on its own, and one
 * that came in an unexpected shape is shown as text and listed in `warnings`, never a reason to
 * hide the model.
 */
export type Model = EntryWith<{
  modelId: string
  modelName: string
  baseModel: string
  baseCheckpoint: string | undefined
  instanceType: string
  /** Seconds; absent when the task was started without a limit, or the value was unreadable. */
  maxTrainingTime: number | undefined
  checkpoints: string[]
  hyperparameters: Record<string, unknown>
  /** The text the service sent when hyperparameters came as a string (or another non-object). */
  hyperparametersText: string | undefined
}>

const knownFields = new Set([
  'modelId',
  'modelName',
  'status',
  'secondaryStatus',
  'failureReason',
  'baseModel',
  'baseCheckpoint',
  'instanceType',
  'maxTrainingTime',
  'checkpoints',
  'hyperparameters',
])

/** Seconds as a number, or as a numeric string (the docs example sends one). */
function seconds(value: unknown): number | undefined {
  if (value == null) return undefined
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  warn('maxTrainingTime', value, 'a number of seconds')
  return undefined
}

/** One entry of the service's answer as a model, or undefined when it has no identity. */
export function readModel(value: unknown): Model | undefined {
  return readEntry(value, 'modelId', readModelFields)
}

function readModelFields(value: Record<string, unknown>, modelId: string): Model {
  const hyperparameters = value.hyperparameters
  return {
    modelId,
    modelName: text(value.modelName, 'modelName', true),
    status: statusOf(value.status),
    secondaryStatus: text(value.secondaryStatus, 'secondaryStatus', false),
    failureReason: text(value.failureReason, 'failureReason', false),
    baseModel: text(value.baseModel, 'baseModel', true),
    baseCheckpoint: text(value.baseCheckpoint, 'baseCheckpoint', false),
    instanceType: text(value.instanceType, 'instanceType', true),
    maxTrainingTime: seconds(value.maxTrainingTime),
    checkpoints: textList(value.checkpoints, 'checkpoints', 'a list of checkpoint names'),
    hyperparameters: openObject(
      hyperparameters,
      'hyperparameters',
      'an object of training parameters',
    ),
    hyperparametersText: textOf(hyperparameters),
    extra: extraFields(value, knownFields),
    warnings: finishEntry(),
  }
}

/** An entry of the list that is not shown as a model, kept so that the user can read it. */
export type RejectedEntry = ModelRejectedEntry<'no model id'>

export type ModelList = EntryList<'models', Model, 'no model id'>

/** The one place that decides what `GET /models` sent. */
export function parseModelList(json: unknown): ModelList {
  return readEntries(
    listIn(json, 'models'),
    'models',
    readModel,
    (model) => model.modelId,
    'no model id',
  )
}

/**
 * `parseModelList` while the answer arrives: `reader` is getJson's `reader`, and `list(json)` is
 * what `parseModelList(json)` gives, already read when the list came in as it arrived.
 */
export function modelListReader() {
  const models = entryReader(readModel, (model) => model.modelId, 'no model id')
  const { reader, streamed } = listStream('models', models.add)
  return {
    reader,
    list: (json: unknown): ModelList =>
      streamed(json)
        ? { models: models.result.entries, rejected: models.result.rejected }
        : parseModelList(json),
  }
}

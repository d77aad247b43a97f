import { ApiError } from './api-error'
import { isStringArray } from '@/lib/guards'
import { isRecord, listIn } from './envelope'

/**
 * A model as the dashboard reads it. Hand-written rather than zod: at 100,000 models zod 4 took
 * 0.4–1.3 s, and under our CSP (no eval) it cannot use its compiled fast path; this reader takes
 * tens of milliseconds (docs/decisions/0003-hand-written-model-reader.md).
 */
export type Model = {
  modelId: string
  modelName: string
  status: string
  secondaryStatus: string | undefined
  failureReason: string | undefined
  baseModel: string
  baseCheckpoint: string | undefined
  instanceType: string
  /** Seconds; absent when the task was started without a limit. */
  maxTrainingTime: number | undefined
  checkpoints: string[]
  hyperparameters: Record<string, unknown>
  /** The text the service sent when hyperparameters came as a string, parsed or not. */
  hyperparametersText: string | undefined
  /** Fields the service sent that this dashboard does not know yet: shown, not dropped. */
  extra: Readonly<Record<string, unknown>>
}

/** Most models have no unknown field: they share one empty, frozen record (100k objects saved). */
const noExtra: Readonly<Record<string, unknown>> = Object.freeze({})

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

const invalid = Symbol('invalid')
type Read<T> = T | typeof invalid

/** Absent and `null` mean the same thing for the service's optional fields. */
function optionalText(value: unknown): Read<string | undefined> {
  if (value == null) return undefined
  return typeof value === 'string' ? value : invalid
}

/** Seconds as a number, or as a numeric string (the docs example sends one). */
function optionalSeconds(value: unknown): Read<number | undefined> {
  if (value == null) return undefined
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : invalid
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return invalid
}

function checkpointList(value: unknown): Read<string[]> {
  if (value == null) return []
  return isStringArray(value) ? value : invalid
}

function requiredText(value: unknown, nonEmpty: boolean): Read<string> {
  if (typeof value !== 'string') return invalid
  if (!nonEmpty) return value
  const trimmed = value.trim()
  return trimmed ? trimmed : invalid
}

/**
 * An open object; the docs example sends it as a JSON string instead (kept as
 * `hyperparametersText`). No wrapper object per model: this runs 100,000 times for a big account.
 */
function readHyperparameters(value: unknown): Read<Record<string, unknown>> {
  if (value == null) return {}
  if (isRecord(value)) return value
  if (typeof value !== 'string') return invalid
  try {
    const parsed: unknown = JSON.parse(value)
    return isRecord(parsed) ? parsed : {}
  } catch {
    return {}
  }
}

/** One model of the service's answer, or undefined when it cannot be read as one. */
export function readModel(value: unknown): Model | undefined {
  if (!isRecord(value)) return undefined
  const modelId = requiredText(value.modelId, true)
  const modelName = requiredText(value.modelName, false)
  const status = requiredText(value.status, true)
  const baseModel = requiredText(value.baseModel, false)
  const instanceType = requiredText(value.instanceType, false)
  const secondaryStatus = optionalText(value.secondaryStatus)
  const failureReason = optionalText(value.failureReason)
  const baseCheckpoint = optionalText(value.baseCheckpoint)
  const maxTrainingTime = optionalSeconds(value.maxTrainingTime)
  const checkpoints = checkpointList(value.checkpoints)
  const hyperparameters = readHyperparameters(value.hyperparameters)
  if (
    modelId === invalid ||
    modelName === invalid ||
    status === invalid ||
    baseModel === invalid ||
    instanceType === invalid ||
    secondaryStatus === invalid ||
    failureReason === invalid ||
    baseCheckpoint === invalid ||
    maxTrainingTime === invalid ||
    checkpoints === invalid ||
    hyperparameters === invalid
  ) {
    return undefined
  }
  // No array per model unless it has unknown fields (JSON objects have no inherited keys).
  let extraKeys: string[] | undefined
  for (const key in value) if (!knownFields.has(key)) (extraKeys ??= []).push(key)
  // fromEntries defines own properties: a "__proto__" key stays data, never a prototype.
  const extra = extraKeys ? Object.fromEntries(extraKeys.map((key) => [key, value[key]])) : noExtra
  return {
    modelId,
    modelName,
    status,
    secondaryStatus,
    failureReason,
    baseModel,
    baseCheckpoint,
    instanceType,
    maxTrainingTime,
    checkpoints,
    hyperparameters,
    hyperparametersText:
      typeof value.hyperparameters === 'string' ? value.hyperparameters : undefined,
    extra,
  }
}

export type ModelList = {
  models: Model[]
  /** Entries that were not models we could read; the rest are still shown. */
  unreadable: number
  /** Entries whose `modelId` repeated an earlier one; the first is kept. */
  duplicates: number
}

/** The one place that decides what `GET /models` sent. */
export function parseModelList(json: unknown): ModelList {
  const items = listIn(json, 'models')
  if (!items) {
    throw new ApiError(
      'unexpected',
      'The server answered, but its response does not contain a list of models.',
    )
  }
  const models: Model[] = []
  const seen = new Set<string>()
  let unreadable = 0
  let duplicates = 0
  for (const item of items) {
    const model = readModel(item)
    if (!model) unreadable++
    else if (seen.has(model.modelId)) duplicates++
    else {
      seen.add(model.modelId)
      models.push(model)
    }
  }
  return { models, unreadable, duplicates }
}

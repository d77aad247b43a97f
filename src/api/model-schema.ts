import { isStringArray } from '@/lib/guards'

import { ApiError } from './api-error'
import { isRecord, listIn } from './envelope'
import { jsonText } from '@/lib/json-text'

/**
 * A model as the dashboard reads it. Hand-written rather than zod: at 100,000 models zod 4 took
 * 0.4–1.3 s, and under our CSP (no eval) it cannot use its compiled fast path; this reader takes
 * tens of milliseconds (docs/decisions/0003-hand-written-model-reader.md).
 *
 * An entry with an identity is always a model: every other field is read on its own, and one
 * that came in an unexpected shape is shown as text and listed in `warnings`, never a reason to
 * hide the model.
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
  /** Seconds; absent when the task was started without a limit, or the value was unreadable. */
  maxTrainingTime: number | undefined
  checkpoints: string[]
  hyperparameters: Record<string, unknown>
  /** The text the service sent when hyperparameters came as a string (or another non-object). */
  hyperparametersText: string | undefined
  /** Fields the service sent that this dashboard does not know yet: shown, not dropped. */
  extra: Readonly<Record<string, unknown>>
  /** Fields that came in a shape this dashboard did not expect. Usually none. */
  warnings: readonly FieldWarning[]
}

/** One field that came in an unexpected shape: what came (as text), and what was expected. */
export type FieldWarning = { field: string; came: string; expected: string }

/** Most models have no unknown field and no warning: they share these (100k objects saved). */
const noExtra: Readonly<Record<string, unknown>> = Object.freeze({})
const noWarnings: readonly FieldWarning[] = Object.freeze([])

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

/** The warnings of the model being read; no array is made for a model without any. */
let warnings: FieldWarning[] | undefined

/** What came, as shown in the panel: long values are cut (the raw JSON has them whole). */
const cameLength = 500

function warn(field: string, came: unknown, expected: string): void {
  const shown = came === undefined ? '(missing)' : typeof came === 'string' ? came : jsonText(came)
  ;(warnings ??= []).push({
    field,
    came: shown.length > cameLength ? `${shown.slice(0, cameLength)}…` : shown,
    expected,
  })
}

/**
 * A text field. `required` ones are documented as always there: their absence is a warning.
 * Anything else is shown as text, or as the `message`/`name` inside an object when it has one.
 */
function text(value: unknown, field: string, required: true): string
function text(value: unknown, field: string, required: false): string | undefined
function text(value: unknown, field: string, required: boolean): string | undefined {
  if (typeof value === 'string') return value
  if (value == null) {
    if (required) warn(field, value, 'a text')
    return required ? '' : undefined
  }
  warn(field, value, 'a text')
  if (isRecord(value)) {
    if (typeof value.message === 'string') return value.message
    if (typeof value.name === 'string') return value.name
  }
  return jsonText(value)
}

/** The status, trimmed; an empty one says nothing of the model and is listed as such. */
function statusOf(value: unknown): string {
  const status = text(value, 'status', true).trim()
  if (status === '' && typeof value === 'string') warn('status', value, 'a status')
  return status
}

/** Seconds as a number, or as a numeric string (the docs example sends one). */
function seconds(value: unknown): number | undefined {
  if (value == null) return undefined
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  warn('maxTrainingTime', value, 'a number of seconds')
  return undefined
}

function checkpointList(value: unknown): string[] {
  if (value == null) return []
  if (!Array.isArray(value)) {
    warn('checkpoints', value, 'a list of checkpoint names')
    return typeof value === 'string' ? [value] : []
  }
  if (isStringArray(value)) return value
  warn('checkpoints', value, 'a list of checkpoint names')
  return value.map((item: unknown) =>
    typeof item === 'string'
      ? item
      : isRecord(item) && typeof item.name === 'string'
        ? item.name
        : jsonText(item),
  )
}

/** An open object; the docs example sends a JSON string, or a sentence, instead. */
function readHyperparameters(value: unknown): Record<string, unknown> {
  if (value == null) return {}
  if (isRecord(value)) return value
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value)
      if (isRecord(parsed)) return parsed
    } catch {
      // Not JSON: kept as text below.
    }
  }
  warn('hyperparameters', value, 'an object of training parameters')
  return {}
}

/** The identity of an entry: a non-empty text, or a number shown as text. */
function identity(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number' && Number.isFinite(value)) {
    warn('modelId', value, 'a text')
    return String(value)
  }
  return undefined
}

/** One entry of the service's answer as a model, or undefined when it has no identity. */
export function readModel(value: unknown): Model | undefined {
  if (!isRecord(value)) return undefined
  warnings = undefined
  const modelId = identity(value.modelId)
  if (modelId === undefined) return undefined
  const hyperparameters = value.hyperparameters
  const model: Model = {
    modelId,
    modelName: text(value.modelName, 'modelName', true),
    status: statusOf(value.status),
    secondaryStatus: text(value.secondaryStatus, 'secondaryStatus', false),
    failureReason: text(value.failureReason, 'failureReason', false),
    baseModel: text(value.baseModel, 'baseModel', true),
    baseCheckpoint: text(value.baseCheckpoint, 'baseCheckpoint', false),
    instanceType: text(value.instanceType, 'instanceType', true),
    maxTrainingTime: seconds(value.maxTrainingTime),
    checkpoints: checkpointList(value.checkpoints),
    hyperparameters: readHyperparameters(hyperparameters),
    hyperparametersText:
      typeof hyperparameters === 'string'
        ? hyperparameters
        : hyperparameters == null || isRecord(hyperparameters)
          ? undefined
          : jsonText(hyperparameters),
    extra: extraFields(value),
    warnings: warnings ?? noWarnings,
  }
  warnings = undefined
  return model
}

function extraFields(value: Record<string, unknown>): Readonly<Record<string, unknown>> {
  // No array per model unless it has unknown fields (JSON objects have no inherited keys).
  let extraKeys: string[] | undefined
  for (const key in value) if (!knownFields.has(key)) (extraKeys ??= []).push(key)
  // fromEntries defines own properties: a "__proto__" key stays data, never a prototype.
  return extraKeys ? Object.fromEntries(extraKeys.map((key) => [key, value[key]])) : noExtra
}

/** An entry of the list that is not shown as a model, kept so that the user can read it. */
export type RejectedEntry = {
  /** Its position in the service's list, from 0. */
  position: number
  value: unknown
  why: 'not an object' | 'no model id' | 'repeated id'
}

export type ModelList = {
  models: Model[]
  /** Entries that are not models, or repeat an earlier model's id; every other one is shown. */
  rejected: RejectedEntry[]
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
  const rejected: RejectedEntry[] = []
  const seen = new Set<string>()
  items.forEach((value, position) => {
    const model = readModel(value)
    if (!model) {
      rejected.push({ position, value, why: isRecord(value) ? 'no model id' : 'not an object' })
    } else if (seen.has(model.modelId)) {
      rejected.push({ position, value, why: 'repeated id' })
    } else {
      seen.add(model.modelId)
      models.push(model)
    }
  })
  return { models, rejected }
}

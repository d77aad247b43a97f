import { z } from 'zod'

import { ApiError } from './api-error'
import { isRecord, unwrapEnvelope } from './envelope'

/** Absent and `null` mean the same thing for the service's optional fields. */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined)

/** Seconds; the docs example sends a numeric string. */
const optionalSeconds = z
  .union([
    z.number().nonnegative(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, 'not a number of seconds')
      .transform(Number),
  ])
  .nullish()
  .transform((value) => value ?? undefined)

/** An open object; the docs example sends it as a JSON string instead. */
const hyperparameters = z
  .union([z.record(z.string(), z.unknown()), z.string()])
  .nullish()
  .transform((value) => {
    if (value == null) return { values: {}, text: undefined }
    if (typeof value !== 'string') return { values: value, text: undefined }
    return { values: parseObject(value) ?? {}, text: value }
  })

const knownFields = {
  modelId: z.string().trim().min(1),
  modelName: z.string(),
  status: z.string().trim().min(1),
  secondaryStatus: optionalText,
  failureReason: optionalText,
  baseModel: z.string(),
  baseCheckpoint: optionalText,
  instanceType: z.string(),
  maxTrainingTime: optionalSeconds,
  checkpoints: z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  hyperparameters,
}

export const modelSchema = z.looseObject(knownFields).transform((raw) => {
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in knownFields)) extra[key] = value
  }
  return {
    modelId: raw.modelId,
    modelName: raw.modelName,
    status: raw.status,
    secondaryStatus: raw.secondaryStatus,
    failureReason: raw.failureReason,
    baseModel: raw.baseModel,
    baseCheckpoint: raw.baseCheckpoint,
    instanceType: raw.instanceType,
    maxTrainingTime: raw.maxTrainingTime,
    checkpoints: raw.checkpoints,
    hyperparameters: raw.hyperparameters.values,
    /** The text the service sent when hyperparameters came as a string, parsed or not. */
    hyperparametersText: raw.hyperparameters.text,
    /** Fields the service sent that this dashboard does not know yet: shown, not dropped. */
    extra,
  }
})

export type Model = z.output<typeof modelSchema>

export type ModelList = {
  models: Model[]
  /** Entries that were not models we could read; the rest are still shown. */
  unreadable: number
  /** Entries whose `modelId` repeated an earlier one; the first is kept. */
  duplicates: number
}

/** The one place that decides what `GET /models` sent. */
export function parseModelList(json: unknown): ModelList {
  const payload = unwrapEnvelope(json)
  const items = Array.isArray(payload)
    ? payload
    : isRecord(payload) && Array.isArray(payload.models)
      ? payload.models
      : undefined
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
    const result = modelSchema.safeParse(item)
    if (!result.success) unreadable++
    else if (seen.has(result.data.modelId)) duplicates++
    else {
      seen.add(result.data.modelId)
      models.push(result.data)
    }
  }
  return { models, unreadable, duplicates }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

import { uuidPattern } from '../../common/model-id'
import type { Route } from '../../common/routes'
import type { AccountState } from './account-state'
import type { WireDataset } from './datasets/wire-dataset'

/**
 * What the emulator checks in the body of a task it starts (`POST /models/train`,
 * `POST /evaluation`). The service documents none of its messages for these: each refusal is a
 * 400 with a sentence that names the field and what was wrong, in the service's terse style.
 */
export class Refusal {
  constructor(readonly message: string) {}
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The body of a task (`readBody`) and the ready dataset of `type` it names (`datasetFor`): the
 * first checks of every task the emulator starts.
 */
export function readTaskBody(
  state: AccountState,
  route: Route,
  json: unknown,
  type: WireDataset['datasetType'],
): { body: Record<string, unknown>; dataset: WireDataset } | Refusal {
  const body = readBody(route, json)
  if (body instanceof Refusal) return body
  const dataset = datasetFor(state, body.datasetId, type)
  return dataset instanceof Refusal ? dataset : { body, dataset }
}

/** The route's fields (common/routes.ts): every required one there, none it does not take. */
function readBody(route: Route, body: unknown): Record<string, unknown> | Refusal {
  if (!('body' in route)) return new Refusal('This request takes no body')
  if (!isRecord(body)) return new Refusal('Invalid request body: expected a JSON object')
  const { required, optional } = route.body
  const missing = required.find((field) => body[field] === undefined || body[field] === null)
  if (missing) return new Refusal(`Missing required field: ${missing}`)
  const unknown = Object.keys(body).find(
    (field) =>
      !(required as readonly string[]).includes(field) &&
      !(optional as readonly string[]).includes(field),
  )
  if (unknown) return new Refusal(`Unknown field: ${unknown}`)
  return body
}

/** A ready dataset of `type`, named by `datasetId`. */
function datasetFor(
  state: AccountState,
  datasetId: unknown,
  type: WireDataset['datasetType'],
): WireDataset | Refusal {
  if (typeof datasetId !== 'string' || !uuidPattern.test(datasetId)) {
    return new Refusal('Invalid dataset id')
  }
  const dataset = state.findDataset(datasetId.toLowerCase())
  if (!dataset) return new Refusal(`dataset not found: ${datasetId}`)
  if (dataset.datasetType !== type) {
    const takes =
      type === 'training' ? 'training takes a training' : 'an evaluation takes an evaluation'
    return new Refusal(
      `Dataset ${dataset.datasetName} is for ${dataset.datasetType}: ${takes} dataset`,
    )
  }
  if (dataset.status.toLowerCase() !== 'ready') {
    return new Refusal(`Dataset ${dataset.datasetName} is not ready (status: ${dataset.status})`)
  }
  return dataset
}

/**
 * A model to start from or to evaluate: a base model's name (`Marqo/ViT-B-32.laion2b_s34b_b79k`)
 * or a checkpoint of a model of this account (`<modelId>/epoch_N`), in the documented words
 * when the checkpoint is not one of the model's.
 */
export function checkModelReference(
  state: AccountState,
  field: string,
  reference: unknown,
): Refusal | undefined {
  if (typeof reference !== 'string' || !/^[\w.-]+\/[\w.@+-]+$/.test(reference)) {
    return new Refusal(
      `Invalid ${field}: a base model name such as Marqo/ViT-B-32.laion2b_s34b_b79k, or <modelId>/<checkpoint>`,
    )
  }
  const [modelId = '', checkpoint = ''] = reference.split('/')
  if (!uuidPattern.test(modelId)) return undefined
  const model = state.findModel(modelId.toLowerCase())
  if (typeof model === 'string') return new Refusal(`model not found: ${modelId}`)
  if (!model.checkpoints.includes(checkpoint)) {
    return new Refusal(
      `Invalid checkpoint name: ${checkpoint} for model: name=${model.modelName}, id=${model.modelId}`,
    )
  }
  return undefined
}

/**
 * Hyperparameters whose dataset columns (`leftKeys`, `rightKeys`, `weightKey`) are columns of
 * the dataset, with each side's weights one per column.
 */
export function readHyperparameters(
  hyperparameters: unknown,
  dataset: WireDataset,
): Record<string, unknown> | Refusal {
  if (!isRecord(hyperparameters)) return new Refusal('hyperparameters must be a JSON object')
  const columns = Object.keys(dataset.dataSchema)
  const notAColumn = (name: unknown) => typeof name !== 'string' || !columns.includes(name)
  const inDataset = `of dataset ${dataset.datasetName} (${columns.join(', ')})`
  for (const side of ['left', 'right']) {
    const keys = hyperparameters[`${side}Keys`]
    if (!Array.isArray(keys) || keys.length === 0 || keys.some(notAColumn)) {
      return new Refusal(`hyperparameters.${side}Keys must be a list of columns ${inDataset}`)
    }
    const weights = hyperparameters[`${side}Weights`]
    if (
      weights !== undefined &&
      (!Array.isArray(weights) ||
        weights.length !== keys.length ||
        weights.some((weight) => typeof weight !== 'number'))
    ) {
      return new Refusal(
        `hyperparameters.${side}Weights must hold one number per ${side}Keys column`,
      )
    }
  }
  const { weightKey } = hyperparameters
  if (weightKey !== undefined && notAColumn(weightKey)) {
    return new Refusal(`hyperparameters.weightKey must be a column ${inDataset}`)
  }
  return hyperparameters
}

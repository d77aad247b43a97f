import { randomUUID } from 'node:crypto'

import { routes } from '../../../common/routes'
import type { AccountState } from '../account-state'
import { checkModelReference, readHyperparameters, readTaskBody, Refusal } from '../request-checks'
import type { WireModel } from './wire-model'

export const instanceTypes = ['marqtune.basic', 'marqtune.performance']

/**
 * `POST /models/train` read as the service would: the client's body
 * (`{datasetId, modelName, baseModel, instanceType, hyperparameters, maxTrainingTime?}`),
 * checked, becomes a new model that waits to start (`initializing`) with no checkpoint yet.
 */
export function readTrainingRequest(state: AccountState, json: unknown): WireModel | Refusal {
  const task = readTaskBody(state, routes.trainModel, json, 'training')
  if (task instanceof Refusal) return task
  const { body, dataset } = task
  const { modelName, baseModel, instanceType, maxTrainingTime } = body
  if (typeof modelName !== 'string' || !modelName.trim()) {
    return new Refusal('modelName must be a name')
  }
  const badBase = checkModelReference(state, 'baseModel', baseModel)
  if (badBase) return badBase
  if (typeof instanceType !== 'string' || !instanceTypes.includes(instanceType)) {
    return new Refusal(
      `Invalid instance type: ${String(instanceType)} (${instanceTypes.join(' or ')})`,
    )
  }
  const hyperparameters = readHyperparameters(body.hyperparameters, dataset)
  if (hyperparameters instanceof Refusal) return hyperparameters
  const { epochs } = hyperparameters
  if (epochs !== undefined && !(Number.isInteger(epochs) && Number(epochs) >= 1)) {
    return new Refusal('hyperparameters.epochs must be a whole number, 1 or more')
  }
  // The client sends a number; the docs' example shows a string of digits.
  const seconds = typeof maxTrainingTime === 'string' ? Number(maxTrainingTime) : maxTrainingTime
  if (seconds != null && !(Number.isInteger(seconds) && Number(seconds) >= 1)) {
    return new Refusal('maxTrainingTime must be a whole number of seconds, 1 or more')
  }
  return {
    modelId: randomUUID(),
    modelName,
    status: 'running',
    secondaryStatus: 'initializing',
    baseModel: String(baseModel),
    instanceType,
    ...(seconds == null ? {} : { maxTrainingTime: Number(seconds) }),
    checkpoints: [],
    hyperparameters,
  }
}

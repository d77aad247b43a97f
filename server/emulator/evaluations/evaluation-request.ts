import { randomUUID } from 'node:crypto'

import { routes } from '../../../common/routes'
import type { AccountState } from '../account-state'
import { checkModelReference, readHyperparameters, readTaskBody, Refusal } from '../request-checks'
import type { EvaluationRecord } from './wire-evaluation'

/**
 * `POST /evaluation` read as the service would: `{datasetId, model, hyperparameters}`, checked,
 * becomes a new evaluation that waits to start. Describe echoes the model and dataset at the top
 * level (the docs do not say whether the service does: issue 26 reads both ways).
 */
export function readEvaluationRequest(
  state: AccountState,
  json: unknown,
): EvaluationRecord | Refusal {
  const task = readTaskBody(state, routes.startEvaluation, json, 'evaluation')
  if (task instanceof Refusal) return task
  const { body, dataset } = task
  const badModel = checkModelReference(state, 'model', body.model)
  if (badModel) return badModel
  const hyperparameters = readHyperparameters(body.hyperparameters, dataset)
  if (hyperparameters instanceof Refusal) return hyperparameters
  const model = String(body.model)
  return {
    evaluation: {
      evaluationId: randomUUID(),
      status: 'running',
      secondaryStatus: 'initializing',
      model,
      datasetId: dataset.datasetId,
      hyperparameters,
    },
    model,
    datasetId: dataset.datasetId,
  }
}

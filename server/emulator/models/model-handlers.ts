import type { Context } from 'hono'

import { routePath } from '../../../common/routes'
import type { EmulatorContext, Handlers } from '../emulator-context'
import { linkOrigin } from '../files/presigned-links'
import { logWindow } from '../logs'
import { Refusal } from '../request-checks'
import { readTrainingRequest } from './training-request'
import type { WireModel } from './wire-model'

type ModelRoute =
  | 'listModels'
  | 'describeModel'
  | 'modelLogs'
  | 'modelLogFile'
  | 'checkpointDownload'
  | 'releaseCheckpoint'
  | 'deleteModel'
  | 'trainModel'

const invalidCheckpoint = (model: WireModel, checkpoint: string) => ({
  message: `Invalid checkpoint name: ${checkpoint} for model: name=${model.modelName}, id=${model.modelId}`,
})

/** The model routes, with the documented messages. */
export function modelHandlers(
  { state, tasks, links, send }: EmulatorContext,
  envelope: 'wrapped' | 'bare',
): Handlers<ModelRoute> {
  // Serialised once per change: a 100,000-model account is tens of megabytes.
  let list: { version: number; body: string } | undefined

  function withModel(c: Context, modelId: string, answer: (model: WireModel) => Response) {
    const model = state.findModel(modelId)
    return typeof model === 'string' ? send(c, 404, { message: 'model not found' }) : answer(model)
  }

  return {
    listModels: (c) => {
      if (list?.version !== state.version) {
        const models = state.listModels()
        const body = envelope === 'wrapped' ? { statusCode: 200, body: { models } } : { models }
        list = { version: state.version, body: JSON.stringify(body) }
      }
      return c.body(list.body, 200, { 'content-type': 'application/json' })
    },

    describeModel: (c, { params }) => withModel(c, params.modelId!, (model) => send(c, 200, model)),

    modelLogs: (c, { params, query }) =>
      withModel(c, params.modelId!, (model) => {
        const window = logWindow(state.modelLog(model), query.from, query.to)
        return typeof window === 'string' ? send(c, 400, { message: window }) : send(c, 200, window)
      }),

    modelLogFile: (c, { params }) =>
      withModel(c, params.modelId!, (model) => {
        if (model.status.toLowerCase() !== 'ready') {
          return send(c, 400, { message: 'Logs download is only available for ready model.' })
        }
        const { modelId } = model
        const path = routePath('modelLogFileContents', { modelId, fileName: `${modelId}.log` })
        return send(c, 200, { downloadUrl: links.sign(linkOrigin(c), path) })
      }),

    checkpointDownload: (c, { params, query }) =>
      withModel(c, params.modelId!, (model) => {
        // Without a checkpoint, the newest, as the client's download() expects.
        const checkpoint = query.checkpoint ?? model.checkpoints.at(-1) ?? ''
        if (!model.checkpoints.includes(checkpoint)) {
          return send(c, 400, invalidCheckpoint(model, checkpoint))
        }
        const fileName = `${checkpoint}.pt`
        const path = routePath('checkpointFile', { modelId: model.modelId, fileName })
        return send(c, 200, { downloadUrl: links.sign(linkOrigin(c), path) })
      }),

    releaseCheckpoint: (c, { params }) =>
      withModel(c, params.modelId!, (model) => {
        const checkpoint = params.checkpoint!
        if (!model.checkpoints.includes(checkpoint)) {
          return send(c, 400, invalidCheckpoint(model, checkpoint))
        }
        state.release(model.modelId, checkpoint)
        return send(c, 200, { modelId: model.modelId })
      }),

    deleteModel: (c, { params }) => {
      const modelId = params.modelId!
      if (!state.hasModel(modelId)) return send(c, 404, { message: 'model not found' })
      if (state.isModelDeleted(modelId)) {
        return send(c, 400, { message: 'model is already deleted' })
      }
      // Deleting also stops a task that is still running.
      tasks.stopTask(modelId)
      state.deleteModel(modelId)
      return send(c, 200, { message: 'model deleted successfully' })
    },

    trainModel: async (c) => {
      const model = readTrainingRequest(state, await c.req.json().catch(() => undefined))
      if (model instanceof Refusal) return send(c, 400, { message: model.message })
      state.addModel(model)
      state.sayForModel(model, `Task ${model.modelId} accepted for ${model.baseModel}`)
      tasks.startTraining(model)
      return send(c, 200, { modelId: model.modelId })
    },
  }
}

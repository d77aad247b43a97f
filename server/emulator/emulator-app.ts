import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

import { uuidPattern } from '../../common/model-id'
import { routeNames, routes, type RouteName } from '../../common/routes'
import { installFaults } from './faults'
import { logsOf, logWindow } from './logs'
import { modelActions } from './model-actions'
import { simulate as startSimulation } from './simulate'
import type { WireModel } from './wire-model'

export const demoKey = 'marqtune-demo-key'

export const envelopes = ['wrapped', 'bare'] as const
export type Envelope = (typeof envelopes)[number]

export function isEnvelope(value: string): value is Envelope {
  return (envelopes as readonly string[]).includes(value)
}

export type EmulatorOptions = {
  models: WireModel[]
  /** Keys that are accepted in `x-api-key`. */
  keys: string[]
  envelope: Envelope
  /** Test servers only: accept queued faults and keep a log of requests (faults.ts). */
  faults?: boolean
  /** Deleted models stay listed with status `deleted` (the docs leave open which the service does). */
  keepDeleted?: boolean
  /** Training happens (simulate.ts): one epoch every `epochMs`. Without it the account stands still. */
  simulate?: { epochMs: number }
}

/**
 * A Marqtune-compatible API (docs/marqtune-api.md): the documented routes, messages and envelopes.
 * The docs show 401 and 500 bodies bare and every other body wrapped; `bare` drops the wrapper
 * everywhere, as the official client expects.
 */
export function createEmulatorApp({
  models,
  keys,
  envelope,
  faults = false,
  keepDeleted = false,
  simulate,
}: EmulatorOptions): Hono {
  const app = new Hono()
  // A simulation changes its models: its own copies, never the shared seed.
  if (simulate) models = structuredClone(models)
  const simulation = simulate
    ? startSimulation(models, { epochMs: simulate.epochMs, onChange: () => (listBody = undefined) })
    : undefined
  // Logs end where the emulator started, so their timestamps hold still between requests.
  const logsEnd = Date.now()
  const byId = new Map(models.map((model) => [model.modelId, model]))
  const actions = modelActions({ keepDeleted })
  const accepted = new Set(keys)
  // Serialised once: a 100,000-model account is tens of megabytes.
  let listBody: string | undefined

  function wrap(status: number, body: unknown) {
    const wrapped = envelope === 'wrapped' && status !== 401 && status !== 500
    return wrapped ? { statusCode: status, body } : body
  }

  function send(c: Context, status: ContentfulStatusCode, body: unknown) {
    return c.json(wrap(status, body), status)
  }

  if (faults) {
    installFaults(app, wrap, () => {
      actions.reset()
      listBody = undefined
    })
  }

  function findModel(c: Context): WireModel | Response {
    const id = c.req.param('modelId') ?? ''
    if (!uuidPattern.test(id)) return send(c, 400, { message: 'Invalid model id' })
    const model = byId.get(id)
    return (model && actions.shown(model)) ?? send(c, 404, { message: 'model not found' })
  }

  app.use(async (c, next) => {
    const key = c.req.header('x-api-key')
    if (!key || !accepted.has(key)) return c.json({ message: 'Unauthorized.' }, 401)
    return next()
  })

  /** Every route of the table (common/routes.ts), answered as the service does. */
  const handlers: { [Name in RouteName]: (c: Context) => Response | Promise<Response> } = {
    listModels: (c) => {
      const listed = actions.list(models)
      listBody ??= JSON.stringify(
        envelope === 'wrapped' ? { statusCode: 200, body: { models: listed } } : { models: listed },
      )
      return c.body(listBody, 200, { 'content-type': 'application/json' })
    },

    describeModel: (c) => {
      const model = findModel(c)
      return model instanceof Response ? model : send(c, 200, model)
    },

    modelLogs: (c) => {
      const model = findModel(c)
      if (model instanceof Response) return model
      const lines = simulation?.logOf(model) ?? logsOf(model, logsEnd)
      const window = logWindow(lines, c.req.query('from'), c.req.query('to'))
      return typeof window === 'string' ? send(c, 400, { message: window }) : send(c, 200, window)
    },

    modelLogFile: (c) => {
      const model = findModel(c)
      if (model instanceof Response) return model
      if (model.status.toLowerCase() !== 'ready') {
        return send(c, 400, { message: 'Logs download is only available for ready model.' })
      }
      const expires = Math.floor(Date.now() / 1000) + 3600
      return send(c, 200, {
        downloadUrl: `https://marqtune-emulator.invalid/logs/${model.modelId}.log?X-Amz-Expires=3600&expires=${expires}`,
      })
    },

    checkpointDownload: (c) => {
      const model = findModel(c)
      if (model instanceof Response) return model
      const checkpoint = c.req.query('checkpoint') ?? model.checkpoints.at(-1)
      if (!checkpoint || !model.checkpoints.includes(checkpoint)) {
        return send(c, 400, {
          message: `Invalid checkpoint name: ${checkpoint ?? ''} for model: name=${model.modelName}, id=${model.modelId}`,
        })
      }
      const expires = Math.floor(Date.now() / 1000) + 3600
      return send(c, 200, {
        downloadUrl: `https://marqtune-emulator.invalid/models/${model.modelId}/${checkpoint}.pt?X-Amz-Expires=3600&expires=${expires}`,
      })
    },

    releaseCheckpoint: (c) => {
      const model = findModel(c)
      if (model instanceof Response) return model
      const checkpoint = c.req.param('checkpoint') ?? ''
      if (!model.checkpoints.includes(checkpoint)) {
        return send(c, 400, {
          message: `Invalid checkpoint name: ${checkpoint} for model: name=${model.modelName}, id=${model.modelId}`,
        })
      }
      actions.release(model.modelId, checkpoint)
      return send(c, 200, { modelId: model.modelId })
    },

    deleteModel: (c) => {
      const id = c.req.param('modelId') ?? ''
      if (!uuidPattern.test(id)) return send(c, 400, { message: 'Invalid model id' })
      if (!byId.has(id)) return send(c, 404, { message: 'model not found' })
      if (actions.isDeleted(id)) return send(c, 400, { message: 'model is already deleted' })
      actions.delete(id)
      listBody = undefined
      return send(c, 200, { message: 'model deleted successfully' })
    },

    trainModel: (c) => send(c, 400, { message: 'Invalid request method' }),
    startEvaluation: (c) => send(c, 400, { message: 'Invalid request method' }),
  }
  for (const name of routeNames) app.on(routes[name].method, routes[name].path, handlers[name])

  app.notFound((c) => send(c, 400, { message: 'Invalid request method' }))
  app.onError((error, c) => {
    console.error('emulator error:', error)
    return c.json({ message: 'Internal server error.' }, 500)
  })
  return app
}

import { Hono, type Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

import { matchRoute, readParams, readQuery, routeNames, routes } from '../../common/routes'
import type { Account } from './accounts'
import { accountState } from './account-state'
import { datasetHandlers } from './datasets/dataset-handlers'
import type { EmulatorContext, Handlers } from './emulator-context'
import { evaluationHandlers } from './evaluations/evaluation-handlers'
import { installFaults } from './faults'
import { fileHandlers, noSuchKey, refusedLink } from './files/file-handlers'
import { presignedLinks } from './files/presigned-links'
import { modelHandlers } from './models/model-handlers'
import { simulate } from './simulate'

export const demoKey = 'marqtune-demo-key'

export const envelopes = ['bare', 'wrapped'] as const
export type Envelope = (typeof envelopes)[number]

export function isEnvelope(value: string): value is Envelope {
  return (envelopes as readonly string[]).includes(value)
}

/** One step of a task (an epoch of a training) every this many ms, unless told otherwise. */
export const defaultEpochMs = 20_000

export type EmulatorOptions = {
  account: Account
  /** Keys that are accepted in `x-api-key`. */
  keys: string[]
  /** `bare` (the default) as the official client reads the service; `wrapped` as the docs show it. */
  envelope?: Envelope
  /** Test servers only: accept queued faults and keep a log of requests (faults.ts). */
  faults?: boolean
  /** Deleted models stay listed with status `deleted` (the docs leave open which the service does). */
  keepDeleted?: boolean
  /** The seeds' own tasks move too (`--simulate`); tasks started through the API always do. */
  simulate?: boolean
  /** One step of every task every this many ms (simulate.ts). */
  epochMs?: number
  /** The clock of links' expiry and of logs (tests move it). */
  now?: () => number
}

/**
 * A Marqtune-compatible API (docs/marqtune-api.md): every route of the table in
 * common/routes.ts, with the documented messages, answered as the official client reads the
 * service: bare bodies by default (the docs show 401 and 500 bodies bare and every other
 * wrapped, which `wrapped` keeps), links that download from the emulator itself, and tasks
 * that move through the states the client knows.
 */
export function createEmulatorApp({
  account,
  keys,
  envelope = 'bare',
  faults = false,
  keepDeleted = false,
  simulate: moveSeeds = false,
  epochMs = defaultEpochMs,
  now = Date.now,
}: EmulatorOptions): Hono {
  const app = new Hono()
  const state = accountState(account, { keepDeleted, ownSeeds: moveSeeds, now })
  const tasks = simulate(state, { epochMs, moveSeeds })
  const accepted = new Set(keys)

  function wrap(status: number, body: unknown) {
    const wrapped = envelope === 'wrapped' && status !== 401 && status !== 500
    return wrapped ? { statusCode: status, body } : body
  }

  const context: EmulatorContext = {
    state,
    tasks,
    links: presignedLinks(now),
    send: (c: Context, status: ContentfulStatusCode, body: unknown) =>
      c.json(wrap(status, body), status),
    sendList: (c, key, items) => c.json(wrap(200, { [key]: items }), 200),
  }

  if (faults) {
    installFaults(
      app,
      wrap,
      () => {
        tasks.stopStarted()
        state.reset()
      },
      () => tasks.step(),
    )
  }

  // Every route needs the key, but the files behind presigned links: their link is their key.
  app.use(async (c, next) => {
    const match = matchRoute(c.req.method, c.req.path)
    if (match && 'presigned' in match.route) return next()
    const key = c.req.header('x-api-key')
    if (!key || !accepted.has(key)) return c.json({ message: 'Unauthorized.' }, 401)
    return next()
  })

  /** Every route of the table, answered as the service does: the type checker wants them all. */
  const handlers: Handlers<(typeof routeNames)[number]> = {
    ...modelHandlers(context, envelope),
    ...evaluationHandlers(context),
    ...datasetHandlers(context),
    ...fileHandlers(context),
  }
  for (const name of routeNames) {
    const route = routes[name]
    app.on(route.method, route.path, (c) => {
      const search = new URL(c.req.url).searchParams
      if ('presigned' in route) {
        const check = context.links.check(c.req.path, search)
        if (check !== 'valid') return refusedLink(check)
      }
      const params = readParams({ name, route, params: c.req.param() })
      if ('refusal' in params) {
        return 'presigned' in route
          ? noSuchKey()
          : context.send(c, 400, { message: params.refusal })
      }
      const query = readQuery(route, search)
      if ('refusal' in query) return context.send(c, 400, { message: query.refusal })
      return handlers[name](c, { params: params.params, query: query.query })
    })
  }

  app.notFound((c) => context.send(c, 400, { message: 'Invalid request method' }))
  app.onError((error, c) => {
    console.error('emulator error:', error)
    return c.json({ message: 'Internal server error.' }, 500)
  })
  return app
}

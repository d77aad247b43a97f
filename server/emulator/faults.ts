import { createHash } from 'node:crypto'
import type { Context, Hono, Next } from 'hono'

import { matchRoute, routeNames, type RouteName } from '../../common/routes'

/**
 * What the emulator can do instead of a normal answer. Only a test server started with
 * `--faults` accepts them (never `npm run demo` or `npm start`).
 */
export type Fault =
  /** This status, with `{ message }` as JSON, an HTML page, or nothing. */
  | { kind: 'status'; status: number; body?: 'json' | 'html' | 'empty'; message?: string }
  /** Exactly this JSON, status 200 unless given: wrong shapes, huge accounts, markup, ... */
  | { kind: 'json'; body: unknown; status?: number }
  /** Exactly this text as a JSON answer: JSON too deep for JSON.stringify to make, say. */
  | { kind: 'text'; body: string }
  /** These entries as the model list, in the emulator's envelope. */
  | { kind: 'models'; models: unknown[] }
  /** 429 with this Retry-After: seconds, or an HTTP date. */
  | { kind: 'rate-limit'; retryAfter: string }
  /** A 302 to another host. */
  | { kind: 'redirect'; location: string }
  /** Half of the normal body, then the connection is closed. */
  | { kind: 'cut' }
  /** No answer at all, until the client gives up. */
  | { kind: 'hang' }
  /** The normal body, a few bytes at a time. */
  | { kind: 'trickle'; bytesPerSecond: number }

/** Faults are queued per route, by its name in the route table (common/routes.ts). */
export const faultRoutes: readonly string[] = routeNames

/** One request as the emulator saw it; `key` is a short hash, never the key itself. */
export type RecordedRequest = {
  method: string
  path: string
  route: RouteName | undefined
  key: string | undefined
  aborted: boolean
}

function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12)
}

/**
 * Mounts the control routes (`/__emulator/faults`, `/__emulator/requests`, `/__emulator/state`,
 * `/__emulator/step`) and the middleware that records every request and plays queued faults,
 * per route, in order.
 */
export function installFaults(
  app: Hono,
  wrap: (status: number, body: unknown) => unknown,
  /** Called by `DELETE /__emulator/state` too: the account comes back as it started. */
  resetAccount: () => void = () => {},
  /** `POST /__emulator/step`: every task takes its next step now, so a test need not wait. */
  step: () => void = () => {},
) {
  const queues = new Map<string, Fault[]>()
  const requests: RecordedRequest[] = []

  app.post('/__emulator/faults', async (c) => {
    const { route, faults } = await c.req.json<{ route: string; faults: Fault[] }>()
    if (!faultRoutes.includes(route)) return c.json({ message: `Unknown route ${route}` }, 400)
    queues.set(route, [...(queues.get(route) ?? []), ...faults])
    return c.json({ queued: queues.get(route)?.length })
  })
  app.get('/__emulator/requests', (c) => c.json(requests))
  app.post('/__emulator/step', (c) => {
    step()
    return c.body(null, 204)
  })
  app.delete('/__emulator/state', (c) => {
    queues.clear()
    requests.length = 0
    resetAccount()
    return c.body(null, 204)
  })

  app.use(async (c, next) => {
    if (c.req.path.startsWith('/__emulator/')) return next()
    const key = c.req.header('x-api-key')
    const { pathname, search } = new URL(c.req.url)
    const record: RecordedRequest = {
      method: c.req.method,
      path: pathname + search,
      route: matchRoute(c.req.method, c.req.path)?.name,
      key: key ? keyHash(key) : undefined,
      aborted: false,
    }
    requests.push(record)
    c.req.raw.signal.addEventListener('abort', () => (record.aborted = true))
    const fault = record.route === undefined ? undefined : queues.get(record.route)?.shift()
    return fault ? play(fault, c, next, wrap) : next()
  })
}

async function play(
  fault: Fault,
  c: Context,
  next: Next,
  wrap: (status: number, body: unknown) => unknown,
): Promise<Response | void> {
  switch (fault.kind) {
    case 'status': {
      const message = fault.message ?? `Emulated HTTP ${fault.status}`
      const body =
        fault.body === 'html'
          ? `<!doctype html><html><body><h1>${fault.status}</h1><p>${message}</p></body></html>`
          : fault.body === 'empty'
            ? ''
            : JSON.stringify(wrap(fault.status, { message }))
      const type = fault.body === 'html' ? 'text/html' : 'application/json'
      return new Response(body, { status: fault.status, headers: { 'content-type': type } })
    }
    case 'json':
      return Response.json(fault.body, { status: fault.status ?? 200 })
    case 'text':
      return new Response(fault.body, { headers: { 'content-type': 'application/json' } })
    case 'models':
      return Response.json(wrap(200, { models: fault.models }))
    case 'rate-limit':
      return Response.json(wrap(429, { message: 'Too many requests.' }), {
        status: 429,
        headers: { 'retry-after': fault.retryAfter },
      })
    case 'redirect':
      return new Response(null, { status: 302, headers: { location: fault.location } })
    case 'hang':
      return new Promise((resolve) => {
        c.req.raw.signal.addEventListener('abort', () => resolve(new Response(null)))
      })
    case 'cut':
    case 'trickle': {
      await next()
      const normal = new Uint8Array(await c.res.arrayBuffer())
      const stream = fault.kind === 'cut' ? cutOff(normal) : trickle(normal, fault.bytesPerSecond)
      // The whole length is declared, as a slow server would; a cut-off body falls short of it.
      const headers = new Headers(c.res.headers)
      headers.set('content-length', String(normal.byteLength))
      c.res = new Response(stream, { status: c.res.status, headers })
      return
    }
  }
}

function cutOff(body: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(body.subarray(0, body.length >> 1))
      await new Promise((resolve) => setTimeout(resolve, 50))
      controller.error(new Error('emulated cut-off'))
    },
  })
}

function trickle(body: Uint8Array, bytesPerSecond: number): ReadableStream<Uint8Array> {
  const chunk = Math.max(1, Math.round(bytesPerSecond / 10))
  let offset = 0
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      controller.enqueue(body.subarray(offset, offset + chunk))
      offset += chunk
      if (offset >= body.length) controller.close()
    },
  })
}

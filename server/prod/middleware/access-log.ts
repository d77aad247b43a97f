import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { createHash, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'

import type { ServerEnv } from '../context'

type ReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>

/** How a body ended: all of it went out, the source broke off, or the browser went away. */
export type BodyOutcome = 'complete' | 'cut' | 'aborted'

/** At most a short hash of the key reaches the log: enough to tell two users apart. */
function keyTag(key: string | undefined): string {
  return key ? createHash('sha256').update(key).digest('hex').slice(0, 8) : '-'
}

/**
 * Gives each request an id (in `x-request-id` and in every error body) and writes one line when
 * its body really ends, not when the handler returns: a 200 cut off mid-body is logged as cut.
 * Method, route, outcome and sizes only: never a header value, so never the key.
 */
export function accessLog(log: (line: string) => void): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now()
    const requestId = randomUUID()
    c.set('requestId', requestId)
    await next()
    c.header('x-request-id', requestId)
    const head = [c.req.method, c.get('route') ?? (routePath(c) || '-'), c.res.status]
    const tail = [`id=${requestId}`, `key=${keyTag(c.req.header('x-api-key'))}`]
    c.res = watchBody(c.res, c.env?.outgoing, (bytes, outcome) => {
      const took = `${Math.round(performance.now() - started)}ms`
      log([...head, took, `bytes=${bytes}`, outcome, ...tail].join(' '))
    })
  }
}

/**
 * The same response, with its body counted on the way out. A body whose source fails breaks the
 * browser's connection here, by destroying it: erroring the stream instead would make the Node
 * adapter print a stack trace and, before the headers are out, answer a bare text/plain 500.
 */
function watchBody(
  response: Response,
  outgoing: ServerResponse | undefined,
  report: (bytes: number, outcome: BodyOutcome) => void,
): Response {
  let settled = false
  const settle = (bytes: number, outcome: BodyOutcome) => {
    if (settled) return
    settled = true
    if (outcome !== 'complete' || !outgoing || outgoing.writableFinished) {
      report(bytes, outcome)
      return
    }
    // Handed to Node is not yet sent: the socket says whether the last byte went out.
    const sent = () => report(bytes, outgoing.writableFinished ? 'complete' : 'aborted')
    if (outgoing.destroyed) sent()
    else outgoing.once('close', sent)
  }
  if (!response.body) {
    settle(0, 'complete')
    return response
  }
  const reader = response.body.getReader()
  let bytes = 0
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let result: ReadResult
        try {
          result = await reader.read()
        } catch (error) {
          settle(bytes, 'cut')
          // The adapter cancels this stream once the connection closes; nothing else to do.
          if (outgoing) outgoing.destroy()
          else controller.error(error)
          return
        }
        if (result.done) {
          settle(bytes, 'complete')
          controller.close()
          return
        }
        bytes += result.value.byteLength
        controller.enqueue(result.value)
      },
      async cancel(reason) {
        settle(bytes, 'aborted')
        await reader.cancel(reason).catch(() => {})
      },
    },
    { highWaterMark: 0 },
  )
  return new Response(body, { status: response.status, headers: response.headers })
}

import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { createHash, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'

import type { ServerEnv } from '../context'

type ReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>

/**
 * How a body ended: all of it went out, the source broke off, the browser went away, or the
 * server's forced stop cut it (SHUTDOWN_TIMEOUT_MS ran out).
 */
export type BodyOutcome = 'complete' | 'cut' | 'aborted' | 'cut-by-stop'

/** At most a short hash of the key reaches the log: enough to tell two users apart. */
function keyTag(key: string | undefined): string {
  return key ? createHash('sha256').update(key).digest('hex').slice(0, 8) : '-'
}

/**
 * The requests whose log line is not written yet. When a forced stop is about to close their
 * connections, each one is written at once, saying it was cut: the process exits right after,
 * before any stream could report it, and a delete Marqtune had not answered must not vanish.
 */
export class OpenRequests {
  readonly #cuts = new Set<() => void>()

  /** Keeps `cut` until the request's line is written; call the result then. */
  track(cut: () => void): () => void {
    this.#cuts.add(cut)
    return () => this.#cuts.delete(cut)
  }

  /** Writes the line of every request still open, as cut by the stop; how many there were. */
  cutAll(): number {
    const cuts = [...this.#cuts]
    for (const cut of cuts) cut()
    return cuts.length
  }
}

/**
 * Gives each request an id (in `x-request-id` and in every error body) and writes one line when
 * its body really ends, not when the handler returns: a 200 cut off mid-body is logged as cut.
 * Method, route, outcome and sizes only: never a header value, so never the key, and never a
 * byte of a request body (`received=` is its size, after the answer's, when one was read). A
 * request cut by a forced stop before it was answered has `-` for its status.
 */
export function accessLog(
  log: (line: string) => void,
  open: OpenRequests = new OpenRequests(),
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const started = performance.now()
    const requestId = randomUUID()
    c.set('requestId', requestId)
    let status: number | '-' = '-'
    const sent = { bytes: 0 }
    let written = false
    const write = (outcome: BodyOutcome) => {
      if (written) return
      written = true
      untrack()
      const route = c.get('route') ?? (routePath(c) || '-')
      const took = `${Math.round(performance.now() - started)}ms`
      const key = `key=${keyTag(c.req.header('x-api-key'))}`
      const received = c.get('received')
      log(
        [
          c.req.method,
          route,
          status,
          took,
          `bytes=${sent.bytes}`,
          ...(received === undefined ? [] : [`received=${received}`]),
          outcome,
          `id=${requestId}`,
          key,
        ].join(' '),
      )
    }
    const untrack = open.track(() => write('cut-by-stop'))
    await next()
    c.header('x-request-id', requestId)
    status = c.res.status
    c.res = watchBody(c.res, c.env?.outgoing, sent, write)
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
  sent: { bytes: number },
  report: (outcome: BodyOutcome) => void,
): Response {
  let settled = false
  const settle = (outcome: BodyOutcome) => {
    if (settled) return
    settled = true
    if (outcome !== 'complete' || !outgoing || outgoing.writableFinished) {
      report(outcome)
      return
    }
    // Handed to Node is not yet sent: the socket says whether the last byte went out.
    const done = () => report(outgoing.writableFinished ? 'complete' : 'aborted')
    if (outgoing.destroyed) done()
    else outgoing.once('close', done)
  }
  if (!response.body) {
    settle('complete')
    return response
  }
  const reader = response.body.getReader()
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let result: ReadResult
        try {
          result = await reader.read()
        } catch (error) {
          settle('cut')
          // The adapter cancels this stream once the connection closes; nothing else to do.
          if (outgoing) outgoing.destroy()
          else controller.error(error)
          return
        }
        if (result.done) {
          settle('complete')
          controller.close()
          return
        }
        sent.bytes += result.value.byteLength
        controller.enqueue(result.value)
      },
      async cancel(reason) {
        settle('aborted')
        await reader.cancel(reason).catch(() => {})
      },
    },
    { highWaterMark: 0 },
  )
  return new Response(body, { status: response.status, headers: response.headers })
}

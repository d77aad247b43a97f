import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { IncomingMessage, ServerResponse } from 'node:http'

export type ServerEnv = {
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse }
  /**
   * `route`: the route table's pattern a request matched, for its log line; `received`: the
   * bytes of a request body read (its size is logged, never its content).
   */
  Variables: { requestId: string; route?: string; received?: number }
}

/**
 * The server's own JSON answers, with their length declared: /api compression sees how small
 * they are and leaves them be (compressing `{"readOnly":false}` makes it longer, and compressing
 * every 503 of a flood would cost the server what the bound on requests saves it).
 */
export function ownJson(
  c: Context<ServerEnv>,
  status: ContentfulStatusCode,
  value: unknown,
): Response {
  const body = JSON.stringify(value)
  return c.body(body, status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
  })
}

/** The server's own errors: JSON, with the request id that its log line carries too. */
export function failure(
  c: Context<ServerEnv>,
  status: ContentfulStatusCode,
  message: string,
): Response {
  return ownJson(c, status, { message, requestId: c.get('requestId') })
}

import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { IncomingMessage, ServerResponse } from 'node:http'

export type ServerEnv = {
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse }
  /** `route`: the route table's pattern a request matched, for its log line. */
  Variables: { requestId: string; route?: string }
}

/**
 * The server's own errors: JSON, with the request id that its log line carries too. The length
 * is declared so that /api compression sees how small they are and leaves them be: compressing
 * every 503 of a flood would cost the server what the bound on requests saves it.
 */
export function failure(
  c: Context<ServerEnv>,
  status: ContentfulStatusCode,
  message: string,
): Response {
  const body = JSON.stringify({ message, requestId: c.get('requestId') })
  return c.body(body, status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
  })
}

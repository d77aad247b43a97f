import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { IncomingMessage } from 'node:http'

export type ServerEnv = {
  Bindings: { incoming?: IncomingMessage }
  Variables: { requestId: string }
}

/** The server's own errors: JSON, with the request id that its log line carries too. */
export function failure(
  c: Context<ServerEnv>,
  status: ContentfulStatusCode,
  message: string,
): Response {
  return c.json({ message, requestId: c.get('requestId') }, status)
}

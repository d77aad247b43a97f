import type { Context } from 'hono'

import { failure, type ServerEnv } from './context'

export type UpstreamOptions = {
  /** MARQTUNE_URL without a trailing slash. */
  baseUrl: string
  /** For the whole exchange, body included. */
  timeoutMs: number
  /** The largest body passed back; a 100,000-model account is about 55 MB. */
  maxBodyBytes: number
}

/** Response headers worth passing back; everything else of the upstream's stays behind. */
const passedBack = ['content-type', 'retry-after']

/**
 * Forwards one fixed, already-validated path to the Marqtune API. Only the key and `accept` go
 * upstream; redirects are never followed, so the key cannot be carried to another host. The
 * upstream request ends when the browser goes away, and when the time is up.
 */
export async function forward(c: Context<ServerEnv>, path: string, upstream: UpstreamOptions) {
  const headers = new Headers({ accept: 'application/json' })
  const apiKey = c.req.header('x-api-key')
  if (apiKey) headers.set('x-api-key', apiKey)

  // A plain controller and timer, not AbortSignal.any([AbortSignal.timeout()]): Node can collect
  // a timeout signal held only by a composite one, and then the timeout never fires
  // (nodejs/node#57736). The timer runs for the whole exchange, body included.
  const controller = new AbortController()
  setTimeout(
    () => controller.abort(new DOMException('The upstream took too long', 'TimeoutError')),
    upstream.timeoutMs,
  ).unref()
  const browser = c.req.raw.signal
  browser.addEventListener('abort', () => controller.abort(browser.reason), { once: true })

  let response: Response
  try {
    response = await fetch(`${upstream.baseUrl}${path}`, {
      headers,
      redirect: 'manual',
      signal: controller.signal,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return failure(c, 504, 'The Marqtune API did not answer in time.')
    }
    return failure(c, 502, 'The dashboard server could not reach the Marqtune API.')
  }

  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel()
    return failure(
      c,
      502,
      `The Marqtune API answered with a redirect (HTTP ${response.status}), which is not followed.`,
    )
  }
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > upstream.maxBodyBytes) {
    await response.body?.cancel()
    return failure(c, 502, 'The Marqtune API sent more data than this server accepts.')
  }

  const outgoing = new Headers()
  for (const name of passedBack) {
    const value = response.headers.get(name)
    if (value) outgoing.set(name, value)
  }
  // The length lets the browser show progress; it is only true of a body fetch did not decode.
  if (declared > 0 && !response.headers.has('content-encoding')) {
    outgoing.set('content-length', String(declared))
  }
  // A body that is cut off, too late or too long errors this stream, and the connection to the
  // browser is destroyed: it never sees a complete-looking 200 with half a JSON document.
  const body = response.body?.pipeThrough(capped(upstream.maxBodyBytes))
  return new Response(body, { status: response.status, headers: outgoing })
}

function capped(maxBytes: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > maxBytes) controller.error(new Error('upstream body over the size limit'))
      else controller.enqueue(chunk)
    },
  })
}

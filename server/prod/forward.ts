import type { Context } from 'hono'

export type UpstreamOptions = {
  /** MARQTUNE_URL without a trailing slash. */
  baseUrl: string
  timeoutMs: number
}

/** Response headers worth passing back; everything else of the upstream's stays behind. */
const passedBack = ['content-type', 'retry-after']

/**
 * Forwards one fixed, already-validated path to the Marqtune API. Only the key and `accept` go
 * upstream; redirects are never followed, so the key cannot be carried to another host.
 */
export async function forward(c: Context, path: string, upstream: UpstreamOptions) {
  const headers = new Headers({ accept: 'application/json' })
  const apiKey = c.req.header('x-api-key')
  if (apiKey) headers.set('x-api-key', apiKey)

  let response: Response
  try {
    response = await fetch(`${upstream.baseUrl}${path}`, {
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(upstream.timeoutMs),
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return c.json({ message: 'The Marqtune API did not answer in time.' }, 504)
    }
    return c.json({ message: 'The dashboard server could not reach the Marqtune API.' }, 502)
  }

  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel()
    return c.json(
      {
        message: `The Marqtune API answered with a redirect (HTTP ${response.status}), which is not followed.`,
      },
      502,
    )
  }

  const outgoing = new Headers()
  for (const name of passedBack) {
    const value = response.headers.get(name)
    if (value) outgoing.set(name, value)
  }
  return new Response(response.body, { status: response.status, headers: outgoing })
}

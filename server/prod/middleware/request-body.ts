import type { Context } from 'hono'

import type { ServerEnv } from '../context'

/** How long a body may take to arrive once its headers are in: a slow client holds nothing long. */
export const defaultBodyArrivalMs = 10_000

export type BodyRefusal = { status: 400 | 408 | 413 | 415; message: string }

/**
 * The JSON of a request to a route that takes a body (common/routes.ts, `body`), read whole within
 * `maxBytes` and `arrivalMs`, or why not: 415 for anything labelled other than UTF-8
 * `application/json` or sent compressed, 413 past the size (by `Content-Length` before a byte
 * is read, else as soon as the count passes it), 408 when it stops arriving, 400 when it is
 * missing or is not JSON. The body is never kept beyond this, nor logged: only its size is
 * (`received` in the access log).
 */
export async function readJsonBody(
  c: Context<ServerEnv>,
  { maxBytes, arrivalMs }: { maxBytes: number; arrivalMs: number },
): Promise<{ json: unknown } | BodyRefusal> {
  const encoding = c.req.header('content-encoding')
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return { status: 415, message: 'The request body must be sent uncompressed.' }
  }
  if (!isUtf8Json(c.req.header('content-type'))) {
    return {
      status: 415,
      message: 'The request body must be JSON, sent as Content-Type: application/json.',
    }
  }
  const tooLarge: BodyRefusal = {
    status: 413,
    message: `The request body is larger than ${maxBytes / 1024} KiB.`,
  }
  const declared = c.req.header('content-length')
  if (declared !== undefined && Number(declared) > maxBytes) return tooLarge
  const read = await readAtMost(c.req.raw.body, maxBytes, arrivalMs)
  c.set('received', read.bytes)
  if (read.outcome === 'too-large') return tooLarge
  if (read.outcome === 'late') {
    return { status: 408, message: 'The request body did not arrive in time.' }
  }
  if (read.outcome === 'cut') return { status: 400, message: 'The request body broke off.' }
  if (read.bytes === 0) return { status: 400, message: 'This request needs a JSON body.' }
  try {
    // Strict UTF-8, as the type says: a byte that is not is a refusal, not a replacement mark.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(read.whole)
    return { json: JSON.parse(text) as unknown }
  } catch {
    return { status: 400, message: 'The request body is not JSON.' }
  }
}

/** `application/json`, with no parameter but a UTF-8 charset (JSON has no other, RFC 8259). */
function isUtf8Json(contentType: string | undefined): boolean {
  const [essence = '', ...parameters] = (contentType ?? '').split(';')
  if (essence.trim().toLowerCase() !== 'application/json') return false
  return parameters.every((parameter) =>
    /^\s*charset\s*=\s*"?utf-8"?\s*$/i.test(parameter.replace(/\s+$/, '')),
  )
}

type Read = {
  outcome: 'whole' | 'too-large' | 'late' | 'cut'
  bytes: number
  whole: Uint8Array
}

/** Reads `body` to its end, stopping (and letting go of it) past `maxBytes` or `arrivalMs`. */
async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  arrivalMs: number,
): Promise<Read> {
  if (!body) return { outcome: 'whole', bytes: 0, whole: new Uint8Array() }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let bytes = 0
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(resolve, arrivalMs, 'late')
  })
  const stop = async (outcome: Read['outcome']): Promise<Read> => {
    await reader.cancel().catch(() => {})
    return { outcome, bytes, whole: new Uint8Array() }
  }
  try {
    for (;;) {
      const next = await Promise.race([reader.read().catch(() => 'cut' as const), late])
      if (next === 'late' || next === 'cut') return await stop(next)
      if (next.done) break
      bytes += next.value.byteLength
      if (bytes > maxBytes) return await stop('too-large')
      chunks.push(next.value)
    }
  } finally {
    clearTimeout(timer)
  }
  return { outcome: 'whole', bytes, whole: Buffer.concat(chunks) }
}

import type { MiddlewareHandler } from 'hono'
import { once } from 'node:events'
import {
  constants,
  createBrotliCompress,
  createGzip,
  type BrotliCompress,
  type BrotliOptions,
  type Gzip,
} from 'node:zlib'

import type { ServerEnv } from '../context'

export type ApiCompression = { brotliQuality: number; gzipLevel: number }

/**
 * Chosen by measuring the server's CPU per 100,000-model list (53 MB of JSON), with
 * `node --import tsx scripts/measure-api-compression.ts`; the README has the figures. Brotli 4
 * and gzip 6 (the usual default) both send 4.4 MB for about 0.7 s of CPU above forwarding; each
 * level above saves under 7 % more for 20-40 % more CPU, each below sends 40 % more bytes.
 */
export const apiCompressionDefaults: ApiCompression = { brotliQuality: 4, gzipLevel: 6 }

/** Below this, compressing costs more than it saves: the server's own answers (`ownJson`). */
const minBytes = 1024

/**
 * When the upstream pauses this long, what was compressed so far is sent on: a compressor keeps
 * up to a block (hundreds of KB) to itself, and a slow upstream's progress would only show at
 * the end. A fast upstream never pauses this long, so this costs its ratio nothing.
 */
const stallMs = 100

/** The header that still tells the browser how big the JSON is, for its progress bar. */
export const uncompressedLengthHeader = 'x-uncompressed-length'

/**
 * Compresses /api answers for browsers that accept it, as a stream: each chunk is compressed as
 * it comes from the Marqtune API and sent on, so a 53 MB list is never held whole. A body that
 * is already encoded is sent as it is (never compressed twice). When the upstream body errors,
 * the compressed stream errors too and the connection is cut, as it is without compression.
 */
export function compressApiAnswers(
  options: ApiCompression = apiCompressionDefaults,
): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    await next()
    c.header('vary', 'Accept-Encoding', { append: true })
    const encoding = preferredEncoding(c.req.header('accept-encoding'))
    const response = c.res
    if (!encoding || !response.body || response.headers.has('content-encoding')) return
    const declared = Number(response.headers.get('content-length') ?? Number.NaN)
    if (declared < minBytes) return

    c.res = new Response(compressed(response.body, encoding, options, declared), response)
    c.res.headers.delete('content-length')
    c.res.headers.set('content-encoding', encoding)
    if (declared > 0) c.res.headers.set(uncompressedLengthHeader, String(declared))
  }
}

/** The body through the compressor, chunk by chunk, as it arrives. */
function compressed(
  body: ReadableStream<Uint8Array>,
  encoding: 'br' | 'gzip',
  options: ApiCompression,
  declared: number,
): ReadableStream<Uint8Array> {
  const compressor =
    encoding === 'br'
      ? createBrotliCompress(brotliOptions(options.brotliQuality, declared))
      : createGzip({ level: options.gzipLevel })
  const flushKind = encoding === 'br' ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH
  return body.pipeThrough(through(compressor, flushKind))
}

/**
 * A web TransformStream around a zlib stream (Duplex.toWeb's stream types clash with the DOM's
 * in the type check). Backpressure holds both ways: a write waits for zlib's drain, and the
 * TransformStream takes no more input while what it has compressed is not read. When the body
 * breaks off or the browser goes away, the stream errors and the compressor is collected with it.
 */
function through(
  compressor: BrotliCompress | Gzip,
  flushKind: number,
): TransformStream<Uint8Array, Uint8Array> {
  let stall: NodeJS.Timeout | undefined
  return new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      compressor.on('data', (chunk: Buffer) => {
        // Throws once the body broke off or the browser went away; uncaught in this event
        // handler, it would take the server down. What zlib still holds is not wanted then.
        try {
          controller.enqueue(chunk)
        } catch {
          compressor.destroy()
        }
      })
      compressor.once('error', (error) => controller.error(error))
    },
    async transform(chunk) {
      clearTimeout(stall)
      if (!compressor.write(chunk)) await once(compressor, 'drain')
      stall = setTimeout(() => {
        if (!compressor.destroyed && !compressor.writableEnded) compressor.flush(flushKind)
      }, stallMs).unref()
    },
    async flush() {
      clearTimeout(stall)
      const ended = once(compressor, 'end')
      compressor.end()
      await ended
    },
  })
}

function brotliOptions(quality: number, declared: number): BrotliOptions {
  const params: Record<number, number> = {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  }
  if (declared > 0) params[constants.BROTLI_PARAM_SIZE_HINT] = declared
  return { params }
}

/**
 * br when the browser accepts it, else gzip, else none; `q=0` refuses a coding and `*` stands
 * for any coding not named (RFC 9110, section 12.5.3).
 */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  const weights = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    if (name) weights.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0)
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0
  if (weight('br') > 0) return 'br'
  if (weight('gzip') > 0) return 'gzip'
  return undefined
}

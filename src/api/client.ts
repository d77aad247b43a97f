import { ApiError, errorKindForStatus, parseRetryAfter } from './api-error'
import { messageOf } from './envelope'
import type { BodyReader } from './list-stream'
import type { LoadProgress } from './load-progress'

type RequestOptions = {
  apiKey: string
  signal?: AbortSignal
  /** User Timing marks for the benchmark: `<mark>:received` (whole body), `<mark>:parsed` (JSON). */
  mark?: string
  /** Told how the body arrives (at most every 100 ms), for a large account's first load. */
  onProgress?: (progress: LoadProgress) => void
  /** Reads a successful answer's text as it arrives and parses it (src/api/list-stream.ts). */
  reader?: BodyReader
}

const progressEveryMs = 100
/** Bodies at least this big get a frame to show "reading" before the JSON is parsed. */
const largeBody = 1_000_000

const notJson = Symbol('not JSON')

/**
 * GET a same-origin `/api` route with the key in `x-api-key`. Resolves with the parsed JSON of a
 * 2xx answer; everything else becomes an ApiError (fetch itself does not reject on 4xx/5xx).
 * An abort is rethrown untouched so React Query can tell it from a failure.
 */
export async function getJson(path: string, options: RequestOptions): Promise<unknown> {
  return requestJson('GET', path, options)
}

/**
 * POST or DELETE a same-origin `/api` route: the actions. Without `body` none is sent (release,
 * delete); with one, it goes as JSON (`POST /evaluation`). The same answers and errors as
 * `getJson`; sent once, never retried by anything here.
 */
export async function sendJson(
  method: 'POST' | 'DELETE',
  path: string,
  { apiKey, signal, body }: Pick<RequestOptions, 'apiKey' | 'signal'> & { body?: unknown },
): Promise<unknown> {
  return requestJson(method, path, { apiKey, signal }, body)
}

async function requestJson(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  { apiKey, signal, mark, onProgress, reader: listReader }: RequestOptions,
  body?: unknown,
): Promise<unknown> {
  let response: Response
  const headers: Record<string, string> = { 'x-api-key': apiKey, accept: 'application/json' }
  const init: RequestInit = { method, headers, cache: 'no-store', signal }
  if (body !== undefined) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  try {
    response = await fetch(`/api${path}`, init)
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(
      'network',
      'The dashboard server could not be reached. Check your connection.',
    )
  }
  // The server was reached and began to answer: a failure from here on is a cut transfer, which
  // a slow or flaky connection explains better than an unreachable server does.
  const counted = { received: 0 }
  // An error's body is read whole: it is short, and never the list a reader expects.
  const reader = response.ok ? listReader : undefined
  let text: string
  try {
    text =
      onProgress || reader
        ? await readAsItArrives(response, counted, onProgress, reader)
        : await response.text()
    if (mark) performance.mark(`${mark}:received`)
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(
      'network',
      `The answer from the dashboard server (${describeStatus(response)}) broke off${describeReceived(counted.received)} before the end. Check your connection; trying again usually works.`,
      undefined,
      undefined,
      'The answer was cut off',
    )
  }
  if (onProgress && text.length >= largeBody && !reader?.done) {
    onProgress({ stage: 'reading', received: text.length })
    await new Promise((resolve) => setTimeout(resolve))
  }
  const json = parseJson(text, reader)
  if (mark) performance.mark(`${mark}:parsed`)
  if (!response.ok) {
    const said = json === notJson ? undefined : messageOf(json)
    throw new ApiError(
      errorKindForStatus(response.status),
      said ?? `${describeStatus(response)}: ${describeBody(response, text)}.`,
      response.status,
      parseRetryAfter(response.headers.get('retry-after')),
    )
  }
  if (json === notJson) {
    throw new ApiError(
      'unexpected',
      `The server answered ${describeStatus(response)} but sent ${describeBody(response, text)} instead of JSON.`,
      response.status,
    )
  }
  return json
}

/**
 * The body as text, telling `onProgress` the bytes received of the total when it is known, and
 * handing `reader` each piece of text as it is decoded. Without a reader the bytes are only
 * counted on their way through, and the browser decodes them in one go.
 */
async function readAsItArrives(
  response: Response,
  counted: { received: number },
  onProgress: ((progress: LoadProgress) => void) | undefined,
  reader: BodyReader | undefined,
): Promise<string> {
  if (!response.body) return response.text()
  // Counted bytes are decoded ones, so a compressed answer's Content-Length is no total: the
  // server sends the JSON's own length beside it (server/prod/middleware/compress-api.ts).
  const declared = Number(
    response.headers.get('x-uncompressed-length') ??
      (response.headers.has('content-encoding') ? 0 : response.headers.get('content-length')),
  )
  const total = declared > 0 ? declared : undefined
  let received = 0
  let reported = 0
  const count = (chunk: Uint8Array) => {
    received += chunk.byteLength
    counted.received = received
    if (onProgress && performance.now() - reported >= progressEveryMs) {
      reported = performance.now()
      onProgress({ stage: 'receiving', received, total })
    }
  }
  if (!reader) {
    const counting = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          count(chunk)
          controller.enqueue(chunk)
        },
      }),
    )
    return new Response(counting).text()
  }
  const decoder = new TextDecoder()
  const pieces: string[] = []
  const bytes = response.body.getReader()
  for (;;) {
    const { done, value } = await bytes.read()
    const piece = done ? decoder.decode() : decoder.decode(value, { stream: true })
    if (piece) {
      pieces.push(piece)
      reader.push(piece)
    }
    if (done) return pieces.join('')
    count(value)
  }
}

function describeReceived(bytes: number): string {
  if (bytes === 0) return ''
  const megabytes = bytes / 1_000_000
  return megabytes >= 1
    ? ` after ${megabytes.toFixed(1)} MB`
    : ` after ${Math.ceil(bytes / 1000)} KB`
}

function parseJson(text: string, reader: BodyReader | undefined): unknown {
  try {
    return reader ? reader.parse(text) : (JSON.parse(text) as unknown)
  } catch {
    return notJson
  }
}

function describeStatus(response: Response): string {
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
}

function describeBody(response: Response, text: string): string {
  if (!text.trim()) return 'an empty response'
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('html') || /^\s*</.test(text)) return 'an HTML page'
  return type ? `a response of type ${type.split(';')[0]}` : 'a response that is not JSON'
}

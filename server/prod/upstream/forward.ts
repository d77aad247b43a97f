import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

import { failure, type ServerEnv } from '../context'
import { describeNotJson, isJsonType } from './json-type'
import { readJsonStart } from './json-body'
import { BodyFailure, restOfBody } from './upstream-body'
import {
  nodeSend,
  type UpstreamAnswer,
  type UpstreamMethod,
  type UpstreamSend,
} from './upstream-send'

export type UpstreamOptions = {
  /** MARQTUNE_URL without a trailing slash. */
  baseUrl: string
  /** For the upstream to start answering (status and headers); 504 after. */
  timeoutMs: number
  /** For the upstream going silent mid-body while more is wanted; a slow browser never counts. */
  idleTimeoutMs: number
  /** The largest body passed back; a 100,000-model account is about 55 MB. */
  maxBodyBytes: number
  /** Upstream requests at once; beyond it a 503 with Retry-After. */
  maxRequests: number
  send: UpstreamSend
}

export const upstreamDefaults = {
  timeoutMs: 10_000,
  idleTimeoutMs: 10_000,
  maxBodyBytes: 128 * 1024 * 1024,
  // Each one holds two sockets and up to ~320 KiB of buffers: 64 keep a 2-core box responsive
  // and far from the open-file limit, and are more than a team's dashboards ask for at once.
  maxRequests: 64,
}

/** The options plus the count of requests in flight, shared by every route of one server. */
type Forwarder = UpstreamOptions & { inFlight: { count: number } }

/** What a caller gives: the base URL at least; the rest has defaults. */
export type ForwardSettings = Pick<UpstreamOptions, 'baseUrl'> & Partial<Forwarder>

/** For callers that keep no count of their own, the bound holds for the whole process. */
const processInFlight = { count: 0 }

/**
 * Read before answering, so a body that fails this early still gets a JSON error; the time
 * limit lets a slow body start streaming soon enough to show its progress.
 */
const readAheadLimit = { bytes: 256 * 1024, withinMs: 250 }
/** Seconds a browser turned away by the bound on requests is asked to wait. */
const busyRetryAfterSeconds = 2
/** Statuses that cannot carry a body, so no JSON either. */
const bodyless = new Set([204, 205, 304])

/**
 * Forwards one fixed, already-validated path to the Marqtune API, once: nothing here ever sends
 * a request again. Only the key and `accept` go upstream, and with an already-checked JSON `body`
 * its type and length; redirects are never followed, so the key cannot be carried to another
 * host. The upstream request ends when the browser goes away, when the upstream takes too long
 * to start answering, or when it goes silent mid-body.
 */
export async function forward(
  c: Context<ServerEnv>,
  path: string,
  settings: ForwardSettings,
  method: UpstreamMethod = 'GET',
  body?: Uint8Array<ArrayBuffer>,
) {
  const upstream: Forwarder = {
    ...upstreamDefaults,
    send: nodeSend,
    inFlight: processInFlight,
    ...settings,
  }
  const apiKey = c.req.header('x-api-key')
  // Marqtune would only say the same: no need to ask it, or to spend a slot on it.
  if (!apiKey) return failure(c, 401, 'Unauthorized.')
  if (upstream.inFlight.count >= upstream.maxRequests) {
    c.header('retry-after', String(busyRetryAfterSeconds))
    return failure(c, 503, 'The dashboard server is busy with other requests. Try again shortly.')
  }
  upstream.inFlight.count++

  // A plain controller and timer, not AbortSignal.any([AbortSignal.timeout()]): Node can collect
  // a timeout signal held only by a composite one, and then the timeout never fires
  // (nodejs/node#57736).
  const controller = new AbortController()
  const browser = c.req.raw.signal
  const onBrowserGone = () => controller.abort(browser.reason)
  browser.addEventListener('abort', onBrowserGone, { once: true })
  let done = false
  const finish = () => {
    if (done) return
    done = true
    upstream.inFlight.count--
    browser.removeEventListener('abort', onBrowserGone)
  }

  try {
    const answer = await startAnswer(upstream, path, apiKey, controller, method, body)
    if (typeof answer === 'number') {
      finish()
      return answer === 504
        ? failure(c, 504, 'The Marqtune API did not answer in time.')
        : failure(c, 502, 'The dashboard server could not reach the Marqtune API.')
    }
    return await passBack(c, answer, upstream, finish)
  } catch (error) {
    finish()
    throw error
  }
}

/** The upstream's status and headers, or the status to answer when they never came. */
async function startAnswer(
  upstream: Forwarder,
  path: string,
  apiKey: string,
  controller: AbortController,
  method: UpstreamMethod,
  body: Uint8Array<ArrayBuffer> | undefined,
): Promise<UpstreamAnswer | 502 | 504> {
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new DOMException('The upstream took too long', 'TimeoutError'))
  }, upstream.timeoutMs)
  try {
    const headers: Record<string, string> = { accept: 'application/json', 'x-api-key': apiKey }
    if (body) headers['content-type'] = 'application/json'
    return await upstream.send(
      new URL(`${upstream.baseUrl}${path}`),
      headers,
      controller.signal,
      method,
      body,
    )
  } catch {
    return timedOut ? 504 : 502
  } finally {
    clearTimeout(timer)
  }
}

async function passBack(
  c: Context<ServerEnv>,
  answer: UpstreamAnswer,
  upstream: Forwarder,
  finish: () => void,
): Promise<Response> {
  const refuse = async (status: ContentfulStatusCode, message: string) => {
    await answer.body.cancel().catch(() => {})
    finish()
    return failure(c, status, message)
  }
  const { status } = answer
  if (status < 200 || status > 599 || bodyless.has(status)) {
    return refuse(502, `The Marqtune API answered with HTTP status ${status}, which has no JSON.`)
  }
  if (status >= 300 && status < 400) {
    return refuse(
      502,
      `The Marqtune API answered with a redirect (HTTP ${status}), which is not followed.`,
    )
  }
  const retryAfter = answer.header('retry-after')
  if (retryAfter) c.header('retry-after', retryAfter)
  // The label is only a hint (gateways send JSON as text/plain); the bytes decide. What is not
  // JSON could run as a page or a script on this origin, the one holding the key, so it is never
  // passed on. An error keeps its status, so the app still tells a refused key (401) from a busy
  // gateway (503); a success that is not JSON is of no use to it: 502.
  const type = answer.header('content-type')
  const labelledJson = isJsonType(type)
  const encoding = answer.header('content-encoding')
  if (encoding && encoding.toLowerCase() !== 'identity') {
    if (!labelledJson) return refuse(...notJsonAnswer(status, type))
    return refuse(502, `The Marqtune API sent a ${encoding}-encoded answer it was not asked for.`)
  }
  const declared = Number(answer.header('content-length') ?? 0)
  if (declared > upstream.maxBodyBytes) {
    return refuse(502, 'The Marqtune API sent more data than this server accepts.')
  }

  const reader = answer.body.getReader()
  let start
  try {
    start = await readJsonStart(reader, { labelledJson, wanted: readAheadLimit }, upstream)
    if (!start) {
      finish()
      return failure(c, ...notJsonAnswer(status, type))
    }
  } catch (error) {
    finish()
    // A body that breaks off before saying what it is: a gateway's page, as before it broke.
    if (!labelledJson) return failure(c, ...notJsonAnswer(status, type))
    return failure(c, ...bodyFailureAnswer(error, upstream))
  }
  // Served as JSON whatever the label said: with nosniff and the /api sandbox policy, nothing
  // in it can be taken for a page or a script.
  const headers = {
    'content-type': 'application/json',
    ...(retryAfter ? { 'retry-after': retryAfter } : {}),
  }
  if (start.done) {
    finish()
    return new Response(concat(start.chunks, start.bytes), {
      status,
      headers: { ...headers, 'content-length': String(start.bytes) },
    })
  }
  // The length lets the browser show progress; the rest streams at the browser's pace.
  const streamed = new Headers(headers)
  if (declared > 0) streamed.set('content-length', String(declared))
  return new Response(restOfBody(reader, start, upstream, finish), { status, headers: streamed })
}

/** What came instead of JSON, in words, with the status to answer: an error keeps its own. */
function notJsonAnswer(status: number, type: string | undefined): [ContentfulStatusCode, string] {
  return [
    status >= 400 && isContentful(status) ? status : 502,
    `The Marqtune API answered ${describeNotJson(status, type)}`,
  ]
}

function isContentful(status: number): status is ContentfulStatusCode {
  return status >= 200 && status <= 599 && !bodyless.has(status)
}

function bodyFailureAnswer(error: unknown, upstream: Forwarder): [502 | 504, string] {
  if (error instanceof BodyFailure && error.reason === 'silent') {
    return [504, `The Marqtune API went silent for ${upstream.idleTimeoutMs} ms mid-answer.`]
  }
  if (error instanceof BodyFailure && error.reason === 'too-large') {
    return [502, 'The Marqtune API sent more data than this server accepts.']
  }
  return [502, 'The Marqtune API broke off its answer before the end.']
}

function concat(chunks: Uint8Array[], bytes: number): Uint8Array<ArrayBuffer> {
  const whole = new Uint8Array(bytes)
  let at = 0
  for (const chunk of chunks) {
    whole.set(chunk, at)
    at += chunk.byteLength
  }
  return whole
}

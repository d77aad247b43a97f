import { ApiError, errorKindForStatus, parseRetryAfter } from './api-error'
import { messageOf } from './envelope'

type RequestOptions = {
  apiKey: string
  signal?: AbortSignal
  /** User Timing marks for the benchmark: `<mark>:received` (whole body), `<mark>:parsed` (JSON). */
  mark?: string
}

const notJson = Symbol('not JSON')

/**
 * GET a same-origin `/api` route with the key in `x-api-key`. Resolves with the parsed JSON of a
 * 2xx answer; everything else becomes an ApiError (fetch itself does not reject on 4xx/5xx).
 * An abort is rethrown untouched so React Query can tell it from a failure.
 */
export async function getJson(
  path: string,
  { apiKey, signal, mark }: RequestOptions,
): Promise<unknown> {
  let response: Response
  let text: string
  try {
    response = await fetch(`/api${path}`, {
      headers: { 'x-api-key': apiKey, accept: 'application/json' },
      cache: 'no-store',
      signal,
    })
    text = await response.text()
    if (mark) performance.mark(`${mark}:received`)
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(
      'network',
      'No complete answer came back from the dashboard server. Check your connection.',
    )
  }
  const json = parseJson(text)
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
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

import type { Hono } from 'hono'

/**
 * What the official Python client (`marqtune` 0.2.x) does on the wire, call by call, as
 * docs/marqtune-api.md ("What the official client reads on the wire") writes it down: the same
 * requests, and only the fields it reads, at the top level of the body. Tests drive the
 * emulator in-process with it; a field the client would miss fails them as it would fail it.
 */

export type Answer = { status: number; json: unknown }

/** The pairs the client's `wait_for_completion` knows; any other raises "Unknown status". */
const waiting = new Set(['initializing', 'provisioning', 'uploading'])
const ends = new Set(['ready', 'failed', 'stopped', 'finished', 'deleted'])

export type Phase = 'waiting' | 'running' | 'ended'

/** How the client reads a describe: an end in `status`, else waiting or running in `secondaryStatus`. */
export function clientPhase(status: unknown, secondaryStatus: unknown): Phase | 'unknown' {
  if (typeof status !== 'string' || typeof secondaryStatus !== 'string') return 'unknown'
  if (ends.has(status.toLowerCase())) return 'ended'
  if (waiting.has(secondaryStatus.toLowerCase())) return 'waiting'
  return secondaryStatus.toLowerCase() === 'running' ? 'running' : 'unknown'
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A field at the top level of a body, as `response.json()[name]` reads it. */
export function topLevel(json: unknown, name: string): unknown {
  return isRecord(json) ? json[name] : undefined
}

export type LogLine = { timestamp: number; message: string }

export function officialClient(app: Hono, apiKey: string) {
  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { 'x-api-key': apiKey }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const response = await app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined }
  }

  /** An HTTP error raises with the service's `message`, read at the top level. */
  async function ok(method: string, path: string, body?: unknown): Promise<unknown> {
    const answer = await call(method, path, body)
    if (answer.status >= 400) {
      const message = topLevel(answer.json, 'message')
      throw new Error(
        typeof message === 'string' ? message : `no message in ${JSON.stringify(answer.json)}`,
      )
    }
    return answer.json
  }

  /** `download()`/`download_logs()`: the link, then a plain GET of it without the key. */
  async function fetchLink(linkPath: string) {
    const downloadUrl = topLevel(await ok('GET', linkPath), 'downloadUrl')
    if (typeof downloadUrl !== 'string') throw new Error('no downloadUrl at the top level')
    const response = await app.request(downloadUrl)
    const bytes = new Uint8Array(await response.arrayBuffer())
    const lastSegment = new URL(downloadUrl).pathname.split('/').at(-1) ?? ''
    return {
      downloadUrl,
      status: response.status,
      bytes,
      contentLength: Number(response.headers.get('content-length')),
      extension: lastSegment.includes('.') ? lastSegment.split('.').at(-1) : undefined,
    }
  }

  /** `logs(from_time, to_time)`: a bare array of `{timestamp, message}`. */
  async function logs(path: string, from?: number, to?: number): Promise<LogLine[]> {
    const query = new URLSearchParams()
    if (from !== undefined) query.set('from', String(from))
    if (to !== undefined) query.set('to', String(to))
    const json = await ok('GET', query.size ? `${path}?${query.toString()}` : path)
    if (!Array.isArray(json)) throw new Error('logs are not a bare array')
    return json.map((line: unknown) => ({
      timestamp: Number(topLevel(line, 'timestamp')),
      message: String(topLevel(line, 'message')),
    }))
  }

  return {
    call,
    listModels: () => ok('GET', '/models'),
    model: (id: string) => ({
      describe: () => ok('GET', `/models/${id}`),
      logs: (from?: number, to?: number) => logs(`/models/${id}/logs`, from, to),
      download: (checkpoint?: string) =>
        fetchLink(`/models/${id}/download/url${checkpoint ? `?checkpoint=${checkpoint}` : ''}`),
      downloadLogs: () => fetchLink(`/models/${id}/logs/url`),
      release: (checkpoint: string) =>
        ok('POST', `/models/${id}/released-checkpoints/${checkpoint}`),
      delete: () => ok('DELETE', `/models/${id}`),
    }),
    trainModel: async (body: Record<string, unknown>) =>
      String(topLevel(await ok('POST', '/models/train', body), 'modelId')),
    evaluate: async (body: Record<string, unknown>) =>
      String(topLevel(await ok('POST', '/evaluation', body), 'evaluationId')),
    listEvaluations: () => ok('GET', '/evaluation'),
    evaluation: (id: string) => ({
      describe: () => ok('GET', `/evaluation/${id}`),
      logs: (from?: number, to?: number) => logs(`/evaluation/${id}/logs`, from, to),
      downloadLogs: () => fetchLink(`/evaluation/${id}/logs/url`),
      download: () => fetchLink(`/evaluation/${id}/download/url`),
      delete: () => ok('DELETE', `/evaluation/${id}`),
    }),
    listDatasets: () => ok('GET', '/datasets'),
    dataset: (id: string) => ({
      describe: () => ok('GET', `/datasets/${id}`),
      logs: (from?: number, to?: number) => logs(`/datasets/${id}/logs`, from, to),
    }),
  }
}

export type OfficialClient = ReturnType<typeof officialClient>

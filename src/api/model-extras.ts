import { queryOptions } from '@tanstack/react-query'

import { ApiError } from './api-error'
import { getJson } from './client'
import { isRecord, listIn, unwrapEnvelope } from './envelope'
import { modelPath, modelQueries, type Credentials } from './model-queries'

// What only the model panel asks for: loaded with it, not with the first screen.

export const logsQuery = ({ sessionId, apiKey }: Credentials, modelId: string) =>
  queryOptions({
    queryKey: [...modelQueries.all(), 'logs', sessionId, modelId] as const,
    queryFn: async ({ signal }) =>
      parseLogs(await getJson(`${modelPath(modelId)}/logs`, { apiKey, signal })),
  })

/** A presigned checkpoint link, valid for an hour: fetched on demand, never cached. */
export async function fetchDownloadUrl(
  { apiKey }: Credentials,
  modelId: string,
  checkpoint: string,
): Promise<string> {
  const path = `${modelPath(modelId)}/download/url?checkpoint=${encodeURIComponent(checkpoint)}`
  return parseDownloadUrl(await getJson(path, { apiKey }))
}

export type LogLine = { time: Date | undefined; message: string }

/**
 * `GET /models/{id}/logs`: a bare array per the official client, or wrapped. Timestamps are
 * epoch milliseconds per the client and seconds in one docs example; both are read. Entries
 * without a text message are skipped.
 */
export function parseLogs(json: unknown): LogLine[] {
  const items = listIn(json, 'logs')
  if (!items)
    throw new ApiError('unexpected', 'The server sent logs in a shape this dashboard cannot read.')
  return items.flatMap((item) =>
    isRecord(item) && typeof item.message === 'string'
      ? [{ time: timeOf(item.timestamp), message: item.message }]
      : [],
  )
}

function timeOf(timestamp: unknown): Date | undefined {
  if (typeof timestamp !== 'number' && (typeof timestamp !== 'string' || !timestamp.trim())) {
    return undefined
  }
  const number = Number(timestamp)
  const date = Number.isFinite(number)
    ? new Date(number < 1e12 ? number * 1000 : number)
    : new Date(timestamp)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/**
 * `GET /models/{id}/download/url`: a presigned link. Only http(s) links are accepted, so a
 * strange answer can never become a `javascript:` link on the page.
 */
export function parseDownloadUrl(json: unknown): string {
  const payload = unwrapEnvelope(json)
  const url =
    isRecord(payload) && typeof payload.downloadUrl === 'string' ? payload.downloadUrl : ''
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href
  } catch {
    // Falls through to the error below.
  }
  throw new ApiError('unexpected', 'The server did not send a usable download link.')
}

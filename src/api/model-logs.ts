import { queryOptions } from '@tanstack/react-query'

import { routePath } from '@common/routes'

import { ApiError } from './api-error'
import { getJson } from './client'
import { parseDownloadUrl } from './download-links'
import { isRecord, listIn } from './envelope'
import { modelQueries, type Credentials } from './model-queries'

// A model's training log: its lines by window, and the link to the whole file. Loaded with the
// panel, not with the first screen.

/** The most lines the service returns for one logs request (docs/marqtune-api.md). */
export const logPageSize = 500

export const logsQuery = ({ sessionId, apiKey }: Credentials, modelId: string) =>
  queryOptions({
    queryKey: [...modelQueries.all(), 'logs', sessionId, modelId] as const,
    queryFn: async ({ signal }) =>
      parseLogs(await getJson(routePath('modelLogs', { modelId }), { apiKey, signal })),
  })

/**
 * The lines of a window of the log (`from <= timestamp <= to`, at most a page), in the unit the
 * service uses for its own timestamps, so a window asked from a line it sent means the same.
 */
export async function fetchLogWindow(
  { apiKey }: Credentials,
  modelId: string,
  window: { from: number; to: number },
): Promise<LogLine[]> {
  const query = {
    from: Math.max(0, Math.floor(window.from)),
    to: Math.max(0, Math.floor(window.to)),
  }
  return parseLogs(await getJson(routePath('modelLogs', { modelId }, query), { apiKey }))
}

/** The presigned link to a ready model's whole log file: fetched on demand, never cached. */
export async function fetchLogFileUrl({ apiKey }: Credentials, modelId: string): Promise<string> {
  return parseDownloadUrl(await getJson(routePath('modelLogFile', { modelId }), { apiKey }))
}

export type LogLine = {
  time: Date | undefined
  /** The timestamp as the service sent it, when it was a number: windows are asked in its unit. */
  stamp: number | undefined
  message: string
}

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
      ? [{ time: timeOf(item.timestamp), stamp: stampOf(item.timestamp), message: item.message }]
      : [],
  )
}

function timeOf(timestamp: unknown): Date | undefined {
  if (typeof timestamp !== 'number' && (typeof timestamp !== 'string' || !timestamp.trim())) {
    return undefined
  }
  const number = Number(timestamp)
  const date = Number.isFinite(number) ? new Date(epochMs(number)) : new Date(timestamp)
  return Number.isNaN(date.getTime()) ? undefined : date
}

function stampOf(timestamp: unknown): number | undefined {
  const number = typeof timestamp === 'string' && timestamp.trim() ? Number(timestamp) : timestamp
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined
}

/**
 * The one place that decides a log timestamp's unit: epoch milliseconds per the official client,
 * seconds in one docs example. Below 10^12 is seconds (10^12 ms is September 2001, 10^12 s is
 * thirty thousand years away).
 */
export function epochMs(stamp: number): number {
  return stamp < 1e12 ? stamp * 1000 : stamp
}

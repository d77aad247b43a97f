import { routePath } from '@common/routes'

import { ApiError } from './api-error'
import { getJson } from './client'
import { isRecord, unwrapEnvelope } from './envelope'
import type { Credentials } from './model-queries'

// Presigned links to files the service keeps: asked for on demand, never cached.

/** A presigned checkpoint link, valid for an hour: fetched on demand, never cached. */
export async function fetchDownloadUrl(
  { apiKey }: Credentials,
  modelId: string,
  checkpoint: string,
): Promise<string> {
  const path = routePath('checkpointDownload', { modelId }, { checkpoint })
  return parseDownloadUrl(await getJson(path, { apiKey }))
}

/**
 * The contract's `checkpointDownload`: a presigned link. Only http(s) links are accepted, so a
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

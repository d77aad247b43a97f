import { queryOptions } from '@tanstack/react-query'

import { routePath } from '@common/routes'

import { ApiError } from './api-error'
import { sendJson } from './client'
import type { Credentials } from './model-queries'

// The two documented actions. Loaded with the panel and the delete dialogs, not the first screen.

/** The contract's `releaseCheckpoint` (common/routes.ts): resolves once the service says yes. */
export async function releaseCheckpoint(
  { apiKey }: Credentials,
  modelId: string,
  checkpoint: string,
): Promise<void> {
  await sendJson('POST', routePath('releaseCheckpoint', { modelId, checkpoint }), { apiKey })
}

/** How a delete ended: a model the service had already deleted is as gone as one deleted now. */
export type DeleteOutcome = 'deleted' | 'already-deleted'

/** `DELETE /models/{id}`. `model is already deleted` (a 400) counts as done. */
export async function deleteModel(
  { apiKey }: Credentials,
  modelId: string,
  signal?: AbortSignal,
): Promise<DeleteOutcome> {
  try {
    await sendJson('DELETE', routePath('deleteModel', { modelId }), { apiKey, signal })
    return 'deleted'
  } catch (error) {
    if (isAlreadyDeleted(error)) return 'already-deleted'
    throw error
  }
}

export function isAlreadyDeleted(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    /^model is already deleted\.?$/i.test(error.message.trim())
  )
}

/**
 * The checkpoints this tab released, per key: the service has no field that says which are
 * released, so this is what this browser did, not what the service reports. Kept in the query
 * cache, outside `models`, so that refreshing the list keeps it and forgetting the key drops it.
 */
export const releasedHereQuery = (sessionId: string) =>
  queryOptions({
    queryKey: ['released-here', sessionId] as const,
    queryFn: (): string[] => [],
    staleTime: Infinity,
    gcTime: Infinity,
  })

import { useQueryClient, type FetchStatus, type QueryKey } from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'

import { ApiError } from '@/api/api-error'
import { listProgress } from '@/api/load-progress'
import { maxRetries, retryDelay } from '@/api/query-client'
import { formatBytes } from '@/lib/format'
import { useNow } from '@/lib/use-now'

export type RequestProgress = {
  fetchStatus: FetchStatus
  /** Failed tries of the request under way. */
  failureCount: number
  failureReason: Error | null
}

/** The progress of a query someone else started, such as the key screen's `fetchQuery`. */
export function useQueryProgress(queryKey: QueryKey | undefined): RequestProgress | undefined {
  const cache = useQueryClient().getQueryCache()
  const subscribe = useCallback((listener: () => void) => cache.subscribe(listener), [cache])
  const read = () => (queryKey ? cache.find({ queryKey, exact: true })?.state : undefined)
  // The third read serves the key screen's build-time render and its hydration (src/app/prerender.tsx).
  const state = useSyncExternalStore(subscribe, read, read)
  return state
    ? {
        fetchStatus: state.fetchStatus,
        failureCount: state.fetchFailureCount,
        failureReason: state.fetchFailureReason,
      }
    : undefined
}

/**
 * What a request is waiting for, in a sentence: the network to come back, or the next retry,
 * counted down. Nothing while it simply runs.
 */
export function RequestStatus({ progress }: { progress: RequestProgress | undefined }) {
  const retrying = progress?.fetchStatus === 'fetching' && progress.failureCount > 0
  const now = useNow(1_000, retrying)
  if (progress?.fetchStatus === 'paused') {
    return <>You are offline. Nothing is sent until the connection is back; then it refreshes.</>
  }
  if (!retrying) return null
  const { failureCount, failureReason } = progress
  const retryAt =
    failureReason instanceof ApiError
      ? failureReason.at + retryDelay(failureCount - 1, failureReason)
      : now
  const seconds = Math.ceil((retryAt - now) / 1000)
  const title = failureReason instanceof ApiError ? failureReason.title : 'The request failed'
  return (
    <>
      {title}. Retrying {failureCount}/{maxRetries}
      {/* The countdown is seen, not announced every second. */}
      <span aria-hidden="true">{seconds > 0 ? ` in ${seconds} s` : ''}</span>…
    </>
  )
}

/** A large account's first load: megabytes received of the total, then the reading of them. */
export function LoadProgressView({ sessionId }: { sessionId: string | undefined }) {
  const progress = useSyncExternalStore(listProgress.subscribe, () =>
    sessionId ? listProgress.get(sessionId) : undefined,
  )
  if (!progress) return null
  if (progress.stage === 'reading') {
    return <span>Reading {formatBytes(progress.received)} of models…</span>
  }
  const { received, total } = progress
  return (
    <span className="flex flex-col items-center gap-1">
      {total ? (
        <progress value={received} max={total} aria-label="Models downloaded" className="w-48" />
      ) : null}
      <span>
        {total
          ? `${formatBytes(received)} of ${formatBytes(total)} received`
          : `${formatBytes(received)} received`}
      </span>
    </span>
  )
}

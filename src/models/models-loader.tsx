import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'

import { ApiError } from '@/api/api-error'
import { modelQueries } from '@/api/model-queries'
import { Alert } from '@/components/alert'
import { Button } from '@/components/button'
import { EmptyState } from '@/components/empty-state'
import { TimeAgo } from '@/components/time-ago'
import { plural } from '@/lib/format'
import type { Session } from '@/session/key-store'
import { RequestStatus } from '@/session/request-status'

import { ModelsLoading } from './models-loading'
import { useForgetKey } from '@/session/use-forget-key'
import { EntriesNotice } from './entries-notice'
import { ModelsScreen } from './models-screen'
import { hasActiveModels, pollIntervalMs } from '@/models/live/polling'

export function ModelsLoader({ session }: { session: Session }) {
  const {
    data,
    error,
    isFetching,
    refetch,
    dataUpdatedAt,
    fetchStatus,
    failureCount,
    failureReason,
  } = useQuery({
    ...modelQueries.list(session),
    refetchInterval: (query) =>
      query.state.data && hasActiveModels(query.state.data.models)
        ? pollIntervalMs(query.state.data.models.length)
        : false,
  })
  const forgetKey = useForgetKey()
  const refused = error instanceof ApiError && error.kind === 'auth'

  useEffect(() => {
    if (refused) forgetKey(error.message)
  }, [refused, error, forgetKey])

  const progress = { fetchStatus, failureCount, failureReason }
  const waiting = fetchStatus === 'paused' || (isFetching && failureCount > 0)
  const retry = (
    <Button onClick={() => void refetch()} disabled={isFetching}>
      {isFetching ? 'Retrying…' : 'Retry'}
    </Button>
  )

  // Data first: a failed background refresh must never blank a good table.
  if (data) {
    return (
      <div className="flex min-h-0 flex-1 flex-col gap-3">
        <p className="flex items-center justify-end gap-2 text-xs text-slate-600">
          <span>
            {waiting ? null : isFetching ? (
              'Refreshing…'
            ) : (
              <TimeAgo at={dataUpdatedAt} wording={(ago) => `Updated ${ago}`} />
            )}
            <span aria-live="polite">
              <RequestStatus progress={progress} />
            </span>
          </span>
          <button
            type="button"
            onClick={() => void refetch()}
            disabled={isFetching}
            className="rounded px-1.5 py-0.5 font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:text-slate-400"
          >
            Refresh
          </button>
        </p>
        {error ? (
          <Alert title={`Refreshing failed: ${titleOf(error)}`} action={retry}>
            {error.message} The table shows the models as they were fetched at{' '}
            {new Date(dataUpdatedAt).toLocaleTimeString()} (<TimeAgo at={dataUpdatedAt} />
            ).
          </Alert>
        ) : null}
        {data.rejected.length ? <EntriesNotice rejected={data.rejected} /> : null}
        {data.models.length === 0 && data.rejected.length > 0 ? (
          <EmptyState
            title={
              data.rejected.length === 1
                ? 'The one entry of the response could not be read as a model'
                : `None of the ${plural(data.rejected.length, 'entry', 'entries')} of the response could be read as a model`
            }
          >
            The service answered with entries, not with an empty account: Show, above, lists each
            one's JSON and why it is not a model.
          </EmptyState>
        ) : (
          <ModelsScreen models={data.models} credentials={session} />
        )}
      </div>
    )
  }
  if (error) {
    return (
      <Alert title={titleOf(error)} action={refused ? null : retry}>
        {error.message}
      </Alert>
    )
  }
  return (
    <ModelsLoading sessionId={session.sessionId}>
      {waiting ? <RequestStatus progress={progress} /> : null}
    </ModelsLoading>
  )
}

function titleOf(error: Error): string {
  return error instanceof ApiError ? error.title : 'Something went wrong'
}

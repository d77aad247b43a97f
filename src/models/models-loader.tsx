import { useQuery } from '@tanstack/react-query'
import { Suspense, useEffect, useRef } from 'react'

import { ApiError } from '@/api/api-error'
import { modelQueries } from '@/api/model-queries'
import { Alert } from '@/components/alert'
import { Button } from '@/components/button'
import { EmptyState } from '@/components/empty-state'
import { ErrorBoundary } from '@/components/error-boundary'
import { useNotices } from '@/components/notices'
import { TimeAgo } from '@/components/time-ago'
import { plural } from '@/lib/format'
import type { Session } from '@/session/key-store'
import { RequestStatus } from '@/session/request-status'

import { ModelsLoading } from './models-loading'
import { useForgetKey } from '@/session/use-forget-key'
import { EntriesNotice } from './entries-notice'
import { ModelsScreen } from './models-screen'
import { hasActiveModels, pollIntervalMs } from '@/models/live/polling'
import { useScreen } from '@/models/view/url-state'
import { EvaluationsView } from './on-demand'

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
  const { screen } = useScreen()
  const refused = error instanceof ApiError && error.kind === 'auth'

  useEffect(() => {
    if (refused) forgetKey(error.message)
  }, [refused, error, forgetKey])

  const progress = { fetchStatus, failureCount, failureReason }
  useRefreshNotice({
    failed: data && error && !refused ? error : undefined,
    fetchedAt: dataUpdatedAt,
    retry: () => void refetch(),
  })
  const waiting = fetchStatus === 'paused' || (isFetching && failureCount > 0)
  const retry = (
    <Button onClick={() => void refetch()} disabled={isFetching}>
      {isFetching ? 'Retrying…' : 'Retry'}
    </Button>
  )

  // Data first: a failed background refresh must never blank a good table. It is said in the
  // notice region (useRefreshNotice), over the page: the grid does not move.
  if (data) {
    const freshness = (
      <>
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
        <Button size="sm" variant="ghost" onClick={() => void refetch()} disabled={isFetching}>
          Refresh
        </Button>
      </>
    )
    return (
      <div className="flex min-h-0 flex-1 flex-col gap-2">
        {data.rejected.length ? <EntriesNotice rejected={data.rejected} /> : null}
        {screen === 'evaluations' ? (
          // The evaluations name models: they wait for the list, and link to its models.
          <ErrorBoundary what="The evaluations view">
            <Suspense
              fallback={
                <output className="block py-12 text-center text-sm text-muted-foreground">
                  Loading evaluations…
                </output>
              }
            >
              <EvaluationsView models={data.models} credentials={session} />
            </Suspense>
          </ErrorBoundary>
        ) : data.models.length === 0 && data.rejected.length > 0 ? (
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
          <ModelsScreen
            models={data.models}
            credentials={session}
            listUpdatedAt={dataUpdatedAt}
            freshness={freshness}
          />
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

/**
 * A refresh that failed while models are on screen: said in the notice region, with what failed,
 * the time of the data shown and Retry, until a refresh works again.
 */
function useRefreshNotice({
  failed,
  fetchedAt,
  retry,
}: {
  failed: Error | undefined
  fetchedAt: number
  retry: () => void
}) {
  const { notify, dismiss } = useNotices()
  const message = failed ? `${titleOf(failed)}\n${failed.message}` : ''
  const latestRetry = useRef(retry)
  useEffect(() => {
    latestRetry.current = retry
  })
  useEffect(() => {
    if (!message) {
      dismiss('refresh-failed')
      return
    }
    const [title = '', text = ''] = message.split('\n')
    notify({
      id: 'refresh-failed',
      tone: 'danger',
      title: `Refreshing failed: ${title}`,
      text: `${text} The models shown are as they were fetched at ${new Date(fetchedAt).toLocaleTimeString()}.`,
      actions: (
        <Button size="sm" onClick={() => latestRetry.current()}>
          Retry
        </Button>
      ),
      persistent: true,
    })
  }, [message, fetchedAt, notify, dismiss])
}

import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'

import { ApiError } from '../api/api-error'
import { modelQueries } from '../api/model-queries'
import { Alert } from '../components/alert'
import { Button } from '../components/button'
import { plural } from '../lib/format'
import type { Session } from '../session/key-store'
import { useForgetKey } from '../session/use-forget-key'
import { ModelsTable } from './models-table'

export function ModelsView({ session }: { session: Session }) {
  const { data, error, isFetching, refetch } = useQuery(modelQueries.list(session))
  const forgetKey = useForgetKey()
  const refused = error instanceof ApiError && error.kind === 'auth'

  useEffect(() => {
    if (refused) forgetKey(error.message)
  }, [refused, error, forgetKey])

  const retry = (
    <Button onClick={() => void refetch()} disabled={isFetching}>
      {isFetching ? 'Retrying…' : 'Retry'}
    </Button>
  )

  // Data first: a failed background refresh must never blank a good table.
  if (data) {
    return (
      <div className="flex min-h-0 flex-1 flex-col gap-3">
        {error ? (
          <Alert title={`Refreshing failed: ${titleOf(error)}`} action={retry}>
            {error.message} The table shows the models as they were last fetched.
          </Alert>
        ) : null}
        {data.unreadable + data.duplicates > 0 ? (
          <Alert tone="warning" title="Some entries could not be shown">
            {[
              data.unreadable
                ? `${plural(data.unreadable, 'entry', 'entries')} of the response could not be read as a model.`
                : '',
              data.duplicates
                ? `${plural(data.duplicates, 'entry', 'entries')} repeated the id of an earlier model and were left out.`
                : '',
            ]
              .filter(Boolean)
              .join(' ')}
          </Alert>
        ) : null}
        <ModelsTable models={data.models} credentials={session} />
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
  return <output className="block py-12 text-center text-slate-600">Loading models…</output>
}

function titleOf(error: Error): string {
  return error instanceof ApiError ? error.title : 'Something went wrong'
}

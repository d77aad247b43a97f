import { useQuery } from '@tanstack/react-query'

import { ApiError } from '@/api/api-error'
import { Button } from '@/components/button'
import { logsQuery } from '@/api/model-logs'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { isAddressable, notAddressable } from '@/models/domain/model-fields'
import { isInProgress, phaseOf } from '@/models/domain/status'
import { LogViewer } from './log-viewer'

const refreshMs = 10_000

type LogsProps = { model: Model; credentials: Credentials }

/** The training log, newest page first; refreshed while the model trains. */
export function ModelLogs(props: LogsProps) {
  return isAddressable(props.model) ? (
    <LiveLogs {...props} />
  ) : (
    <p className="text-sm text-muted-foreground">{notAddressable(props.model, 'Its log')}</p>
  )
}

function LiveLogs({ model, credentials }: LogsProps) {
  const live = isInProgress(phaseOf(model))
  const { data, error, isPending, refetch, isFetching } = useQuery({
    ...logsQuery(credentials, model.modelId),
    refetchInterval: live ? refreshMs : false,
  })

  if (data) {
    return (
      <div className="flex flex-col gap-1.5">
        <p className="text-xs text-muted-foreground empty:hidden">
          {live ? 'Refreshed every 10 s while the model trains.' : ''}
          {error ? ` Refreshing failed: ${error.message}` : ''}
        </p>
        {data.length ? (
          <LogViewer
            model={model}
            credentials={credentials}
            latest={data}
            live={live}
            ready={phaseOf(model) === 'ready'}
          />
        ) : (
          <p className="text-sm text-muted-foreground">The log is empty.</p>
        )}
      </div>
    )
  }
  if (error) {
    return (
      <p role="alert" className="text-sm text-danger-text">
        {error instanceof ApiError ? `${error.title}: ` : ''}
        {error.message}{' '}
        <Button size="sm" onClick={() => void refetch()} disabled={isFetching}>
          {isFetching ? 'Retrying…' : 'Try again'}
        </Button>
      </p>
    )
  }
  return isPending ? <p className="text-sm text-muted-foreground">Loading the log…</p> : null
}

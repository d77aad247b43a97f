import { useQuery } from '@tanstack/react-query'

import { ApiError } from '@/api/api-error'
import { logsQuery } from '@/api/model-extras'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { isAddressable, notAddressable } from '@/models/domain/model-fields'
import { isInProgress, phaseOf } from '@/models/domain/status'

const shownLines = 200
const refreshMs = 10_000

type LogsProps = { model: Model; credentials: Credentials }

/** The newest lines of the training log; refreshed while the model trains. */
export function ModelLogs(props: LogsProps) {
  return isAddressable(props.model) ? (
    <LiveLogs {...props} />
  ) : (
    <p className="text-sm text-slate-700">{notAddressable(props.model, 'Its log')}</p>
  )
}

function LiveLogs({ model, credentials }: LogsProps) {
  const live = isInProgress(phaseOf(model))
  const { data, error, isPending, refetch, isFetching } = useQuery({
    ...logsQuery(credentials, model.modelId),
    refetchInterval: live ? refreshMs : false,
  })

  if (data) {
    const lines = data.slice(-shownLines)
    return (
      <div className="flex flex-col gap-1.5">
        <p className="text-xs text-slate-600">
          {data.length > lines.length ? `The last ${lines.length} of ${data.length} lines. ` : ''}
          {live ? 'Refreshed every 10 s while the model trains.' : ''}
          {error ? ` Refreshing failed: ${error.message}` : ''}
        </p>
        {lines.length ? (
          <section
            aria-label="Log lines"
            // A scrolling box must be reachable from the keyboard to be scrolled with it.
            // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
            tabIndex={0}
            className="max-h-72 overflow-auto rounded-md bg-slate-900 p-2 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            <ol className="font-mono text-xs text-slate-100">
              {lines.map((line, position) => (
                // oxlint-disable-next-line react/no-array-index-key -- log lines repeat; position is their identity
                <li key={position} className="whitespace-pre-wrap">
                  {line.time ? (
                    <time dateTime={line.time.toISOString()} className="mr-2 text-slate-400">
                      {line.time.toLocaleString()}
                    </time>
                  ) : null}
                  {line.message}
                </li>
              ))}
            </ol>
          </section>
        ) : (
          <p className="text-sm text-slate-700">The log is empty.</p>
        )}
      </div>
    )
  }
  if (error) {
    return (
      <p role="alert" className="text-sm text-red-800">
        {error instanceof ApiError ? `${error.title}: ` : ''}
        {error.message}{' '}
        <button
          type="button"
          onClick={() => void refetch()}
          disabled={isFetching}
          className="underline"
        >
          Retry
        </button>
      </p>
    )
  }
  return isPending ? <p className="text-sm text-slate-600">Loading the log…</p> : null
}

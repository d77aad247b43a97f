import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'

import { logPageSize, logsQuery } from '@/api/model-logs'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { formatDuration } from '@/lib/format'
import { TrainingProgressBar } from '@/models/columns/progress-bar'
import { isAddressable, noTimeLimit } from '@/models/domain/model-fields'
import { estimateText, timeBudget } from '@/models/domain/progress'
import { Field } from './panel-parts'

/**
 * How far a model in progress has got and how it fares against its time limit. Elapsed time is
 * counted from the first log line (the same query as the log section, so no extra request).
 */
export function TrainingBudget({ model, credentials }: { model: Model; credentials: Credentials }) {
  const { data } = useQuery({
    ...logsQuery(credentials, model.modelId),
    enabled: isAddressable(model),
  })
  const now = useNow(15_000)
  // A full page may not start at the log's beginning: then the start is not known.
  const wholeLog = data !== undefined && data.length < logPageSize
  const startedAt = wholeLog ? data.find((line) => line.time)?.time?.getTime() : undefined
  const budget = timeBudget(model, startedAt, now)
  return (
    <div className="flex flex-col gap-2 text-sm">
      <TrainingProgressBar model={model} />
      <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1.5">
        <Field label="Elapsed">
          {budget.elapsedSeconds !== undefined
            ? `${formatDuration(budget.elapsedSeconds)} since the first log line`
            : data === undefined
              ? 'Not known yet (reading the log…)'
              : wholeLog
                ? 'Not known: the log has no timed line yet'
                : 'Not known: the log is longer than one page'}
        </Field>
        <Field label="Time limit">
          {budget.limitIsDefault ? noTimeLimit : formatDuration(budget.limitSeconds)}
        </Field>
        <Field label="Estimated end">{estimateText(budget)}</Field>
      </dl>
      {budget.warning ? (
        <p className="rounded-md border border-warning-text/30 bg-warning-soft px-2 py-1 text-warning-text">
          <span aria-hidden="true">⚠ </span>
          <strong>Warning: </strong>
          {budget.warning}
        </p>
      ) : null}
    </div>
  )
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

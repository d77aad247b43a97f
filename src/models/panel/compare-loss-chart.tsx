import { useQueries } from '@tanstack/react-query'
import { useMemo } from 'react'

import { logsQuery, type LogLine } from '@/api/model-logs'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import type { ChartSeries } from '@/components/chart-data'
import { LineChart } from '@/components/line-chart-lazy'
import { logSeries } from '@/models/domain/log-series'
import { displayName, isAddressable } from '@/models/domain/model-fields'
import { answers } from '@/models/view/use-evaluation-readings'

type Drawn = { model: Model; series: ChartSeries | undefined; why: string | undefined }

/**
 * One model's loss by epoch from its log's newest page: the per-epoch lines when it has them,
 * else its lines within epochs (placed by epoch and fraction), so every model shares one axis.
 */
export function lossByEpoch(
  label: string,
  lines: readonly { message: string }[],
): ChartSeries | undefined {
  const report = logSeries(lines)
  for (const set of [report.perEpoch, report.perStep]) {
    if (set?.axis !== 'epoch') continue
    // `loss` itself, else the first loss the log reports (`train_loss`), as the Logs tab reads it.
    const loss =
      set.series.find((series) => series.key === 'loss') ??
      set.series.find((series) => series.key.includes('loss'))
    if (loss?.points.length) return { label, points: loss.points }
  }
  return undefined
}

/**
 * The chosen models' loss curves on one chart, by epoch, read from the newest page of each
 * log; every model not drawn is named with the reason.
 */
export function CompareLossChart({
  models,
  credentials,
}: {
  models: readonly Model[]
  credentials: Credentials
}) {
  const asked = useMemo(() => models.filter(isAddressable), [models])
  const logs = useQueries({
    queries: asked.map((model) => logsQuery(credentials, model.modelId)),
    combine: answers<LogLine[]>,
  })
  const drawn = useMemo(
    () =>
      models.map((model): Drawn => {
        const at = asked.indexOf(model)
        if (at < 0) return { model, series: undefined, why: 'it has no id to ask its log with' }
        const { data, error } = logs[at] ?? {}
        if (error)
          return { model, series: undefined, why: `its log could not be read (${error.message})` }
        if (!data) return { model, series: undefined, why: 'reading its log…' }
        const series = lossByEpoch(labelOf(model, models), data)
        return { model, series, why: series ? undefined : 'its log reports no loss by epoch' }
      }),
    [models, asked, logs],
  )
  const series = useMemo(() => drawn.flatMap(({ series: each }) => (each ? [each] : [])), [drawn])
  const missing = drawn.filter(({ series: each }) => !each)
  return (
    <section aria-label="Loss curves" className="flex flex-col gap-2 border-b border-border p-4">
      {series.length ? (
        <LineChart
          title="Loss by epoch, from each log"
          series={series}
          xLabel="epoch"
          yLabel="loss"
          height={200}
        />
      ) : (
        <p className="text-sm text-muted-foreground">No loss curve to draw yet.</p>
      )}
      {missing.length ? (
        <ul className="text-xs text-muted-foreground">
          {missing.map(({ model, why }) => (
            <li key={model.modelId}>
              Not drawn: {displayName(model)}, {why}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

/** The model's name, with the start of its id when another chosen model has the same name. */
function labelOf(model: Model, models: readonly Model[]): string {
  const name = displayName(model)
  const shared = models.some((other) => other !== model && displayName(other) === name)
  return shared ? `${name} (${model.modelId.slice(0, 8)})` : name
}

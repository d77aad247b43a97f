import { memo, useMemo, useState } from 'react'

import type { ChartSeries } from '@/components/chart-data'
import { LineChart } from '@/components/line-chart-lazy'
import { SelectField } from '@/components/select-field'
import { plural } from '@/lib/format'
import {
  logSeries,
  preferredSeries,
  type LogSeriesReport,
  type SeriesSet,
} from '@/models/domain/log-series'

const viewOrder = ['perStep', 'perEpoch', 'byLine'] as const
type View = (typeof viewOrder)[number]
const views: Record<View, string> = {
  perStep: 'Within epochs',
  perEpoch: 'Per epoch',
  byLine: 'By log line',
}
const isView = (value: string): value is View => viewOrder.some((view) => view === value)

/** Every loss the log reports (`loss`, `val_loss`, `train loss`): what is drawn first. */
const lossChoice = 'every loss'

export type LogChartChoice = { view: View; shown: string }

/** The views this log has, the one to open first, and what can be drawn in it. */
export function logChartOptions(report: LogSeriesReport) {
  const available = viewOrder.filter((view) => report[view])
  const first = preferredSeries(report)
  return {
    available,
    first: available.find((view) => report[view] === first),
  }
}

/** The series of one view to draw: every loss, or the one value chosen. */
export function chartSeries(set: SeriesSet, shown: string): ChartSeries[] {
  const chosen =
    shown === lossChoice
      ? set.series.filter((series) => series.key.includes('loss'))
      : set.series.filter((series) => series.key === shown)
  return chosen.map((series) => ({ label: series.name, points: series.points }))
}

/**
 * The log's numbers as a chart: the loss (and whatever else progress lines report, on request)
 * by step within epochs, by epoch, or by line, read from the lines loaded. Nothing is guessed:
 * a log that reports no loss says so. Memoised: typing a search in the log draws nothing again.
 */
export const LogChart = memo(function LogChart({
  lines,
  complete,
}: {
  lines: readonly { message: string }[]
  /** Whether the lines reach back to the log's start: otherwise the chart says it is partial. */
  complete: boolean
}) {
  const report = useMemo(() => logSeries(lines), [lines])
  const { available, first } = logChartOptions(report)
  const [chosen, setChosen] = useState<Partial<LogChartChoice>>({})
  const view = chosen.view && report[chosen.view] ? chosen.view : first
  const set = view ? report[view] : undefined
  const hasLoss = !!set?.series.some((series) => series.key.includes('loss'))
  const keys = set?.series.map((series) => series.key) ?? []
  const shown =
    chosen.shown && (keys.includes(chosen.shown) || (chosen.shown === lossChoice && hasLoss))
      ? chosen.shown
      : hasLoss
        ? lossChoice
        : (keys[0] ?? lossChoice)
  const series = useMemo(() => (set ? chartSeries(set, shown) : []), [set, shown])

  if (!set || !view) {
    return (
      <p className="rounded-md border border-dashed border-border p-3 text-sm text-muted-foreground">
        No loss reported in the {plural(lines.length, 'log line')} shown
        {complete ? '' : ': load older lines to look further back'}.
      </p>
    )
  }
  const label =
    shown === lossChoice ? 'Loss' : (set.series.find((s) => s.key === shown)?.name ?? shown)
  const xLabel = set.axis === 'line' ? 'log line' : set.axis
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3 text-xs">
        {available.length > 1 ? (
          <SelectField
            label="Plot"
            value={view}
            onChange={(next) => {
              if (isView(next)) setChosen({ ...chosen, view: next })
            }}
            options={available.map((each) => ({ value: each, label: views[each] }))}
          />
        ) : null}
        {keys.length > 1 || !hasLoss ? (
          <SelectField
            label="Value"
            value={shown}
            onChange={(next) => setChosen({ ...chosen, shown: next })}
            options={[
              ...(hasLoss ? [{ value: lossChoice, label: 'Every loss' }] : []),
              ...set.series.map((each) => ({ value: each.key, label: each.name })),
            ]}
          />
        ) : null}
        <p className="pb-0.5 text-muted-foreground">
          {hasLoss ? '' : 'No loss in these lines. '}
          Read from {plural(lines.length, 'line')} of the log
          {complete ? '' : ' (the newest; load older lines for the start)'}.
        </p>
      </div>
      <LineChart
        title={`${label} ${views[view].toLowerCase()}`}
        series={series}
        xLabel={xLabel}
        height={180}
      />
    </div>
  )
})

import { lazy, Suspense } from 'react'

import { preloadable } from '@/lib/preload'

import { ChartFrame, type ChartFrameProps } from './chart-frame'
import type { LineChartProps } from './line-chart'

/**
 * The chart's code (uPlot, about 21 KiB brotli: docs/decisions/0008-charts.md) is fetched the
 * first time a chart is shown, or earlier by `loadLineChart()` (say, when a panel opens); it is
 * never part of the first screen. This is the only way in: nothing else imports line-chart.tsx.
 */
export const loadLineChart = preloadable(() => import('./line-chart'))

const LazyLineChart = lazy(() => loadLineChart().then((module) => ({ default: module.LineChart })))

/** A line chart, drawn once its code is in; until then, a frame of the same size. */
export function LineChart(props: LineChartProps) {
  return (
    <Suspense
      fallback={
        <ChartLoading
          title={props.title}
          height={props.height}
          legend={props.series.map((each) => each.label)}
        />
      }
    >
      <LazyLineChart {...props} />
    </Suspense>
  )
}

function ChartLoading(frame: ChartFrameProps) {
  return (
    <ChartFrame
      {...frame}
      plot={
        <div
          aria-busy="true"
          className="flex h-full items-center justify-center rounded-md border border-dashed border-border text-sm text-muted-foreground"
        >
          Loading chart…
        </div>
      }
    />
  )
}

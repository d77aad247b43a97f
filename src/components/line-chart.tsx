import 'uplot/dist/uPlot.min.css'

import uPlot from 'uplot'
import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'

import {
  alignSeries,
  formatChartX,
  formatChartY,
  type AlignedSeries,
  type ChartSeries,
} from './chart-data'
import { roleColour, seriesColour } from './chart-colours'
import { ChartFrame, defaultChartHeight, type ChartFrameProps } from './chart-frame'

// Loaded on demand only (line-chart-lazy.tsx): uPlot (docs/decisions/0008-charts.md) must not
// enter the first screen's JavaScript.

export type LineChartProps = ChartFrameProps & {
  /** Memoise it: a new array draws the chart afresh (and forgets a zoom). */
  series: readonly ChartSeries[]
  /** What x counts: `step`, `epoch`. */
  xLabel: string
  /** What the left axis measures, when the series' labels do not say it. */
  yLabel?: string
  formatX?: (value: number) => string
  formatY?: (value: number) => string
}

/**
 * Lines over a shared x, drawn by uPlot on a canvas: axes, the values under the pointer, a
 * cursor that the arrow keys move (the plot is a slider over the points, announced as it moves),
 * a summary for screen readers, and the same numbers as a table on request. Colours come from
 * the theme's variables at each draw (chart-colours.ts). Works under the strict CSP: uPlot
 * styles its elements through the CSSOM, and its style sheet is a file like the app's own.
 */
export function LineChart({
  title,
  height = defaultChartHeight,
  series,
  xLabel,
  yLabel,
  formatX = formatChartX,
  formatY = formatChartY,
}: LineChartProps) {
  const summaryId = useId()
  const tableId = useId()
  const data = useMemo(() => alignSeries(series), [series])
  const legend = useMemo(() => series.map((each) => each.label), [series])
  const [index, setIndex] = useState<number | null>(null)
  const [tableShown, setTableShown] = useState(false)
  const plotRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<uPlot | null>(null)
  // The formatters are read when uPlot draws: a caller's new function does not redraw the chart.
  const formatters = useRef({ formatX, formatY })
  useLayoutEffect(() => {
    formatters.current = { formatX, formatY }
  })

  useEffect(() => {
    const element = plotRef.current
    if (!element) return undefined
    const chart = new uPlot(
      chartOptions({
        series,
        xLabel,
        yLabel,
        height,
        formatters,
        width: element.clientWidth,
        onCursor: setIndex,
      }),
      [data.x, ...data.ys],
      element,
    )
    chartRef.current = chart
    const resize =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(([entry]) => {
            const width = Math.floor(entry?.contentRect.width ?? 0)
            if (width > 0 && width !== chart.width) chart.setSize({ width, height })
          })
    resize?.observe(element)
    // A theme switch changes the variables the colours are read from: draw again with them.
    const theme = new MutationObserver(() => chart.redraw(false))
    theme.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['class', 'style', 'data-theme'],
    })
    return () => {
      resize?.disconnect()
      theme.disconnect()
      chart.destroy()
      chartRef.current = null
      setIndex(null)
    }
  }, [data, series, xLabel, yLabel, height])

  const last = data.x.length - 1
  const readout =
    index === null ? undefined : readoutText(data, series, index, xLabel, formatX, formatY)

  function showPoint(next: number | null) {
    const chart = chartRef.current
    if (!chart) return
    if (next === null) chart.setCursor({ left: -10, top: -10 })
    else moveCursor(chart, data, series, next)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Escape' || index === null) return
    event.preventDefault()
    showPoint(null)
  }

  return (
    <ChartFrame
      title={title}
      height={height}
      legend={legend}
      plot={
        // The range input is how a keyboard moves along the points (arrows, Page keys, Home,
        // End; Escape leaves): native, so it is announced as it moves. The box shows its focus.
        <div className="h-full w-full rounded-md has-[input:focus-visible]:ring-2 has-[input:focus-visible]:ring-ring">
          <div ref={plotRef} className="h-full w-full" />
          <input
            type="range"
            className="sr-only"
            min={0}
            max={Math.max(0, last)}
            step={1}
            value={index ?? 0}
            disabled={last < 0}
            aria-label={`${title}: move along ${xLabel}`}
            aria-describedby={summaryId}
            aria-valuetext={readout ?? 'No point chosen'}
            onChange={(event) => showPoint(Number(event.target.value))}
            onFocus={() => {
              if (index === null && last >= 0) showPoint(last)
            }}
            onKeyDown={onKeyDown}
          />
        </div>
      }
      footer={
        <>
          <p className="min-w-0 truncate" aria-hidden="true">
            {readout ?? (last < 0 ? 'No points' : 'Point at the chart, or tab to it and use ← →')}
          </p>
          <button
            type="button"
            aria-expanded={tableShown}
            aria-controls={tableId}
            onClick={() => setTableShown((shown) => !shown)}
            className="shrink-0 rounded px-1 font-medium text-accent-text underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            {tableShown ? 'Hide table' : 'Show as table'}
          </button>
        </>
      }
    >
      <p id={summaryId} className="sr-only">
        {summaryText(data, series, xLabel, formatX, formatY)}
      </p>
      <div id={tableId} hidden={!tableShown}>
        {tableShown ? (
          <ChartTable
            title={title}
            data={data}
            series={series}
            xLabel={xLabel}
            formatX={formatX}
            formatY={formatY}
          />
        ) : null}
      </div>
    </ChartFrame>
  )
}

const axisColour = (chart: uPlot) => roleColour(chart.root, 'axis')
const gridColour = (chart: uPlot) => roleColour(chart.root, 'grid')

/** uPlot's `Axis.Side` values, left then right: a const enum, which isolated modules cannot read. */
// oxlint-disable-next-line typescript/no-unsafe-enum-assignment -- see above: 3 is Left, 1 is Right
const axisSides: readonly uPlot.Axis.Side[] = [3, 1]

/** 1, 2, 5, 10, 20, 25, 50, 100, …: tick steps for an axis of whole numbers. */
const wholeIncrements = Array.from({ length: 10 }, (_, power) =>
  [1, 2, 2.5, 5].map((factor) => factor * 10 ** power),
)
  .flat()
  .filter(Number.isInteger)

type Formatters = { formatX: (value: number) => string; formatY: (value: number) => string }

function chartOptions({
  series,
  xLabel,
  yLabel,
  height,
  width,
  formatters,
  onCursor,
}: {
  series: readonly ChartSeries[]
  xLabel: string
  yLabel: string | undefined
  height: number
  width: number
  formatters: { current: Formatters }
  onCursor: (index: number | null) => void
}): uPlot.Options {
  const scales = [...new Set(series.map((each) => each.scale ?? 'y'))]
  const wholeX = series.every((each) => each.points.every((point) => Number.isInteger(point.x)))
  const yValues = (_: uPlot, splits: number[]) =>
    splits.map((value) => formatters.current.formatY(value))
  return {
    width: width || 600,
    height,
    legend: { show: false },
    cursor: { drag: { x: true, y: false }, points: { size: 8 } },
    scales: { x: { time: false }, ...Object.fromEntries(scales.map((scale) => [scale, {}])) },
    series: [
      { label: xLabel },
      ...series.map((each, position) => ({
        label: each.label,
        scale: each.scale ?? 'y',
        stroke: (chart: uPlot) => seriesColour(chart.root, position),
        width: 1.5,
        spanGaps: true,
      })),
    ],
    axes: [
      {
        label: xLabel,
        stroke: axisColour,
        grid: { stroke: gridColour, width: 1 },
        ticks: { stroke: gridColour, width: 1 },
        values: (_, splits) => splits.map((value) => formatters.current.formatX(value)),
        // Whole epochs or steps: no tick at 1.5 between them.
        ...(wholeX ? { incrs: wholeIncrements } : {}),
      },
      // The first scale's axis on the left, the second's on the right; others have none.
      ...scales.slice(0, 2).map((scale, position) => ({
        scale,
        side: axisSides[position],
        label:
          position === 0 && yLabel !== undefined
            ? yLabel
            : series
                .filter((each) => (each.scale ?? 'y') === scale)
                .map((each) => each.label)
                .join(', '),
        size: 64,
        stroke: axisColour,
        grid: { show: position === 0, stroke: gridColour, width: 1 },
        ticks: { stroke: gridColour, width: 1 },
        values: yValues,
      })),
    ],
    hooks: { setCursor: [(chart) => onCursor(chart.cursor.idx ?? null)] },
  }
}

/** The cursor on point `index`, at the first series that has a value there. */
function moveCursor(
  chart: uPlot,
  data: AlignedSeries,
  series: readonly ChartSeries[],
  index: number,
) {
  const position = data.ys.findIndex((values) => values[index] !== null)
  const y = position < 0 ? null : data.ys[position]![index]!
  chart.setCursor({
    left: chart.valToPos(data.x[index]!, 'x'),
    top: y === null ? 0 : chart.valToPos(y, series[position]!.scale ?? 'y'),
  })
}

function readoutText(
  data: AlignedSeries,
  series: readonly ChartSeries[],
  index: number,
  xLabel: string,
  formatX: (value: number) => string,
  formatY: (value: number) => string,
): string {
  const x = data.x[index]
  if (x === undefined) return ''
  const values = series.map((each, position) => {
    const y = data.ys[position]![index]
    return `${each.label} ${y === null || y === undefined ? 'no value' : formatY(y)}`
  })
  return `${xLabel} ${formatX(x)}: ${values.join(', ')}`
}

/** Each line in words: where it starts and ends, and its lowest and highest. */
function summaryText(
  data: AlignedSeries,
  series: readonly ChartSeries[],
  xLabel: string,
  formatX: (value: number) => string,
  formatY: (value: number) => string,
): string {
  if (!data.x.length) return 'No points to draw.'
  const span = `${series.length} ${series.length === 1 ? 'line' : 'lines'} over ${xLabel} ${formatX(data.x[0]!)} to ${formatX(data.x.at(-1)!)}.`
  const lines = series.map((each, position) => {
    const values = data.ys[position]!.filter((value) => value !== null)
    if (!values.length) return `${each.label}: no values.`
    const [first, lastValue] = [values[0]!, values.at(-1)!]
    return `${each.label}: from ${formatY(first)} to ${formatY(lastValue)}, lowest ${formatY(Math.min(...values))}, highest ${formatY(Math.max(...values))}.`
  })
  return [span, ...lines].join(' ')
}

/**
 * The chart's numbers, a row an x: memoised, so the cursor moving never renders it again. It
 * grows with its rows: the panel around it is what scrolls.
 */
const ChartTable = memo(function ChartTable({
  title,
  data,
  series,
  xLabel,
  formatX,
  formatY,
}: {
  title: string
  data: AlignedSeries
  series: readonly ChartSeries[]
  xLabel: string
  formatX: (value: number) => string
  formatY: (value: number) => string
}) {
  return (
    <div className="rounded-md border border-border">
      <table className="w-full text-left text-xs tabular-nums">
        <caption className="sr-only">{title}</caption>
        <thead className="bg-muted">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">
              {xLabel}
            </th>
            {series.map((each) => (
              <th key={each.label} scope="col" className="px-2 py-1 font-medium">
                {each.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.x.map((x, row) => (
            <tr key={x} className="border-t border-border">
              <th scope="row" className="px-2 py-0.5 font-normal">
                {formatX(x)}
              </th>
              {data.ys.map((values, position) => (
                <td key={series[position]!.label} className="px-2 py-0.5">
                  {values[row] === null ? '' : formatY(values[row]!)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
})

/** One line of a chart: its points in any order, x and y finite numbers. */
export type ChartSeries = {
  label: string
  points: readonly { x: number; y: number }[]
  /**
   * Series of one scale share a y axis: the first scale's axis is on the left, every other on the
   * right (`lr` beside `loss`). Unless given, every series is on one scale.
   */
  scale?: string
}

/** The series on one x: every x any series has, ascending, and each series' y there or null. */
export type AlignedSeries = { x: number[]; ys: (number | null)[][] }

/**
 * uPlot's data shape. Series sampled at different x (a loss every step, an evaluation every
 * epoch) each get a null where they have no point; the chart draws across the gaps. A series
 * with two points at one x keeps the later one.
 */
export function alignSeries(series: readonly ChartSeries[]): AlignedSeries {
  const xs = new Set<number>()
  for (const { points } of series) for (const { x, y } of points) if (isFinite(x, y)) xs.add(x)
  const x = [...xs].toSorted((a, b) => a - b)
  const column = new Map(x.map((value, index) => [value, index]))
  const ys = series.map(({ points }) => {
    const values: (number | null)[] = Array.from({ length: x.length }, () => null)
    for (const point of points) {
      if (isFinite(point.x, point.y)) values[column.get(point.x)!] = point.y
    }
    return values
  })
  return { x, ys }
}

function isFinite(x: number, y: number): boolean {
  return Number.isFinite(x) && Number.isFinite(y)
}

const counts = new Intl.NumberFormat('en', { maximumFractionDigits: 3 })
const measures = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 })

/** An x as people read a step or an epoch: `16,384`, `2.5`. */
export function formatChartX(value: number): string {
  return counts.format(value)
}

/** A y to four significant digits: `0.4512`, `14.29`, `0.00002`, `1.235e-7` below that. */
export function formatChartY(value: number): string {
  return value !== 0 && Math.abs(value) < 1e-5 ? value.toExponential(3) : measures.format(value)
}

import { useId, type ReactNode } from 'react'

import { seriesColourCss } from './chart-colours'

/** What every chart takes: what it shows, and how tall its plot is. */
export type ChartFrameProps = {
  /** The chart's accessible name, shown above it: what it shows. */
  title: string
  /** The plot's height in CSS pixels (axes included); the width follows the container. */
  height?: number
  /** The series' names in drawing order: a legend is shown when there are two or more. */
  legend?: readonly string[]
}

export const defaultChartHeight = 240

/**
 * The box a chart is drawn in, the same while its code loads and once drawn (no layout shift):
 * the title (and the legend when there are several lines), the plot's area, and one line below
 * it for the readout and the table toggle.
 */
export function ChartFrame({
  title,
  height = defaultChartHeight,
  legend = [],
  plot,
  footer,
  children,
}: ChartFrameProps & {
  plot: ReactNode
  footer?: ReactNode
  children?: ReactNode
}) {
  const titleId = useId()
  return (
    <figure aria-labelledby={titleId} className="flex min-w-0 flex-col gap-1">
      <figcaption id={titleId} className="text-sm font-medium text-foreground">
        {title}
      </figcaption>
      {legend.length > 1 ? (
        <ul
          aria-label="Legend"
          className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground"
        >
          {legend.map((label, index) => (
            // oxlint-disable-next-line react/no-array-index-key -- two lines may share a label
            <li key={index} className="flex min-w-0 items-center gap-1.5">
              <span
                aria-hidden="true"
                className="h-0.5 w-4 flex-none rounded"
                style={{ background: seriesColourCss(index) }}
              />
              <span className="truncate">{label}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="relative w-full" style={{ height }}>
        {plot}
      </div>
      <div className="flex h-8 items-center justify-between gap-3 text-xs text-muted-foreground">
        {footer}
      </div>
      {children}
    </figure>
  )
}

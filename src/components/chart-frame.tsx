import { useId, type ReactNode } from 'react'

/** What every chart takes: what it shows, and how tall its plot is. */
export type ChartFrameProps = {
  /** The chart's accessible name, shown above it: what it shows. */
  title: string
  /** The plot's height in CSS pixels (axes included); the width follows the container. */
  height?: number
}

export const defaultChartHeight = 240

/**
 * The box a chart is drawn in, the same while its code loads and once drawn (no layout shift):
 * the title, the plot's area, and one line below it for the readout and the table toggle.
 */
export function ChartFrame({
  title,
  height = defaultChartHeight,
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
      <figcaption id={titleId} className="text-sm font-medium text-slate-800">
        {title}
      </figcaption>
      <div className="relative w-full" style={{ height }}>
        {plot}
      </div>
      <div className="flex h-8 items-center justify-between gap-3 text-xs text-slate-600">
        {footer}
      </div>
      {children}
    </figure>
  )
}

import type { Density } from '@/lib/preferences'
import type { ModelColumnMeta } from '@/models/columns/column-meta'

/** The selection column: a checkbox, 40 px, pinned with the name. */
export const selectWidth = 40
/** No column is resized narrower than this. */
export const minColumnWidth = 64
/** The header row's height: the body's rows start below it. */
export const headerHeight = 36
/** Row heights by density; a phone's cards are taller. */
export const rowHeights: Record<Density, number> = { compact: 32, comfortable: 44 }
export const cardHeight = 124

export type SizedColumn = { id: string; meta: Pick<ModelColumnMeta, 'width' | 'grow'> }

/** The width a column is drawn at: the reader's, else its own. */
export function columnWidth(column: SizedColumn, widths: Readonly<Record<string, number>>) {
  return widths[column.id] ?? column.meta.width
}

/**
 * The grid's columns as one CSS grid template, shared by the header and every row through a CSS
 * variable (so a resize lays rows out again without rendering them), and the width below which
 * the grid scrolls sideways. A growing column not resized by the reader takes the room left.
 */
export function gridTemplate(
  columns: readonly SizedColumn[],
  widths: Readonly<Record<string, number>>,
): { template: string; minWidth: number } {
  let minWidth = selectWidth
  const tracks = [`${selectWidth}px`]
  for (const column of columns) {
    const width = columnWidth(column, widths)
    minWidth += width
    const grows = column.meta.grow && widths[column.id] === undefined
    tracks.push(grows ? `minmax(${width}px, 1fr)` : `${width}px`)
  }
  return { template: tracks.join(' '), minWidth }
}

/** Only numbers of pixels, each a sensible width: what the preference may hold. */
export function isColumnWidths(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (width) => typeof width === 'number' && width >= minColumnWidth && width <= 2000,
    )
  )
}

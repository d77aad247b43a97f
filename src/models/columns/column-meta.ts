import { rowSortingFeature, tableFeatures } from '@tanstack/react-table'

import type { ReactNode } from 'react'

import type { Model } from '@/api/model-schema'
import type { SortValue } from '@/models/engine/ranks'

/** What the toolbar, the index and the table read from a column, so none of them names one. */
export type ModelColumnMeta = {
  /** The column's name in menus and headers. */
  label: string
  /** Width in pixels until the reader resizes it; the grid's rows never shift their columns. */
  width: number
  /** The column takes the room the others leave, from `width` up (the name). */
  grow?: true
  /**
   * The cell's content; by default its `text`, with the search's matches marked if `highlight`.
   * A cell is one line of text, cut with an ellipsis, its whole value on hover (`readable`, else
   * `text`); with `parts`, a row of parts that lay themselves out (a badge and a bar).
   */
  cell?: (model: Model) => ReactNode
  parts?: true
  /** The cell's own look (font, colour) in the grid. */
  cellClass?: string
  sortKey: (model: Model) => SortValue
  /** The cell as plain text, for exports: whole values, no abbreviations. */
  text: (model: Model) => string
  /** The value for people where it differs from `text` (the compare view): `1 h 30 min`. */
  readable?: (model: Model) => string
  /** Values are identifiers or code: shown in a monospaced font outside the table too. */
  mono?: true
  /** Set when the column's values make a facet filter in the toolbar. */
  facet?: { valueOf: (model: Model) => string }
  /** The cell's text is marked where it holds the search terms (components/highlight.tsx). */
  highlight?: true
  /** Numbers line up at the end of the cell. */
  align?: 'end'
  /** Shown unless the user hides it. */
  defaultVisible: boolean
}

// Sorting and filtering run on our own index (src/models/engine), and the grid draws rows from
// the column meta; TanStack holds the sort state and the column definitions.
export const modelTableFeatures = tableFeatures({
  rowSortingFeature,
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- a type-only slot, as documented
  columnMeta: {} as ModelColumnMeta,
})

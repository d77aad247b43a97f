import { columnVisibilityFeature, rowSortingFeature, tableFeatures } from '@tanstack/react-table'

import type { Model } from '@/api/model-schema'
import type { SortValue } from '@/models/engine/ranks'

/** What the toolbar, the index and the table read from a column, so none of them names one. */
export type ModelColumnMeta = {
  /** The column's name in menus and headers. */
  label: string
  /** Width in pixels; the table is laid out fixed so virtual rows never shift columns. */
  width: number
  /** Width on a narrow screen, for the columns that stay in view there (name, status). */
  narrowWidth?: number
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

// Sorting and filtering run on our own index (src/models/engine); the table holds their state,
// the column definitions, visibility and rendering.
export const modelTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- a type-only slot, as documented
  columnMeta: {} as ModelColumnMeta,
})

import type { Header, useTable } from '@tanstack/react-table'

import type { Model } from '@/api/model-schema'
import type { modelTableFeatures } from '@/models/columns/column-meta'

type ModelTableInstance = ReturnType<typeof useTable<typeof modelTableFeatures, Model>>

export function SortableHeader({
  header,
  table,
  pinnedAt,
}: {
  header: Header<typeof modelTableFeatures, Model>
  table: ModelTableInstance
  /** The left offset at which the header sticks while the table scrolls sideways. */
  pinnedAt: number | undefined
}) {
  const { column } = header
  const sorted = column.getIsSorted()
  const sortIndex = column.getSortIndex()
  const multi = table.state.sorting.length > 1
  const meta = column.columnDef.meta
  return (
    <th
      scope="col"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      style={{ left: pinnedAt }}
      className={`sticky top-0 border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold whitespace-nowrap text-slate-600 uppercase ${pinnedAt === undefined ? 'z-[2]' : 'z-[3]'} ${meta?.align === 'end' ? 'text-right' : ''}`}
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        data-column={column.id}
        title="Sort (Shift+click to add to the sort)"
        className="inline-flex max-w-full items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <span className="truncate">{meta?.label ?? column.id}</span>
        <span aria-hidden="true" className="flex w-6 items-center text-indigo-700">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          {sorted && multi ? <sup className="text-[0.65rem]">{sortIndex + 1}</sup> : null}
        </span>
        {sorted && multi ? <span className="sr-only">, sort priority {sortIndex + 1}</span> : null}
      </button>
    </th>
  )
}

import { useTable, type Header } from '@tanstack/react-table'
import { useDeferredValue, useId, useMemo, useState, type ReactNode } from 'react'

import type { Model } from '../api/model-schema'
import { plural } from '../lib/format'
import { modelColumns } from './columns'
import { filterModels, searchTextOf } from './model-search'
import { modelTableFeatures } from './table-features'

export function ModelsTable({ models }: { models: Model[] }) {
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const searchTexts = useMemo(() => models.map(searchTextOf), [models])
  const shown = useMemo(
    () => filterModels(models, searchTexts, deferredSearch),
    [models, searchTexts, deferredSearch],
  )
  const table = useTable({
    features: modelTableFeatures,
    columns: modelColumns,
    data: shown,
    getRowId: (model) => model.modelId,
    enableSortingRemoval: true,
    sortDescFirst: false,
  })
  const searchId = useId()
  const rows = table.getRowModel().rows

  return (
    <section aria-label="Models" className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={searchId} className="sr-only">
          Search models
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Search name, id, status, base model…"
          className="w-80 max-w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
        <output className="text-sm text-slate-600">
          {shown.length === models.length
            ? plural(models.length, 'model')
            : `${shown.length.toLocaleString('en')} of ${plural(models.length, 'model')}`}
        </output>
      </div>
      {models.length === 0 ? (
        <EmptyState title="This account has no models yet">
          Models appear here once a Marqtune training task has been started.
        </EmptyState>
      ) : (
        <div className="min-h-0 overflow-auto rounded-lg border border-slate-200 bg-white shadow-xs">
          <table className="w-full border-collapse text-left text-sm">
            <thead className="sticky top-0 z-10 bg-slate-50 text-xs text-slate-600 uppercase">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <SortableHeader key={header.id} header={header} table={table} />
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 hover:bg-slate-50">
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-top">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? (
            <EmptyState title="No models match">
              <button
                type="button"
                onClick={() => setSearch('')}
                className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900"
              >
                Clear search
              </button>
            </EmptyState>
          ) : null}
        </div>
      )}
    </section>
  )
}

type ModelTable = ReturnType<typeof useTable<typeof modelTableFeatures, Model>>

function SortableHeader({
  header,
  table,
}: {
  header: Header<typeof modelTableFeatures, Model>
  table: ModelTable
}) {
  const sorted = header.column.getIsSorted()
  return (
    <th
      scope="col"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className="px-3 py-2 font-semibold whitespace-nowrap"
    >
      <button
        type="button"
        onClick={header.column.getToggleSortingHandler()}
        className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <table.FlexRender header={header} />
        <span aria-hidden="true" className="w-3 text-slate-400">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
        </span>
      </button>
    </th>
  )
}

function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-12 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      <div className="text-sm text-slate-600">{children}</div>
    </div>
  )
}

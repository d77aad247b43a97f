import type { RefObject } from 'react'

import { Popover } from '../components/popover'
import { formatCount } from '../lib/format'
import { ColumnMenu } from './column-menu'
import { FacetFilter } from './facet-filter'
import { emptyFacet, type ModelIndex } from './model-index'
import type { Density } from './model-grid'
import type { FacetSelection } from './model-filter'
import { columnMeta, facetIds } from './model-search'
import { QuickFilters } from './quick-filters'

const plainButton =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none'

export function ClearFiltersButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded-md px-2.5 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
    >
      Clear all filters
    </button>
  )
}

/** Search, quick filters, facets, and the table's own controls: compare, columns, density, help. */
export function ModelsToolbar({
  searchRef,
  search,
  onSearch,
  index,
  selection,
  countsFor,
  onFacet,
  onClearFilters,
  comparedCount,
  onCompare,
  onClearCompare,
  columns,
  shownCount,
  onExport,
  density,
  onDensity,
  onShortcuts,
}: {
  searchRef: RefObject<HTMLInputElement | null>
  search: string
  onSearch: (search: string) => void
  index: ModelIndex
  selection: FacetSelection
  countsFor: (facetId: string) => Uint32Array
  onFacet: (facetId: string, values: string[]) => void
  onClearFilters: () => void
  comparedCount: number
  onCompare: () => void
  onClearCompare: () => void
  columns: Parameters<typeof ColumnMenu>[0]
  /** How many models an export would hold: the ones shown. */
  shownCount: number
  onExport: (format: 'csv' | 'json') => void
  density: Density
  onDensity: (density: Density) => void
  onShortcuts: () => void
}) {
  const filtered = search !== '' || facetIds.some((id) => (selection[id] ?? []).length > 0)
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor="model-search">
        Search models
      </label>
      <input
        ref={searchRef}
        id="model-search"
        type="search"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        placeholder="Search models…  ( / )"
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        className="w-72 max-w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
      />
      <QuickFilters
        options={index.facet('status')?.options ?? []}
        selected={selection.status ?? []}
        onChange={(values) => onFacet('status', values)}
      />
      {facetIds.map((id) => (
        <FacetFilter
          key={id}
          title={columnMeta(id)?.label ?? id}
          facet={() => index.facet(id) ?? emptyFacet}
          counts={() => countsFor(id)}
          selected={selection[id] ?? []}
          onChange={(values) => onFacet(id, values)}
        />
      ))}
      {filtered ? <ClearFiltersButton onClick={onClearFilters} /> : null}
      <div className="ml-auto flex items-center gap-2">
        {comparedCount ? (
          <>
            <button
              type="button"
              disabled={comparedCount < 2}
              onClick={onCompare}
              title={comparedCount < 2 ? 'Choose at least two models' : undefined}
              className="rounded-md bg-indigo-700 px-2.5 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:bg-indigo-300"
            >
              Compare {comparedCount} {comparedCount === 1 ? 'model' : 'models'}
            </button>
            <button
              type="button"
              onClick={onClearCompare}
              className="rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
            >
              Clear selection
            </button>
          </>
        ) : null}
        <ColumnMenu {...columns} />
        <Popover label="Export" triggerClassName={plainButton} trigger="Export">
          <p className="px-2 py-1 text-xs text-slate-600">
            The {formatCount(shownCount)} models shown, in this order.
          </p>
          {(['csv', 'json'] as const).map((format) => (
            <button
              key={format}
              type="button"
              onClick={(event) => {
                onExport(format)
                event.currentTarget.closest<HTMLElement>('[popover]')?.hidePopover()
              }}
              className="w-full rounded px-2 py-1.5 text-left text-sm text-indigo-700 hover:bg-slate-100"
            >
              {format === 'csv' ? 'CSV, visible columns' : 'JSON, every field'}
            </button>
          ))}
        </Popover>
        <button
          type="button"
          aria-pressed={density === 'compact'}
          onClick={() => onDensity(density === 'compact' ? 'comfortable' : 'compact')}
          className={`${plainButton} aria-pressed:bg-slate-100`}
        >
          Compact rows
        </button>
        <button
          type="button"
          onClick={onShortcuts}
          aria-keyshortcuts="?"
          className={`${plainButton} max-sm:hidden`}
        >
          Shortcuts <kbd className="font-mono text-xs text-slate-500">?</kbd>
        </button>
      </div>
    </div>
  )
}

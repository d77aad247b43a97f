import { useMemo, type RefObject } from 'react'

import type { Density } from '@/lib/preferences'
import { columnFacetIds, columnMeta, phaseFacetId } from '@/models/columns/column-registry'
import { inProgressIds } from '@/models/domain/status'
import { emptyFacet, type FacetSelection } from '@/models/engine/facets'
import type { ModelIndex } from '@/models/engine/model-index'
import { maxCompared } from '@/models/view/use-selection'
import { WatchToggle } from '@/models/watching/watch-toggle'

import { ClearFiltersButton } from './clear-filters-button'
import { ColumnMenu, type ColumnMenuProps } from './column-menu'
import { ExportMenu, type ExportControl } from './export-menu'
import { FacetFilter } from './facet-filter'
import { plainButton } from './plain-button'
import { QuickFilters } from './quick-filters'

export type SearchControl = { value: string; onChange: (search: string) => void }

export type FilterControl = {
  index: ModelIndex
  facets: FacetSelection
  /** Per option of one facet, the models it would show under the other filters. */
  countsFor: (facetId: string) => Uint32Array
  onChange: (facetId: string, values: string[]) => void
  onClear: () => void
}

/** The ticked models: compare 2 to 6 of them, delete any number (absent when not allowed). */
export type SelectionControl = {
  count: number
  onCompare: () => void
  onClear: () => void
  onDelete?: () => void
}

export type DensityControl = { value: Density; onChange: (density: Density) => void }

/** Search, quick filters, facets, and the table's own controls: compare, columns, density, help. */
export function ModelsToolbar({
  searchRef,
  search,
  filters,
  selection,
  columns,
  exporting,
  density,
  onShortcuts,
}: {
  /** The search box, for the `/` shortcut and for focus when the panel closes. */
  searchRef: RefObject<HTMLInputElement | null>
  search: SearchControl
  filters: FilterControl
  selection: SelectionControl
  columns: ColumnMenuProps
  exporting: ExportControl
  density: DensityControl
  onShortcuts: () => void
}) {
  const { index, facets, countsFor } = filters
  // Once per change of the rows, not on every render of the toolbar (the URL catching up, a tick).
  const phaseCounts = useMemo(() => countsFor(phaseFacetId), [countsFor])
  const filtered = search.value !== '' || Object.values(facets).some((values) => values.length > 0)
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor="model-search">
        Search models
      </label>
      <input
        ref={searchRef}
        id="model-search"
        type="search"
        value={search.value}
        onChange={(event) => search.onChange(event.target.value)}
        placeholder="Search models…  ( / )"
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        className="w-72 max-w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
      />
      <QuickFilters
        options={index.facet(phaseFacetId)?.options ?? []}
        counts={phaseCounts}
        selected={facets[phaseFacetId] ?? []}
        onChange={(values) => filters.onChange(phaseFacetId, values)}
        status={{
          options: () => index.facet('status')?.options ?? [],
          selected: facets.status ?? [],
          onClear: () => filters.onChange('status', []),
        }}
      />
      {columnFacetIds.map((id) => (
        <FacetFilter
          key={id}
          title={columnMeta(id)?.label ?? id}
          facet={() => index.facet(id) ?? emptyFacet}
          counts={() => filters.countsFor(id)}
          selected={facets[id] ?? []}
          onChange={(values) => filters.onChange(id, values)}
        />
      ))}
      {filtered ? <ClearFiltersButton onClick={filters.onClear} /> : null}
      <WatchToggle
        ids={inProgressIds(index.models)}
        label="Notify me when all in progress finish"
      />
      <div className="ml-auto flex items-center gap-2">
        {selection.count ? (
          <>
            <button
              type="button"
              disabled={selection.count < 2 || selection.count > maxCompared}
              onClick={selection.onCompare}
              title={
                selection.count < 2
                  ? 'Choose at least two models'
                  : selection.count > maxCompared
                    ? `At most ${maxCompared} models can be compared`
                    : undefined
              }
              className="rounded-md bg-indigo-700 px-2.5 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:bg-indigo-300"
            >
              Compare {selection.count} {selection.count === 1 ? 'model' : 'models'}
            </button>
            {selection.onDelete ? (
              <button
                type="button"
                onClick={selection.onDelete}
                className="rounded-md border border-red-300 bg-white px-2.5 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
              >
                Delete {selection.count} {selection.count === 1 ? 'model' : 'models'}…
              </button>
            ) : null}
            <button
              type="button"
              onClick={selection.onClear}
              className="rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
            >
              Clear selection
            </button>
          </>
        ) : null}
        <ColumnMenu {...columns} />
        <ExportMenu {...exporting} />
        <button
          type="button"
          aria-pressed={density.value === 'compact'}
          onClick={() => density.onChange(density.value === 'compact' ? 'comfortable' : 'compact')}
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

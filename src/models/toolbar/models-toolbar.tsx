import { useMemo, type RefObject } from 'react'

import { Menu } from '@/components/menu'
import type { Density } from '@/lib/preferences'
import { columnFacetIds, columnMeta, phaseFacetId } from '@/models/columns/column-registry'
import { isPhaseValue, phaseLabelOf } from '@/models/domain/status'
import { emptyFacet, type FacetSelection } from '@/models/engine/facets'
import type { ModelIndex } from '@/models/engine/model-index'
import type { UnknownChoice } from '@/models/view/use-model-rows'

import { ClearFiltersButton } from './clear-filters-button'
import { ColumnMenu, type ColumnMenuProps } from './column-menu'
import { FacetFilter } from './facet-filter'
import { isQuickFilter, QuickFilters } from './quick-filters'

export type SearchControl = { value: string; onChange: (search: string) => void }

export type FilterControl = {
  index: ModelIndex
  /** What each facet was asked for, as the URL says it (`in-progress`, values no model has). */
  chosen: FacetSelection
  /** Chosen values this account has no model for. */
  unknown: readonly UnknownChoice[]
  /** Per option of one facet, the models it would show under the other filters. */
  countsFor: (facetId: string) => Uint32Array
  onChange: (facetId: string, values: string[]) => void
  onClear: () => void
}

/** What the More menu offers besides the columns. */
export type MoreControl = {
  density: { value: Density; onChange: (density: Density) => void }
  /** Every model in progress watched, or none can be. */
  watchAll: { watched: boolean; disabled: boolean; toggle: () => void }
  onExport: (format: 'csv' | 'json') => void
  exportCount: number
  onShortcuts: () => void
}

/**
 * Search, the quick filters, the facets and the chips of choices no control shows, then the
 * columns and the More menu (density, watching, export, shortcuts). On a phone the filters are
 * one row that scrolls sideways, so the models stay in view.
 */
export function ModelsToolbar({
  searchRef,
  search,
  filters,
  columns,
  more,
}: {
  /** The search box, for the `/` shortcut and for focus when the panel closes. */
  searchRef: RefObject<HTMLInputElement | null>
  search: SearchControl
  filters: FilterControl
  columns: ColumnMenuProps
  more: MoreControl
}) {
  const { index, chosen, countsFor } = filters
  // Once per change of the rows, not on every render of the toolbar (the URL catching up, a tick).
  const phaseCounts = useMemo(() => countsFor(phaseFacetId), [countsFor])
  const filtered = search.value !== '' || Object.values(chosen).some((values) => values.length > 0)
  const phases = chosen[phaseFacetId] ?? []
  const chips = [
    // Phases a link chose that neither a quick filter nor the summary bar shows as pressed.
    ...(phases.length > 1 && !isQuickFilter(phases)
      ? phases.filter(isPhaseValue).map((value) => ({
          facetId: phaseFacetId,
          value,
          text: `Phase: ${phaseLabelOf(value)}`,
          nothing: false,
        }))
      : []),
    ...filters.unknown.map(({ facetId, value }) => ({
      facetId,
      value,
      text: `${columnMeta(facetId)?.label ?? 'Phase'}: ${value}`,
      nothing: true,
    })),
  ]

  return (
    <div className="flex flex-wrap items-center gap-2 max-sm:flex-col max-sm:flex-nowrap max-sm:items-stretch">
      <div className="flex items-center gap-2">
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
          className="min-h-8 w-60 rounded-md border border-input bg-surface px-3 text-sm text-foreground shadow-xs placeholder:text-muted-foreground max-sm:min-w-0 max-sm:flex-1"
        />
        <div className="sm:hidden">
          <MoreMenu more={more} />
        </div>
      </div>
      <fieldset
        aria-label="Filters"
        className="flex min-w-0 items-center gap-2 max-sm:-mx-4 max-sm:overflow-x-auto max-sm:px-4 max-sm:pb-1 sm:flex-1 sm:flex-wrap"
      >
        <QuickFilters
          options={index.facet(phaseFacetId)?.options ?? []}
          counts={phaseCounts}
          selected={phases}
          onChange={(values) => filters.onChange(phaseFacetId, values)}
          status={{
            options: () => index.facet('status')?.options ?? [],
            selected: chosen.status ?? [],
            onClear: () => filters.onChange('status', []),
          }}
        />
        {columnFacetIds.map((id) => (
          <FacetFilter
            key={id}
            title={columnMeta(id)?.label ?? id}
            facet={() => index.facet(id) ?? emptyFacet}
            counts={() => filters.countsFor(id)}
            selected={chosen[id] ?? []}
            onChange={(values) => filters.onChange(id, values)}
          />
        ))}
        {chips.map(({ facetId, value, text, nothing }) => (
          <span
            key={`${facetId}=${value}`}
            className={`inline-flex min-h-8 flex-none items-center gap-1 rounded-md pl-2.5 text-sm whitespace-nowrap ring-1 ring-inset ${
              nothing
                ? 'bg-warning-soft text-warning-text ring-warning-text/40'
                : 'bg-accent-soft text-accent-text ring-accent/40'
            }`}
          >
            {text}
            {nothing ? <span className="text-xs">(matches no model)</span> : null}
            <button
              type="button"
              onClick={() =>
                filters.onChange(
                  facetId,
                  (chosen[facetId] ?? []).filter((other) => other !== value),
                )
              }
              aria-label={`Remove the filter ${text}`}
              className="flex min-h-8 items-center rounded-r-md px-2 hover:bg-muted"
            >
              ✕
            </button>
          </span>
        ))}
        {filtered ? <ClearFiltersButton onClick={filters.onClear} /> : null}
      </fieldset>
      <div className="ml-auto flex items-center gap-2 max-sm:hidden">
        <ColumnMenu {...columns} />
        <MoreMenu more={more} />
      </div>
    </div>
  )
}

function MoreMenu({ more }: { more: MoreControl }) {
  const compact = more.density.value === 'compact'
  return (
    <Menu
      label="More"
      trigger="More ▾"
      groups={[
        {
          items: [
            {
              label: compact ? 'Comfortable rows' : 'Compact rows',
              onSelect: () => more.density.onChange(compact ? 'comfortable' : 'compact'),
            },
            {
              label: more.watchAll.watched
                ? 'Stop notifying me about the models in progress'
                : 'Notify me when all in progress finish',
              disabled: more.watchAll.disabled,
              onSelect: more.watchAll.toggle,
            },
            { label: 'Keyboard shortcuts', onSelect: more.onShortcuts },
          ],
        },
        {
          label: `Export the ${more.exportCount} shown`,
          items: [
            { label: 'CSV, visible columns', onSelect: () => more.onExport('csv') },
            { label: 'JSON, every field', onSelect: () => more.onExport('json') },
          ],
        },
      ]}
    />
  )
}

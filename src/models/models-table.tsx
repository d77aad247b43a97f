import { functionalUpdate, useTable } from '@tanstack/react-table'
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'

import type { Credentials } from '../api/model-queries'
import type { Model } from '../api/model-schema'
import { HighlightTerms } from '../components/highlight'
import { plural } from '../lib/format'
import { isStringArray } from '../lib/guards'
import { lazily, whenIdle } from '../lib/lazy'
import { readPreference, writePreference } from '../lib/preferences'
import { ColumnMenu } from './column-menu'
import { modelColumns, nameColumnId } from './columns'
import { FacetFilter } from './facet-filter'
import {
  hyperparameterColumn,
  hyperparameterKeys,
  hyperparameterPrefix,
  varyingHyperparameterKeys,
} from './hyperparameters'
import { buildLineage } from './lineage'
import { emptyFacet } from './model-index'
import { maxCompared, ModelGrid, type Density } from './model-grid'
import { searchTerms } from './model-filter'
import { columnIdOf, columnMeta, facetIds } from './model-search'
import { QuickFilters } from './quick-filters'
import { ShortcutsDialog } from './shortcuts-dialog'
import { modelTableFeatures } from './table-features'
import { useModelRows } from './use-model-rows'
import { useModelView } from './view-state'

// Opened on demand: kept out of the initial bundle.
const ModelPanel = lazy(() =>
  import('./model-panel').then((module) => ({ default: module.ModelPanel })),
)
const CompareView = lazy(() =>
  import('./compare-view').then((module) => ({ default: module.CompareView })),
)

const baseColumnIds = modelColumns.map(columnIdOf)
const defaultColumns = modelColumns.filter((column) => column.meta?.defaultVisible).map(columnIdOf)

function isDensity(value: unknown): value is Density {
  return value === 'compact' || value === 'comfortable'
}

export function ModelsTable({
  models,
  credentials,
}: {
  models: Model[]
  credentials: Credentials
}) {
  const view = useModelView()
  const { index, rows, countsFor, selection, sorting, search } = useModelRows(models, view)
  const searchRef = useRef<HTMLInputElement>(null)
  const [density, setDensity] = useState<Density>(
    () => readPreference('density', isDensity) ?? 'comfortable',
  )
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const [activeIndex, setActiveIndex] = useState(0)
  const [focusRequest, setFocusRequest] = useState(0)

  // Each is a scan of every model: built when a view first needs it, not before the first paint.
  const allKeys = useMemo(() => lazily(() => hyperparameterKeys(models)), [models])
  const lineage = useMemo(() => lazily(() => buildLineage(models)), [models])
  const byId = useMemo(
    () => lazily(() => new Map(models.map((model) => [model.modelId, model]))),
    [models],
  )
  const selected = useMemo(
    () => (view.selectedModel ? byId().get(view.selectedModel) : undefined),
    [byId, view.selectedModel],
  )

  const comparedModels = view.compare.flatMap((id) => byId().get(id) ?? []).slice(0, maxCompared)
  const compared = useMemo(() => new Set(view.compare), [view.compare])
  const toggleCompare = useCallback(
    (modelId: string) =>
      view.setCompare(
        view.compare.includes(modelId)
          ? view.compare.filter((id) => id !== modelId)
          : [...view.compare, modelId].slice(0, maxCompared),
      ),
    [view],
  )

  // Closing the panel returns focus to the row it was opened from.
  const closePanel = useCallback(() => {
    const closing = view.selectedModel
    view.setModel(null)
    requestAnimationFrame(() => {
      const row = closing
        ? document.querySelector<HTMLButtonElement>(
            `button[data-model-id="${CSS.escape(closing)}"]`,
          )
        : null
      ;(row ?? searchRef.current)?.focus()
    })
  }, [view])
  const visibleColumns = useMemo(() => {
    const requested = view.columns ?? readPreference('columns', isStringArray) ?? defaultColumns
    const known = new Set(baseColumnIds)
    if (requested.some((id) => id.startsWith(hyperparameterPrefix))) {
      for (const key of allKeys()) known.add(hyperparameterPrefix + key)
    }
    return [nameColumnId, ...requested.filter((id) => id !== nameColumnId && known.has(id))]
  }, [view.columns, allKeys])
  const hyperparameterIds = visibleColumns.filter((id) => id.startsWith(hyperparameterPrefix))
  const hyperparameterSignature = hyperparameterIds.join('\n')
  const columns = useMemo(
    () => [
      ...modelColumns,
      ...(hyperparameterSignature ? hyperparameterSignature.split('\n') : []).map((id) =>
        hyperparameterColumn(id.slice(hyperparameterPrefix.length)),
      ),
    ],
    [hyperparameterSignature],
  )
  const columnVisibility = useMemo(
    () => Object.fromEntries(baseColumnIds.map((id) => [id, visibleColumns.includes(id)])),
    [visibleColumns],
  )

  const { setSorting } = view
  const table = useTable({
    features: modelTableFeatures,
    columns,
    data: models,
    getRowId: (model) => model.modelId,
    manualSorting: true,
    sortDescFirst: false,
    // React's synthetic click event: Shift adds the column to the sort.
    isMultiSortEvent: (event) =>
      typeof event === 'object' && event !== null && 'shiftKey' in event && event.shiftKey === true,
    state: { sorting: [...sorting], columnVisibility },
    onSortingChange: (updater) => setSorting(functionalUpdate(updater, [...sorting])),
  })

  const changeColumns = useCallback(
    (next: string[] | null) => {
      view.setColumns(next)
      writePreference('columns', next ?? undefined)
    },
    [view],
  )

  const lastIndex = rows.length - 1
  const active = Math.max(0, Math.min(activeIndex, lastIndex))
  const focusRow = useCallback(
    (target: number) => {
      setActiveIndex(Math.max(0, Math.min(target, lastIndex)))
      setFocusRequest((count) => count + 1)
    },
    [lastIndex],
  )

  useKeyboardShortcuts({
    searchRef,
    active,
    hasRows: rows.length > 0,
    focusRow,
    openShortcuts: () => setShortcutsOpen(true),
    escape: () => {
      if (view.selectedModel) closePanel()
      else if (view.search) view.setSearch('')
    },
  })

  useEffect(() => {
    // While the user reads the first rows, build what a search or a sort will need, one piece
    // per idle period, so the first keystroke or header click does not pay for it.
    const warmUp = [() => index.searchTexts(), ...baseColumnIds.map((id) => () => index.rank(id))]
    let cancelIdle = () => {}
    const next = () => {
      const step = warmUp.shift()
      if (step) {
        cancelIdle = whenIdle(() => {
          step()
          next()
        })
      }
    }
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        // The benchmark's "first rows painted": the frame after the first commit of a response.
        performance.mark('models:painted')
        next()
      }),
    )
    return () => {
      cancelAnimationFrame(frame)
      cancelIdle()
    }
  }, [index])

  const terms = useMemo(() => searchTerms(search), [search])
  const openModel = useCallback((modelId: string) => view.setModel(modelId), [view])

  const filtered = view.search !== '' || facetIds.some((id) => (selection[id] ?? []).length > 0)
  const clearFilters = (
    <button
      type="button"
      onClick={view.clearFilters}
      className="rounded-md px-2.5 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
    >
      Clear all filters
    </button>
  )
  const statusFacet = index.facet('status')

  return (
    <section
      aria-label="Models"
      className="flex min-h-0 flex-1 flex-col gap-3"
      // The view the rows on screen were computed for, so tests and the benchmark can tell.
      data-rows={rows.length}
      data-search={search}
      data-sort={sorting.map((rule) => `${rule.desc ? '-' : ''}${rule.id}`).join(',')}
      data-facets={Object.entries(selection)
        .filter(([, values]) => values.length)
        .map(([id, values]) => `${id}=${values.join(',')}`)
        .join('&')}
    >
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="model-search">
          Search models
        </label>
        <input
          ref={searchRef}
          id="model-search"
          type="search"
          value={view.search}
          onChange={(event) => view.setSearch(event.target.value)}
          placeholder="Search models…  ( / )"
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          className="w-72 max-w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
        {statusFacet ? (
          <QuickFilters
            options={statusFacet.options}
            selected={selection.status ?? []}
            onChange={(values) => view.setFacet('status', values)}
          />
        ) : null}
        {facetIds.map((id) => (
          <FacetFilter
            key={id}
            title={columnMeta(id)?.label ?? id}
            facet={() => index.facet(id) ?? emptyFacet}
            counts={() => countsFor(id)}
            selected={selection[id] ?? []}
            onChange={(values) => view.setFacet(id, values)}
          />
        ))}
        {filtered ? clearFilters : null}
        <div className="ml-auto flex items-center gap-2">
          {comparedModels.length ? (
            <>
              <button
                type="button"
                disabled={comparedModels.length < 2}
                onClick={() => view.setComparing(true)}
                title={comparedModels.length < 2 ? 'Choose at least two models' : undefined}
                className="rounded-md bg-indigo-700 px-2.5 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:bg-indigo-300"
              >
                Compare {comparedModels.length} {comparedModels.length === 1 ? 'model' : 'models'}
              </button>
              <button
                type="button"
                onClick={() => view.setCompare([])}
                className="rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
              >
                Clear selection
              </button>
            </>
          ) : null}
          <ColumnMenu
            visible={visibleColumns}
            hyperparameterKeys={allKeys}
            varyingKeys={() => varyingHyperparameterKeys(models, rows)}
            onChange={changeColumns}
            onReset={() => changeColumns(null)}
          />
          <button
            type="button"
            aria-pressed={density === 'compact'}
            onClick={() => {
              const next = density === 'compact' ? 'comfortable' : 'compact'
              setDensity(next)
              writePreference('density', next)
            }}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none aria-pressed:bg-slate-100"
          >
            Compact rows
          </button>
          <button
            type="button"
            onClick={() => setShortcutsOpen(true)}
            aria-keyshortcuts="?"
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            Shortcuts <kbd className="font-mono text-xs text-slate-500">?</kbd>
          </button>
        </div>
      </div>
      <output className="text-sm text-slate-600" aria-live="polite">
        {rows.length === models.length
          ? plural(models.length, 'model')
          : `${rows.length.toLocaleString('en')} of ${plural(models.length, 'model')}`}
      </output>
      {models.length === 0 ? (
        <EmptyState title="This account has no models yet">
          Models appear here once a Marqtune training task has been started.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No models match">{clearFilters}</EmptyState>
      ) : (
        <div className="flex min-h-0 flex-1 gap-3">
          <HighlightTerms terms={terms}>
            <ModelGrid
              table={table}
              rows={rows}
              density={density}
              activeIndex={active}
              focusRequest={focusRequest}
              selectedId={view.selectedModel}
              compared={compared}
              onActivate={setActiveIndex}
              onOpen={openModel}
              onToggleCompare={toggleCompare}
            />
          </HighlightTerms>
          {view.selectedModel ? (
            <Suspense fallback={<PanelLoading />}>
              <ModelPanel
                key={view.selectedModel}
                modelId={view.selectedModel}
                model={selected}
                lineage={lineage()}
                credentials={credentials}
                onOpen={(modelId) => view.setModel(modelId)}
                onClose={closePanel}
              />
            </Suspense>
          ) : null}
        </div>
      )}
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      {view.comparing && comparedModels.length >= 2 ? (
        <Suspense fallback={null}>
          <CompareView
            models={comparedModels}
            onOpen={(modelId) => {
              view.setComparing(false)
              view.setModel(modelId)
            }}
            onClose={() => view.setComparing(false)}
          />
        </Suspense>
      ) : null}
    </section>
  )
}

function isEditable(element: Element): boolean {
  return element.matches('input, textarea, select, [contenteditable="true"]')
}

/** `/` search, `?` help, Up/Down and j/k between rows, Esc to close or clear. */
function useKeyboardShortcuts({
  searchRef,
  active,
  hasRows,
  focusRow,
  openShortcuts,
  escape,
}: {
  searchRef: React.RefObject<HTMLInputElement | null>
  active: number
  hasRows: boolean
  focusRow: (index: number) => void
  openShortcuts: () => void
  escape: () => void
}) {
  const latest = useRef({ active, hasRows, focusRow, openShortcuts, escape })
  useEffect(() => {
    latest.current = { active, hasRows, focusRow, openShortcuts, escape }
  })

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (!(target instanceof Element) || target.closest('dialog, [popover]')) return
      const current = latest.current
      const inSearch = target === searchRef.current
      const onRow = target.matches('[data-row-button]')
      if (isEditable(target) && !inSearch) return
      const typing = inSearch
      let handled = true
      switch (event.key) {
        case '/':
          if (typing) return
          searchRef.current?.focus()
          searchRef.current?.select()
          break
        case '?':
          if (typing) return
          current.openShortcuts()
          break
        case 'ArrowDown':
        case 'j':
          if (event.key === 'j' && typing) return
          if (!current.hasRows) return
          current.focusRow(onRow ? current.active + 1 : current.active)
          break
        case 'ArrowUp':
        case 'k':
          if (event.key === 'k' && typing) return
          if (!current.hasRows) return
          if (onRow && current.active === 0) searchRef.current?.focus()
          else current.focusRow(onRow ? current.active - 1 : current.active)
          break
        case 'Escape':
          current.escape()
          break
        default:
          handled = false
      }
      if (handled) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [searchRef])
}

function PanelLoading() {
  return (
    <output className="flex w-full items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-600 lg:w-[38rem] lg:flex-none">
      Loading…
    </output>
  )
}

function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-slate-200 bg-white px-6 py-12 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      <div className="text-sm text-slate-600">{children}</div>
    </div>
  )
}

import { lazy, Suspense, use, useCallback, useEffect, useMemo, useRef, useState } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { EmptyState } from '@/components/empty-state'
import { HighlightTerms } from '@/components/highlight'
import { formatCount, plural } from '@/lib/format'
import { lazily, preloadable, whileIdle } from '@/lib/lazy'
import { isDensity, usePreference } from '@/lib/preferences'
import { useDocumentTitle } from '@/lib/use-document-title'
import { phaseFacetId } from '@/models/columns/column-registry'
import { failureColumnId } from '@/models/columns/model-columns'
import { useVisibleColumns } from '@/models/columns/use-visible-columns'
import { hyperparameterKeys, varyingHyperparameterKeys } from '@/models/domain/hyperparameters'
import { statusPhase } from '@/models/domain/status'
import { searchTerms } from '@/models/engine/search-index'
import { useStatusChanges } from '@/models/live/use-status-changes'
import type { FailureTriageProps } from '@/models/triage/failure-triage'
import { ModelTable } from '@/models/table/model-table'
import { useKeyboardShortcuts } from '@/models/table/use-keyboard-shortcuts'
import { ClearFiltersButton } from '@/models/toolbar/clear-filters-button'
import { ModelsToolbar } from '@/models/toolbar/models-toolbar'
import { useCompareSelection } from '@/models/view/use-compare-selection'
import { useModelRows } from '@/models/view/use-model-rows'
import { useUrlState } from '@/models/view/url-state'

// Opened on demand: kept out of the initial bundle, one folder each.
const ModelPanel = lazy(() =>
  import('@/models/panel/model-panel').then((module) => ({ default: module.ModelPanel })),
)
const CompareView = lazy(() =>
  import('@/models/compare/compare-view').then((module) => ({ default: module.CompareView })),
)
const ShortcutsDialog = lazy(() =>
  import('@/models/table/shortcuts-dialog').then((module) => ({
    default: module.ShortcutsDialog,
  })),
)
// Fetched while idle, so that choosing Failed shows the strip in the same frame as the rows.
const loadTriage = preloadable(() => import('@/models/triage/failure-triage'))

function TriageStrip(props: FailureTriageProps) {
  const { FailureTriage } = use(loadTriage())
  return <FailureTriage {...props} />
}

/**
 * The models screen: toolbar, table, and the panel, compare view and triage strip on demand.
 * What it shows is the URL's view (url-state.ts) of the account's rows (use-model-rows.ts).
 */
export function ModelsScreen({
  models,
  credentials,
}: {
  models: Model[]
  credentials: Credentials
}) {
  const view = useUrlState()
  const { index, rows, countsFor, selection, sorting, search } = useModelRows(models, view)
  const statusChanges = useStatusChanges(models)
  const searchRef = useRef<HTMLInputElement>(null)
  const [density, setDensity] = usePreference('density', isDensity, 'comfortable')
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const [activeIndex, setActiveIndex] = useState(0)
  const [focusRequest, setFocusRequest] = useState(0)

  // Each is a scan of every model: built when a view first needs it, not before the first paint.
  const allKeys = useMemo(() => lazily(() => hyperparameterKeys(models)), [models])
  const byId = useMemo(
    () => lazily(() => new Map(models.map((model) => [model.modelId, model]))),
    [models],
  )
  const selected = view.selectedModel ? byId().get(view.selectedModel) : undefined
  const compare = useCompareSelection(view, byId)
  const comparing = view.comparing && compare.models.length >= 2

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
  const visible = useVisibleColumns(view.columns, allKeys, view.setColumns)

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

  useEffect(
    () =>
      whileIdle(() => {
        // A prefetch: offline, or if it fails, the strip loads when it is first shown.
        if (navigator.onLine) loadTriage().catch(() => undefined)
        return true
      }),
    [],
  )
  useDocumentTitle(
    comparing
      ? `Comparing ${compare.models.length} models`
      : view.selectedModel
        ? (selected?.modelName ?? 'Model not found')
        : rows.length === models.length
          ? 'All models'
          : `${formatCount(rows.length)} of ${plural(models.length, 'model')}`,
  )
  const terms = useMemo(() => searchTerms(search), [search])
  const openModel = useCallback((modelId: string) => view.setModel(modelId), [view])

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
      <ModelsToolbar
        searchRef={searchRef}
        search={{ value: view.search, onChange: view.setSearch }}
        filters={{
          index,
          selection,
          countsFor,
          onChange: view.setFacet,
          onClear: view.clearFilters,
        }}
        compare={{
          count: compare.models.length,
          onCompare: () => view.setComparing(true),
          onClear: compare.clear,
        }}
        columns={{
          visible: visible.ids,
          hyperparameterKeys: allKeys,
          varyingKeys: () => varyingHyperparameterKeys(models, rows),
          onChange: visible.change,
          onReset: () => visible.change(null),
        }}
        exporting={{
          count: rows.length,
          onExport: (format) =>
            // Loaded on first use: most visits never export.
            void import('@/models/toolbar/export-models').then(({ exportCsv, exportJson }) =>
              format === 'csv' ? exportCsv(models, rows, visible.ids) : exportJson(models, rows),
            ),
        }}
        density={{ value: density, onChange: setDensity }}
        onShortcuts={() => setShortcutsOpen(true)}
      />
      <output className="text-sm text-slate-600" aria-live="polite">
        {rows.length === models.length
          ? plural(models.length, 'model')
          : `${formatCount(rows.length)} of ${plural(models.length, 'model')}`}
      </output>
      <p aria-live="polite" className="-mt-2 text-sm text-amber-800 empty:hidden">
        {statusChanges.summary}
      </p>
      {triaging(selection) ? (
        <Suspense fallback={null}>
          <TriageStrip
            options={index.facet(failureColumnId)?.options ?? []}
            selected={selection[failureColumnId] ?? []}
            onChange={(values) => view.setFacet(failureColumnId, values)}
          />
        </Suspense>
      ) : null}
      {models.length === 0 ? (
        <EmptyState title="This account has no models yet">
          Models appear here once a Marqtune training task has been started.
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No models match">
          <ClearFiltersButton onClick={view.clearFilters} />
        </EmptyState>
      ) : (
        <div className="flex min-h-0 flex-1 gap-3">
          <HighlightTerms terms={terms}>
            <ModelTable
              models={models}
              columns={visible.columns}
              visibility={visible.visibility}
              sorting={sorting}
              onSortingChange={view.setSorting}
              rows={rows}
              density={density}
              activeIndex={active}
              focusRequest={focusRequest}
              selectedId={view.selectedModel}
              compared={compare.chosen}
              changed={statusChanges.ids}
              onActivate={setActiveIndex}
              onOpen={openModel}
              onToggleCompare={compare.toggle}
            />
          </HighlightTerms>
          {view.selectedModel ? (
            <Suspense fallback={<PanelLoading />}>
              <ModelPanel
                key={view.selectedModel}
                modelId={view.selectedModel}
                model={selected}
                models={models}
                credentials={credentials}
                onOpen={openModel}
                onClose={closePanel}
              />
            </Suspense>
          ) : null}
        </div>
      )}
      {shortcutsOpen ? (
        <Suspense fallback={null}>
          <ShortcutsDialog open onClose={() => setShortcutsOpen(false)} />
        </Suspense>
      ) : null}
      {comparing ? (
        <Suspense fallback={null}>
          <CompareView
            models={compare.models}
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

/** Triage shows once the failed models are asked for: by phase or status, or by a reason. */
function triaging(selection: Record<string, readonly string[]>): boolean {
  return (
    onlyFailed(selection[phaseFacetId]) ||
    onlyFailed(selection.status) ||
    (selection[failureColumnId] ?? []).length > 0
  )
}

function onlyFailed(values: readonly string[] = []): boolean {
  return values.length > 0 && values.every((value) => statusPhase(value) === 'failed')
}

function PanelLoading() {
  return (
    <div
      aria-busy="true"
      className="flex w-full items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-600 lg:w-[38rem] lg:flex-none"
    >
      Loading…
    </div>
  )
}

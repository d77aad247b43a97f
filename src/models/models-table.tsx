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
import { formatCount, plural } from '../lib/format'
import { lazily, whileIdle } from '../lib/lazy'
import { useDocumentTitle } from '../lib/use-document-title'
import { readPreference, writePreference } from '../lib/preferences'
import { failureColumnId } from './columns'
import type { FailureTriage as FailureTriageComponent } from './failure-triage'
import { hyperparameterKeys, varyingHyperparameterKeys } from './hyperparameters'
import { maxCompared, ModelGrid, type Density } from './model-grid'
import { searchTerms } from './model-filter'
import { ClearFiltersButton, ModelsToolbar } from './models-toolbar'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'
import { statusPhase } from './status'
import { useModelRows } from './use-model-rows'
import { useStatusChanges } from './use-status-changes'
import { useVisibleColumns } from './use-visible-columns'
import { useModelView } from './view-state'

// Opened on demand: kept out of the initial bundle.
const ModelPanel = lazy(() =>
  import('./model-panel').then((module) => ({ default: module.ModelPanel })),
)
const CompareView = lazy(() =>
  import('./compare-view').then((module) => ({ default: module.CompareView })),
)
// The triage strip's code is fetched while idle, so that choosing Failed shows it in the same
// frame as the failed models; until then it loads on first use.
let loadedTriage: typeof FailureTriageComponent | undefined
const loadTriage = () =>
  import('./failure-triage').then((module) => (loadedTriage = module.FailureTriage))
const LazyFailureTriage = lazy(() => loadTriage().then((component) => ({ default: component })))
const ShortcutsDialog = lazy(() =>
  import('./shortcuts-dialog').then((module) => ({ default: module.ShortcutsDialog })),
)

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
  const statusChanges = useStatusChanges(models)
  const searchRef = useRef<HTMLInputElement>(null)
  const [density, setDensity] = useState<Density>(
    () => readPreference('density', isDensity) ?? 'comfortable',
  )
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const [activeIndex, setActiveIndex] = useState(0)
  const [focusRequest, setFocusRequest] = useState(0)

  // Each is a scan of every model: built when a view first needs it, not before the first paint.
  const allKeys = useMemo(() => lazily(() => hyperparameterKeys(models)), [models])
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
  const {
    visible: visibleColumns,
    columns,
    visibility,
    change: changeColumns,
  } = useVisibleColumns(view.columns, allKeys, view.setColumns)

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

  // Triage shows once the failed models are asked for: by the Failed filter, or by a reason.
  const statusFilter = selection.status ?? []
  const triaging =
    (statusFilter.length > 0 && statusFilter.every((value) => statusPhase(value) === 'failed')) ||
    (selection[failureColumnId] ?? []).length > 0
  useEffect(
    () =>
      whileIdle(() => {
        // A prefetch: offline, or if it fails, the strip loads when it is first shown.
        if (navigator.onLine) loadTriage().catch(() => undefined)
        return true
      }),
    [],
  )
  const FailureTriage = loadedTriage ?? LazyFailureTriage
  useDocumentTitle(
    view.comparing && comparedModels.length >= 2
      ? `Comparing ${comparedModels.length} models`
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
        search={view.search}
        onSearch={view.setSearch}
        index={index}
        selection={selection}
        countsFor={countsFor}
        onFacet={view.setFacet}
        onClearFilters={view.clearFilters}
        comparedCount={comparedModels.length}
        onCompare={() => view.setComparing(true)}
        onClearCompare={() => view.setCompare([])}
        columns={{
          visible: visibleColumns,
          hyperparameterKeys: allKeys,
          varyingKeys: () => varyingHyperparameterKeys(models, rows),
          onChange: changeColumns,
          onReset: () => changeColumns(null),
        }}
        shownCount={rows.length}
        onExport={(format) =>
          // Loaded on first use: most visits never export.
          void import('./export-models').then(({ exportCsv, exportJson }) =>
            format === 'csv' ? exportCsv(models, rows, visibleColumns) : exportJson(models, rows),
          )
        }
        density={density}
        onDensity={(next) => {
          setDensity(next)
          writePreference('density', next)
        }}
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
      {triaging ? (
        <Suspense fallback={null}>
          <FailureTriage
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
            <ModelGrid
              models={models}
              columns={columns}
              visibility={visibility}
              sorting={sorting}
              onSortingChange={view.setSorting}
              rows={rows}
              density={density}
              activeIndex={active}
              focusRequest={focusRequest}
              selectedId={view.selectedModel}
              compared={compared}
              changed={statusChanges.ids}
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
                models={models}
                credentials={credentials}
                onOpen={(modelId) => view.setModel(modelId)}
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

function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-slate-200 bg-white px-6 py-12 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      <div className="text-sm text-slate-600">{children}</div>
    </div>
  )
}

import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { EmptyState } from '@/components/empty-state'
import { ErrorBoundary } from '@/components/error-boundary'
import { HighlightTerms } from '@/components/highlight'
import { useNotices } from '@/components/notices'
import { lazily } from '@/lib/once'
import { isDensity, readPreference, usePreference, writePreference } from '@/lib/preferences'
import { useMediaQuery } from '@/lib/use-media-query'
import { useModelActions } from '@/models/actions/use-model-actions'
import { useDocumentTitle } from '@/lib/use-document-title'
import { phaseFacetId } from '@/models/columns/column-registry'
import { failureColumnId } from '@/models/columns/model-columns'
import { useVisibleColumns } from '@/models/columns/use-visible-columns'
import { hyperparameterKeys, varyingHyperparameterKeys } from '@/models/domain/hyperparameters'
import { inProgressIds } from '@/models/domain/status'
import { searchTerms } from '@/models/engine/search-index'
import { useStatusChanges } from '@/models/live/use-status-changes'
import { ModelGrid, type GridHandle } from '@/models/table/model-grid'
import { PanelFrame } from '@/models/panel/panel-frame'
import { isColumnWidths } from '@/models/table/grid-layout'
import { useKeyboardShortcuts } from '@/models/table/use-keyboard-shortcuts'
import { ClearFiltersButton } from '@/models/toolbar/clear-filters-button'
import { AccountSummary } from '@/models/toolbar/account-summary'
import { exportFailure } from '@/models/toolbar/export-failure'
import { FailureTriage } from '@/models/toolbar/failure-triage'
import { ListStatus } from '@/models/toolbar/list-status'
import { ModelsToolbar } from '@/models/toolbar/models-toolbar'
import { useSelection } from '@/models/view/use-selection'
import { useModelRows } from '@/models/view/use-model-rows'
import { useUrlState } from '@/models/view/url-state'
import { viewTitle } from '@/models/view/view-title'
import { toggleWatching, useWatchedIds } from '@/models/watching/watched-models'
import { Watching } from '@/models/watching/watching'

import { CompareView, ShortcutsDialog, triaging, usePrefetchWhileIdle } from './on-demand'

/**
 * The models screen: toolbar, failure triage and table, and the panel and compare view on demand.
 * What it shows is the URL's view (url-state.ts) of the account's rows (use-model-rows.ts).
 */
export function ModelsScreen({
  models,
  credentials,
  listUpdatedAt = 0,
  freshness = null,
}: {
  models: Model[]
  credentials: Credentials
  /** When the list last arrived: a panel part that failed tries again then. */
  listUpdatedAt?: number
  /** How fresh the list is, and Refresh (the loader's). */
  freshness?: ReactNode
}) {
  const view = useUrlState()
  const { index, rows, countsFor, facets, unknown, sorting, search } = useModelRows(models, view)
  const statusChanges = useStatusChanges(models)
  const searchRef = useRef<HTMLInputElement>(null)
  const [density, setDensity] = usePreference('density', isDensity, 'comfortable')
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const gridRef = useRef<GridHandle>(null)
  const narrow = useMediaQuery('(max-width: 639px)')
  const [widths, setWidths] = useState(() => readPreference('columnWidths', isColumnWidths) ?? {})
  const changeWidths = useCallback((next: Record<string, number>, done: boolean) => {
    setWidths(next)
    if (done) writePreference('columnWidths', next)
  }, [])

  // Each is a scan of every model: built when a view first needs it, not before the first paint.
  const allKeys = useMemo(() => lazily(() => hyperparameterKeys(models)), [models])
  const byId = useMemo(
    () => lazily(() => new Map(models.map((model) => [model.modelId, model]))),
    [models],
  )
  const opened = view.openModelId ? byId().get(view.openModelId) : undefined
  const selection = useSelection(view, byId)
  const comparing = view.comparing && selection.comparable

  // Closing the panel returns the keyboard to the grid, on the row it was opened from.
  // Stable while the panel's model is: rows memoised on their callbacks stay put as the URL moves.
  const { setModel } = view
  const closePanel = useCallback(() => {
    setModel(null)
    requestAnimationFrame(() => {
      if (gridRef.current) gridRef.current.focus()
      else searchRef.current?.focus()
    })
  }, [setModel])
  const actions = useModelActions({
    credentials,
    byId,
    setSelection: selection.set,
    onDeletedOpen: closePanel,
  })
  const visible = useVisibleColumns(view.columns, allKeys, view.setColumns)

  const focusGrid = useCallback(() => {
    if (!rows.length || !gridRef.current) return false
    gridRef.current.focus()
    return true
  }, [rows.length])
  useKeyboardShortcuts({
    searchRef,
    focusGrid,
    openShortcuts: () => setShortcutsOpen(true),
    escape: () => {
      if (view.openModelId) closePanel()
      else if (view.search) view.setSearch('')
    },
  })
  const { ids: selectedIds, set: setSelected } = selection
  const selectMany = useCallback(
    (ids: string[], on: boolean) => {
      const chosen = new Set(selectedIds)
      for (const id of ids) {
        if (on) chosen.add(id)
        else chosen.delete(id)
      }
      setSelected([...chosen])
    },
    [selectedIds, setSelected],
  )
  const focusSearch = useCallback(() => searchRef.current?.focus(), [])

  usePrefetchWhileIdle()
  const watchedIds = useWatchedIds()
  // What finished while watched, counted in the title until the tab is looked at (Watching).
  const [titlePrefix, setTitlePrefix] = useState('')
  useDocumentTitle(
    titlePrefix +
      viewTitle({
        comparing: comparing ? selection.models.length : 0,
        openModelId: view.openModelId,
        opened,
        shown: rows.length,
        total: models.length,
      }),
  )
  const terms = useMemo(() => searchTerms(search), [search])
  const openModel = useCallback((modelId: string) => setModel(modelId), [setModel])

  const notices = useScreenNotices(statusChanges.summary)
  const exportShown = (format: 'csv' | 'json') =>
    // Loaded on first use: most visits never export.
    import('@/models/toolbar/export-models')
      .then(({ exportCsv, exportJson }) =>
        format === 'csv' ? exportCsv(models, rows, visible.ids) : exportJson(models, rows),
      )
      .catch((error: unknown) => notices.exportFailed(error))
  const inProgress = inProgressIds(index.models)
  const watchingAll = inProgress.length > 0 && inProgress.every((id) => watchedIds.includes(id))

  return (
    <section
      aria-label="Models"
      className="flex min-h-0 flex-1 flex-col gap-2"
      // The view the rows on screen were computed for, so tests and the benchmark can tell.
      data-rows={rows.length}
      data-search={search}
      data-sort={sorting.map((rule) => `${rule.desc ? '-' : ''}${rule.id}`).join(',')}
      data-facets={Object.entries(view.facets)
        .filter(([, values]) => values.length)
        .map(([id, values]) => `${id}=${values.join(',')}`)
        .join('&')}
    >
      <AccountSummary
        options={index.facet(phaseFacetId)?.options ?? []}
        selected={view.facets[phaseFacetId] ?? []}
        onChange={(values) => view.setFacet(phaseFacetId, values)}
      />
      <ModelsToolbar
        searchRef={searchRef}
        search={{ value: view.search, onChange: view.setSearch }}
        filters={{
          index,
          chosen: view.facets,
          unknown,
          countsFor,
          onChange: view.setFacet,
          onClear: view.clearFilters,
        }}
        columns={{
          visible: visible.ids,
          hyperparameterKeys: allKeys,
          varyingKeys: () => varyingHyperparameterKeys(models, rows),
          onChange: visible.change,
          onReset: () => visible.change(null),
        }}
        more={{
          density: { value: density, onChange: setDensity },
          watchAll: {
            watched: watchingAll,
            disabled: inProgress.length === 0,
            toggle: () => toggleWatching(inProgress, !watchingAll),
          },
          onExport: (format) => void exportShown(format),
          exportCount: rows.length,
          onShortcuts: () => setShortcutsOpen(true),
        }}
      />
      <ListStatus
        shown={rows.length}
        total={models.length}
        readOnly={actions.readOnly}
        freshness={freshness}
        selection={{
          count: selection.models.length,
          onCompare: () => view.setComparing(true),
          onClear: selection.clear,
          onDelete: actions.allowed
            ? () => actions.requestDelete(selection.models.map((model) => model.modelId))
            : undefined,
        }}
      />
      <ErrorBoundary what="The watched models">
        <Watching
          byId={byId}
          credentials={credentials}
          onOpen={openModel}
          onTitlePrefix={setTitlePrefix}
        />
      </ErrorBoundary>
      {actions.element}
      {triaging(facets) ? (
        // Part of this view's code (it is small): the strip comes in the same frame as the failed
        // models, and the grid below it never moves a moment later.
        <ErrorBoundary what="The failure triage">
          <FailureTriage
            options={index.facet(failureColumnId)?.options ?? []}
            selected={facets[failureColumnId] ?? []}
            onChange={(values) => view.setFacet(failureColumnId, values)}
          />
        </ErrorBoundary>
      ) : null}
      <div className="flex min-h-0 flex-1 gap-3">
        {models.length === 0 ? (
          <EmptyState title="This account has no models yet">
            Models appear here once a Marqtune training task has been started.
          </EmptyState>
        ) : rows.length === 0 ? (
          <EmptyState title="No models match">
            <ClearFiltersButton onClick={view.clearFilters} />
          </EmptyState>
        ) : (
          <ErrorBoundary what="The models grid">
            <HighlightTerms terms={terms}>
              <ModelGrid
                handle={gridRef}
                models={models}
                columns={visible.columns}
                sorting={sorting}
                onSortingChange={view.setSorting}
                rows={rows}
                density={density}
                narrow={narrow}
                openId={view.openModelId}
                selected={selection.ids}
                changed={statusChanges.ids}
                deleting={actions.deleting}
                onOpen={openModel}
                onToggleSelected={selection.toggle}
                onSelectMany={selectMany}
                widths={widths}
                onWidthsChange={changeWidths}
                onLeaveTop={focusSearch}
              />
            </HighlightTerms>
          </ErrorBoundary>
        )}
        {view.openModelId ? (
          <PanelFrame
            key={view.openModelId}
            modelId={view.openModelId}
            model={opened}
            models={models}
            credentials={credentials}
            onOpen={openModel}
            onClose={closePanel}
            tab={view.openTab}
            onTab={view.setTab}
            listUpdatedAt={listUpdatedAt}
            actions={{
              readOnly: !actions.allowed,
              deleting: actions.deleting.has(view.openModelId),
              onDelete: () => actions.requestDelete([view.openModelId!], true),
            }}
          />
        ) : null}
      </div>
      {shortcutsOpen ? (
        <Suspense fallback={null}>
          <ShortcutsDialog open onClose={() => setShortcutsOpen(false)} />
        </Suspense>
      ) : null}
      {comparing ? (
        <ErrorBoundary what="The comparison">
          <Suspense fallback={null}>
            <CompareView
              models={selection.models}
              credentials={credentials}
              onOpen={(modelId) => {
                view.setComparing(false)
                view.setModel(modelId)
              }}
              onClose={() => view.setComparing(false)}
            />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </section>
  )
}

/**
 * What the screen says in the notice region (watching says its own): status changes between
 * fetches, and an export that failed.
 */
function useScreenNotices(statusChanges: string) {
  const { notify } = useNotices()
  useEffect(() => {
    if (statusChanges) notify({ id: 'status-changes', tone: 'info', text: statusChanges })
  }, [statusChanges, notify])
  return { exportFailed: (error: unknown) => notify(exportFailure(error)) }
}

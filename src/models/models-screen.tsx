import { Suspense, useCallback, useMemo, useRef, useState } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { EmptyState } from '@/components/empty-state'
import { ErrorBoundary } from '@/components/error-boundary'
import { HighlightTerms } from '@/components/highlight'
import { formatCount, plural } from '@/lib/format'
import { lazily } from '@/lib/once'
import { isDensity, usePreference } from '@/lib/preferences'
import { useModelActions } from '@/models/actions/use-model-actions'
import { useDocumentTitle } from '@/lib/use-document-title'
import { phaseFacetId } from '@/models/columns/column-registry'
import { failureColumnId } from '@/models/columns/model-columns'
import { useVisibleColumns } from '@/models/columns/use-visible-columns'
import { hyperparameterKeys, varyingHyperparameterKeys } from '@/models/domain/hyperparameters'
import { searchTerms } from '@/models/engine/search-index'
import { useStatusChanges } from '@/models/live/use-status-changes'
import { ModelTable } from '@/models/table/model-table'
import { useActiveRow } from '@/models/table/use-active-row'
import { useKeyboardShortcuts } from '@/models/table/use-keyboard-shortcuts'
import { ClearFiltersButton } from '@/models/toolbar/clear-filters-button'
import { AccountSummary } from '@/models/toolbar/account-summary'
import { ModelsToolbar } from '@/models/toolbar/models-toolbar'
import { useSelection } from '@/models/view/use-selection'
import { useModelRows } from '@/models/view/use-model-rows'
import { useUrlState } from '@/models/view/url-state'
import { viewTitle } from '@/models/view/view-title'
import { Watching } from '@/models/watching/watching'

import {
  CompareView,
  ModelPanel,
  PanelLoading,
  ShortcutsDialog,
  TriageStrip,
  triaging,
  usePrefetchTriage,
} from './on-demand'

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
  const { index, rows, countsFor, facets, sorting, search } = useModelRows(models, view)
  const statusChanges = useStatusChanges(models)
  const searchRef = useRef<HTMLInputElement>(null)
  const [density, setDensity] = usePreference('density', isDensity, 'comfortable')
  const [shortcutsOpen, setShortcutsOpen] = useState(false)

  // Each is a scan of every model: built when a view first needs it, not before the first paint.
  const allKeys = useMemo(() => lazily(() => hyperparameterKeys(models)), [models])
  const byId = useMemo(
    () => lazily(() => new Map(models.map((model) => [model.modelId, model]))),
    [models],
  )
  const opened = view.openModelId ? byId().get(view.openModelId) : undefined
  const selection = useSelection(view, byId)
  const comparing = view.comparing && selection.comparable

  // Closing the panel returns focus to the row it was opened from.
  // Stable while the panel's model is: rows memoised on their callbacks stay put as the URL moves.
  const { openModelId, setModel } = view
  const closePanel = useCallback(() => {
    const closing = openModelId
    setModel(null)
    requestAnimationFrame(() => {
      const row = closing
        ? document.querySelector<HTMLButtonElement>(
            `button[data-model-id="${CSS.escape(closing)}"]`,
          )
        : null
      ;(row ?? searchRef.current)?.focus()
    })
  }, [openModelId, setModel])
  const actions = useModelActions({
    credentials,
    byId,
    setSelection: selection.set,
    onDeletedOpen: closePanel,
  })
  const visible = useVisibleColumns(view.columns, allKeys, view.setColumns)

  const { active, setActive, focusRequest, focusRow } = useActiveRow(rows.length)

  useKeyboardShortcuts({
    searchRef,
    active,
    hasRows: rows.length > 0,
    focusRow,
    openShortcuts: () => setShortcutsOpen(true),
    escape: () => {
      if (view.openModelId) closePanel()
      else if (view.search) view.setSearch('')
    },
  })

  usePrefetchTriage()
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

  return (
    <section
      aria-label="Models"
      className="flex min-h-0 flex-1 flex-col gap-3"
      // The view the rows on screen were computed for, so tests and the benchmark can tell.
      data-rows={rows.length}
      data-search={search}
      data-sort={sorting.map((rule) => `${rule.desc ? '-' : ''}${rule.id}`).join(',')}
      data-facets={Object.entries(facets)
        .filter(([, values]) => values.length)
        .map(([id, values]) => `${id}=${values.join(',')}`)
        .join('&')}
    >
      <AccountSummary
        options={index.facet(phaseFacetId)?.options ?? []}
        selected={facets[phaseFacetId] ?? []}
        onChange={(values) => view.setFacet(phaseFacetId, values)}
      />
      <ModelsToolbar
        searchRef={searchRef}
        search={{ value: view.search, onChange: view.setSearch }}
        filters={{
          index,
          facets,
          countsFor,
          onChange: view.setFacet,
          onClear: view.clearFilters,
        }}
        selection={{
          count: selection.models.length,
          onCompare: () => view.setComparing(true),
          onClear: selection.clear,
          onDelete: actions.allowed
            ? () => actions.requestDelete(selection.models.map((model) => model.modelId))
            : undefined,
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
            import('@/models/toolbar/export-models').then(({ exportCsv, exportJson }) =>
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
        <ErrorBoundary what="The failure triage">
          <Suspense fallback={null}>
            <TriageStrip
              options={index.facet(failureColumnId)?.options ?? []}
              selected={facets[failureColumnId] ?? []}
              onChange={(values) => view.setFacet(failureColumnId, values)}
            />
          </Suspense>
        </ErrorBoundary>
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
          <ErrorBoundary what="The table">
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
                openId={view.openModelId}
                selected={selection.ids}
                changed={statusChanges.ids}
                onActivate={setActive}
                onOpen={openModel}
                onToggleSelected={selection.toggle}
                deleting={actions.deleting}
              />
            </HighlightTerms>
          </ErrorBoundary>
          {view.openModelId ? (
            <ErrorBoundary key={view.openModelId} what="This model's panel">
              <Suspense fallback={<PanelLoading />}>
                <ModelPanel
                  key={view.openModelId}
                  modelId={view.openModelId}
                  model={opened}
                  models={models}
                  credentials={credentials}
                  onOpen={openModel}
                  onClose={closePanel}
                  actions={{
                    readOnly: !actions.allowed,
                    deleting: actions.deleting.has(view.openModelId),
                    onDelete: () => actions.requestDelete([view.openModelId!], true),
                  }}
                />
              </Suspense>
            </ErrorBoundary>
          ) : null}
        </div>
      )}
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

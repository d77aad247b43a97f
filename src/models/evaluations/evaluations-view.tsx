import { useMemo, useState } from 'react'

import { ApiError } from '@/api/api-error'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { Alert } from '@/components/alert'
import { Button } from '@/components/button'
import { EmptyState } from '@/components/empty-state'
import { TimeAgo } from '@/components/time-ago'
import { formatCount, plural } from '@/lib/format'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useMediaQuery } from '@/lib/use-media-query'
import type { Evaluation } from '@/api/evaluation-schema'
import {
  evaluationRows,
  filterEvaluationRows,
  phaseCounts,
  sortEvaluationRows,
  type EvaluationRow,
} from '@/models/domain/evaluation-rows'
import { AccountSummary } from '@/models/toolbar/account-summary'
import { ClearFiltersButton } from '@/models/toolbar/clear-filters-button'
import { ScreenSwitch } from '@/models/toolbar/screen-switch'
import { useEvaluationsUrlState } from '@/models/view/evaluations-url-state'
import { useEvaluationReadings } from '@/models/view/use-evaluation-readings'
import { useScreen } from '@/models/view/url-state'

import { EvaluationCards } from './evaluation-cards'
import { EvaluationsTable } from './evaluations-table'
import { useAccountEvaluations } from './use-account-evaluations'

function titleOf(error: Error): string {
  return error instanceof ApiError ? error.title : 'Something went wrong'
}

/**
 * Every evaluation of the account (`?view=evaluations`): its status, dataset, model and
 * checkpoint (a link to the model's panel when the account holds it), its key metrics and why it
 * failed; searchable, filterable by phase and sortable, in the URL. Asked again while any is on
 * its way; a failed refresh keeps the rows shown and says so.
 */
export function EvaluationsView({
  models,
  credentials,
}: {
  models: readonly Model[]
  credentials: Credentials
}) {
  const view = useEvaluationsUrlState()
  const { openModel } = useScreen()
  const { list, datasets, datasetsById } = useAccountEvaluations(credentials)
  const listed = list.data?.evaluations
  const readings = useEvaluationReadings(credentials, listed ?? noEvaluations)
  const narrow = useMediaQuery('(max-width: 639px)')
  const [previous] = useState(() => new WeakMap<Evaluation, EvaluationRow>())

  const all = useMemo(
    () =>
      evaluationRows(readings.evaluations, {
        models,
        datasets: datasetsById,
        metricsOf: readings.metricsOf,
        previous,
      }),
    [readings, models, datasetsById, previous],
  )
  const rows = useMemo(
    () =>
      sortEvaluationRows(
        filterEvaluationRows(all, { search: view.search, phase: view.phase }),
        view.sort,
      ),
    [all, view.search, view.phase, view.sort],
  )
  const counts = useMemo(() => phaseCounts(all), [all])
  const filtered = view.search !== '' || view.phase !== null
  // The tab names the view, as the models screen's does (`· Marqtune Models` is added).
  useDocumentTitle(
    !listed
      ? 'Evaluations'
      : rows.length === listed.length
        ? 'All evaluations'
        : `${formatCount(rows.length)} of ${plural(listed.length, 'evaluation')}`,
  )

  const state = { reading: readings.reading, failures: readings.failures }
  const refreshFailed = list.data && list.error ? list.error : undefined

  // On a phone, cards instead of a squeezed table: the two take the same props.
  const Rows = narrow ? EvaluationCards : EvaluationsTable
  let body
  // Data first: a failed refresh never blanks the rows shown.
  if (listed) {
    body =
      listed.length === 0 ? (
        <EmptyState title="This account has no evaluations yet">
          {list.data?.rejected.length
            ? `The service listed ${plural(list.data.rejected.length, 'entry', 'entries')}, none of them readable as an evaluation.`
            : 'Evaluations appear here once one has been started on a checkpoint or a base model.'}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState title="No evaluations match">
          <ClearFiltersButton onClick={view.clearFilters} />
        </EmptyState>
      ) : (
        <Rows
          rows={rows}
          sort={view.sort}
          onSort={view.setSort}
          state={state}
          onOpenModel={openModel}
        />
      )
  } else if (list.error) {
    body = (
      <Alert
        title={`The evaluations could not be loaded: ${titleOf(list.error)}`}
        action={
          <Button onClick={() => void list.refetch()} disabled={list.isFetching}>
            {list.isFetching ? 'Retrying…' : 'Retry'}
          </Button>
        }
      >
        {list.error.message}
      </Alert>
    )
  } else {
    body = (
      <output className="block py-12 text-center text-sm text-muted-foreground">
        Loading evaluations…
      </output>
    )
  }

  return (
    <section
      aria-label="Evaluations"
      className="flex min-h-0 flex-1 flex-col gap-2"
      data-rows={listed ? rows.length : undefined}
    >
      <AccountSummary
        noun="evaluation"
        options={[...counts].map(([key, total]) => ({ key, total }))}
        selected={view.phase ? [view.phase] : []}
        onChange={(values) => view.setPhase(values[0] ?? null)}
      />
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor="evaluation-search">
          Search evaluations
        </label>
        <input
          id="evaluation-search"
          type="search"
          value={view.search}
          onChange={(event) => view.setSearch(event.target.value)}
          placeholder="Search evaluations…"
          autoComplete="off"
          spellCheck={false}
          className="min-h-8 w-72 rounded-md border border-input bg-surface px-3 text-sm text-foreground shadow-xs placeholder:text-muted-foreground max-sm:min-w-0 max-sm:flex-1"
        />
        {filtered ? <ClearFiltersButton onClick={view.clearFilters} /> : null}
        <p className="text-xs text-muted-foreground max-sm:hidden">
          Metrics from the service’s describe, else from the evaluation’s log (marked log).
        </p>
      </div>
      <div className="flex h-8 flex-none items-center gap-2 overflow-x-auto text-sm whitespace-nowrap">
        <ScreenSwitch />
        <output aria-live="polite" className="text-muted-foreground">
          {listed
            ? rows.length === listed.length
              ? plural(listed.length, 'evaluation')
              : `${formatCount(rows.length)} of ${plural(listed.length, 'evaluation')}`
            : null}
        </output>
        {readings.reading.size ? (
          <span className="text-xs text-muted-foreground">
            · reading the numbers of {plural(readings.reading.size, 'evaluation')}…
          </span>
        ) : null}
        {list.data?.rejected.length && listed?.length ? (
          <span className="text-xs text-warning-text">
            · {plural(list.data.rejected.length, 'entry', 'entries')} of the list not readable as
            evaluations
          </span>
        ) : null}
        {datasets.error && !datasets.data ? (
          <span className="text-xs text-warning-text" title={datasets.error.message}>
            · dataset names unavailable: ids shown
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-1.5 text-xs text-muted-foreground">
          {refreshFailed ? (
            <span role="alert" className="text-danger-text" title={refreshFailed.message}>
              Refreshing failed: {titleOf(refreshFailed)}. Shown as of{' '}
              {new Date(list.dataUpdatedAt).toLocaleTimeString()}.
            </span>
          ) : list.data ? (
            list.isFetching ? (
              'Refreshing…'
            ) : (
              // A phone keeps Refresh in view rather than the time.
              <span className="max-sm:hidden">
                <TimeAgo at={list.dataUpdatedAt} wording={(ago) => `Updated ${ago}`} />
              </span>
            )
          ) : null}
          {list.data ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => void list.refetch()}
              disabled={list.isFetching}
            >
              Refresh
            </Button>
          ) : null}
        </span>
      </div>
      {body}
    </section>
  )
}

const noEvaluations: never[] = []

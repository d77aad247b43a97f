import { lazy, use, useEffect } from 'react'

import { preloadable, preloadWhileIdle } from '@/lib/preload'
import { phaseFacetId } from '@/models/columns/column-registry'
import { failureColumnId } from '@/models/columns/model-columns'
import { statusPhase } from '@/models/domain/status'
import type { FailureTriageProps } from '@/models/toolbar/failure-triage'

// Opened on demand: kept out of the initial bundle, one folder each.
export const ModelPanel = lazy(() =>
  import('@/models/panel/model-panel').then((module) => ({ default: module.ModelPanel })),
)
export const CompareView = lazy(() =>
  import('@/models/panel/compare-view').then((module) => ({ default: module.CompareView })),
)
export const ShortcutsDialog = lazy(() =>
  import('@/models/table/shortcuts-dialog').then((module) => ({
    default: module.ShortcutsDialog,
  })),
)
// Fetched while idle, so that choosing Failed shows the strip in the same frame as the rows.
const loadTriage = preloadable(() => import('@/models/toolbar/failure-triage'))

export function TriageStrip(props: FailureTriageProps) {
  const { FailureTriage } = use(loadTriage())
  return <FailureTriage {...props} />
}

/** Fetches the triage strip's code while idle; offline, or if that fails, it loads when shown. */
export function usePrefetchTriage() {
  useEffect(() => preloadWhileIdle(loadTriage), [])
}

/** Triage shows once the failed models are asked for: by phase or status, or by a reason. */
export function triaging(selection: Record<string, readonly string[]>): boolean {
  return (
    onlyFailed(selection[phaseFacetId]) ||
    onlyFailed(selection.status) ||
    (selection[failureColumnId] ?? []).length > 0
  )
}

function onlyFailed(values: readonly string[] = []): boolean {
  return values.length > 0 && values.every((value) => statusPhase(value) === 'failed')
}

export function PanelLoading() {
  return (
    <div
      aria-busy="true"
      className="flex w-full items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-600 lg:w-[38rem] lg:flex-none"
    >
      Loading…
    </div>
  )
}

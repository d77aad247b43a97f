import { lazy, useEffect } from 'react'

import { preloadWhileIdle } from '@/lib/preload'
import { phaseFacetId } from '@/models/columns/column-registry'
import { failureColumnId } from '@/models/columns/model-columns'
import { statusPhase } from '@/models/domain/status'
import { loadPanelBody } from '@/models/panel/panel-frame'

// Opened on demand: kept out of the initial bundle, one folder each.
export const CompareView = lazy(() =>
  import('@/models/panel/compare-view').then((module) => ({ default: module.CompareView })),
)
// Every evaluation of the account (`?view=evaluations`): its own chunk, loaded when first shown.
export const EvaluationsView = lazy(() =>
  import('@/models/evaluations/evaluations-view').then((module) => ({
    default: module.EvaluationsView,
  })),
)
export const ShortcutsDialog = lazy(() =>
  import('@/models/table/shortcuts-dialog').then((module) => ({
    default: module.ShortcutsDialog,
  })),
)
/**
 * Fetches the code of a model's details while idle: opening a model (the most common thing
 * people do) then shows it in the same frame. Offline, or if that fails, it loads when first shown.
 */
export function usePrefetchWhileIdle() {
  useEffect(() => preloadWhileIdle(loadPanelBody), [])
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

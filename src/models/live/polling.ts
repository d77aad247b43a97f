import type { Evaluation } from '@/api/evaluation-schema'
import type { Model } from '@/api/model-schema'
import { isEvaluating } from '@/models/domain/evaluation-status'
import { inProgressIds } from '@/models/domain/status'

/** True while a model can still change by itself: worth polling for. */
export function hasActiveModels(models: readonly Model[]): boolean {
  return inProgressIds(models).length > 0
}

/** True while an evaluation can still change by itself: its list is polled as the models' is. */
export function hasActiveEvaluations(evaluations: readonly Evaluation[]): boolean {
  return evaluations.some(isEvaluating)
}

/**
 * How often the list refreshes while some model is still on its way (never while the tab is
 * hidden): every 10 s, and 1 ms per model beyond that, so a 100,000-model account (55 MB a
 * fetch) is asked every 100 s.
 */
export function pollIntervalMs(modelCount: number): number {
  return Math.max(10_000, modelCount)
}

import type { Model } from '@/api/model-schema'
import { inProgressIds } from '@/models/domain/status'

/** True while a model can still change by itself: worth polling for. */
export function hasActiveModels(models: readonly Model[]): boolean {
  return inProgressIds(models).length > 0
}

/**
 * How often the list refreshes while some model is still on its way (never while the tab is
 * hidden): every 10 s, and 1 ms per model beyond that, so a 100,000-model account (55 MB a
 * fetch) is asked every 100 s.
 */
export function pollIntervalMs(modelCount: number): number {
  return Math.max(10_000, modelCount)
}

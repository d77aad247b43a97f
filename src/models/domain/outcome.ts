import type { Model } from '@/api/model-schema'
import { plural } from '@/lib/format'
import { phaseOf } from './status'

/** How a finished model ended, for a notification: `ready, 5 checkpoints`, `failed: <first line>`. */
export function outcomeText(model: Model): string {
  const phase = phaseOf(model)
  if (phase === 'ready') return `${model.status}, ${plural(model.checkpoints.length, 'checkpoint')}`
  if (phase === 'failed') {
    const first = model.failureReason
      ?.split('\n')
      .find((line) => line.trim())
      ?.trim()
    return first ? `${model.status}: ${first}` : `${model.status} (no reason given)`
  }
  return model.status
}

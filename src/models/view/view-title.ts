import type { Model } from '@/api/model-schema'
import { formatCount, plural } from '@/lib/format'
import { displayName } from '@/models/domain/model-fields'

/** The tab's title for what is open: a comparison, a model, or the rows shown. */
export function viewTitle({
  comparing,
  openModelId,
  opened,
  shown,
  total,
}: {
  /** How many models are compared; 0 when the comparison is not open. */
  comparing: number
  /** The model whose panel is open, and that model when the account has it. */
  openModelId: string | null
  opened: Model | undefined
  shown: number
  total: number
}): string {
  if (comparing) return `Comparing ${comparing} models`
  if (openModelId) return opened ? displayName(opened) : 'Model not found'
  return shown === total ? 'All models' : `${formatCount(shown)} of ${plural(total, 'model')}`
}

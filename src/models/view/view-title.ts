import type { Model } from '@/api/model-schema'
import { formatCount, plural } from '@/lib/format'
import { displayName } from '@/models/domain/model-fields'

/** The tab's title for what is open: a comparison, a model, or the rows shown. */
export function viewTitle({
  comparing,
  selectedModel,
  selected,
  shown,
  total,
}: {
  /** How many models are compared; 0 when the comparison is not open. */
  comparing: number
  selectedModel: string | null
  selected: Model | undefined
  shown: number
  total: number
}): string {
  if (comparing) return `Comparing ${comparing} models`
  if (selectedModel) return selected ? displayName(selected) : 'Model not found'
  return shown === total ? 'All models' : `${formatCount(shown)} of ${plural(total, 'model')}`
}

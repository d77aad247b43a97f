import type { Model } from '../api/model-schema'

/** Everything a search looks in, lower-cased once per response rather than per keystroke. */
export function searchTextOf(model: Model): string {
  return [
    model.modelName,
    model.modelId,
    model.status,
    model.secondaryStatus,
    model.baseModel,
    model.baseCheckpoint,
    model.instanceType,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase()
}

export function filterModels(models: Model[], searchTexts: string[], query: string): Model[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return models
  return models.filter((_, index) => searchTexts[index]?.includes(needle))
}

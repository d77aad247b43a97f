import type { WireModel } from './wire-model'

/**
 * What release and delete change in an emulated account, kept beside the models rather than in
 * them: the seed stays as it is, and a reset (`DELETE /__emulator/state`) brings every deleted
 * model back for the next test.
 */
export function modelActions({ keepDeleted }: { keepDeleted: boolean }) {
  const deleted = new Set<string>()
  const released = new Map<string, Set<string>>()

  /** The model as the service shows it now: as it was, `deleted`, or gone. */
  function shown(model: WireModel): WireModel | undefined {
    if (!deleted.has(model.modelId)) return model
    return keepDeleted ? { ...model, status: 'deleted', secondaryStatus: 'deleted' } : undefined
  }

  return {
    shown,
    list: (models: WireModel[]) =>
      deleted.size ? models.flatMap((model) => shown(model) ?? []) : models,
    isDeleted: (modelId: string) => deleted.has(modelId),
    delete: (modelId: string) => void deleted.add(modelId),
    release(modelId: string, checkpoint: string) {
      const checkpoints = released.get(modelId) ?? new Set()
      released.set(modelId, checkpoints.add(checkpoint))
    },
    releasedOf: (modelId: string) => [...(released.get(modelId) ?? [])],
    reset() {
      deleted.clear()
      released.clear()
    },
  }
}

export type ModelActions = ReturnType<typeof modelActions>

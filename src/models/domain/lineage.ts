import type { Model } from '@/api/model-schema'
import { uuidSource } from '@common/model-id'

/** A base model that names a checkpoint of another Marqtuned model: `<modelId>/epoch_N`. */
export type BaseReference = { modelId: string; checkpoint: string }

const referencePattern = new RegExp(`^(${uuidSource})/([^/\\s]+)$`, 'i')

export function baseReference(baseModel: string): BaseReference | undefined {
  const match = referencePattern.exec(baseModel.trim())
  return match ? { modelId: match[1]!.toLowerCase(), checkpoint: match[2]! } : undefined
}

/** The reference other tools take for a checkpoint of a model: `<modelId>/epoch_3`. */
export function checkpointReference(modelId: string, checkpoint: string): string {
  return `${modelId}/${checkpoint}`
}

export type Lineage = {
  /** The model this one was trained from, when it is in the account. */
  parentOf: (model: Model) => { parent: Model | undefined; reference: BaseReference } | undefined
  /** The models trained from one of this model's checkpoints, in the service's order. */
  childrenOf: (modelId: string) => Model[]
}

/** Parents and children across the account, indexed once per response. */
export function buildLineage(models: readonly Model[]): Lineage {
  const byId = new Map<string, Model>()
  const children = new Map<string, Model[]>()
  for (const model of models) byId.set(model.modelId.toLowerCase(), model)
  for (const model of models) {
    const reference = baseReference(model.baseModel)
    if (!reference) continue
    const siblings = children.get(reference.modelId) ?? []
    siblings.push(model)
    children.set(reference.modelId, siblings)
  }
  return {
    parentOf: (model) => {
      const reference = baseReference(model.baseModel)
      return reference ? { parent: byId.get(reference.modelId), reference } : undefined
    },
    childrenOf: (modelId) => children.get(modelId.toLowerCase()) ?? [],
  }
}

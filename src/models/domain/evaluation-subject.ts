import type { Evaluation } from '@/api/evaluation-schema'
import type { Model } from '@/api/model-schema'

/**
 * What an evaluation evaluated, tied to the account's models: a checkpoint or a model (with the
 * model when it is in the account, for a link), a base model by name, or nothing named
 * (unlinked: shown, never dropped).
 */
export type EvaluationSubject =
  | { kind: 'checkpoint'; modelId: string; checkpoint: string; model: Model | undefined }
  | { kind: 'model'; modelId: string; model: Model | undefined }
  | { kind: 'base'; name: string }
  | { kind: 'unlinked' }

/** Looks a model up by id, whatever the case of either: built once per list. */
export function modelFinder(models: readonly Model[]): (modelId: string) => Model | undefined {
  const byId = new Map(models.map((model) => [model.modelId.toLowerCase(), model]))
  return (modelId) => byId.get(modelId.toLowerCase())
}

export function evaluationSubject(
  { model: named }: Evaluation,
  findModel: (modelId: string) => Model | undefined,
): EvaluationSubject {
  if (!named) return { kind: 'unlinked' }
  if (named.kind !== 'base') {
    const { modelId } = named
    const model = findModel(modelId)
    return named.kind === 'checkpoint'
      ? { kind: 'checkpoint', modelId, checkpoint: named.checkpoint, model }
      : { kind: 'model', modelId, model }
  }
  // `<modelId>/<checkpoint>` of a model whose id is not a UUID (the reader only knows UUIDs).
  const slash = named.reference.indexOf('/')
  const model = slash > 0 ? findModel(named.reference.slice(0, slash)) : undefined
  if (model && slash < named.reference.length - 1) {
    const checkpoint = named.reference.slice(slash + 1)
    return { kind: 'checkpoint', modelId: model.modelId, checkpoint, model }
  }
  return { kind: 'base', name: named.reference }
}

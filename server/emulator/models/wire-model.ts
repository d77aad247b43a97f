/** A model as the Marqtune API sends it (see docs/marqtune-api.md), loose where the service is. */
export type WireModel = {
  modelId: string
  modelName: string
  status: string
  secondaryStatus: string
  failureReason?: string
  baseModel: string
  baseCheckpoint?: string
  instanceType: string
  maxTrainingTime?: number | string
  checkpoints: string[]
  hyperparameters: Record<string, unknown> | string
  [extraField: string]: unknown
}

export function epochCheckpoints(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `epoch_${index + 1}`)
}

/** `hyperparameters.epochs`, or one: the service's default is not published. */
export function plannedEpochs(model: WireModel): number {
  const { hyperparameters } = model
  const epochs = typeof hyperparameters === 'object' ? hyperparameters.epochs : undefined
  return typeof epochs === 'number' && Number.isInteger(epochs) && epochs > 0 ? epochs : 1
}

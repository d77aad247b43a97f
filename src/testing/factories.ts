import { parseModelList, type Model } from '@/api/model-schema'
import { fixtureAccount } from '../../server/emulator/accounts'

/** The fixtures account the tests run against (the demo's models and more), read by the app. */
export function fixtureModels(): Model[] {
  return parseModelList({ models: fixtureAccount.models }).models
}

let counter = 0

/** One model as the parser would produce it, with only what a test cares about spelt out. */
export function makeModel(fields: Partial<Model> = {}): Model {
  counter++
  return {
    modelId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    modelName: `model-${counter}`,
    status: 'ready',
    secondaryStatus: fields.status ?? 'ready',
    failureReason: undefined,
    baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    baseCheckpoint: undefined,
    instanceType: 'marqtune.basic',
    maxTrainingTime: undefined,
    checkpoints: [],
    hyperparameters: {},
    hyperparametersText: undefined,
    extra: {},
    warnings: [],
    ...fields,
  }
}

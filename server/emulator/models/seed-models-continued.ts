import { trainingDatasets } from '../datasets/dataset-ids'
import { apparelCandidate, apparelV3, hyperparameters, productSearchL14 } from './seed-parts'
import { epochCheckpoints, type WireModel } from './wire-model'

/** The demo account's second half, listed after seed-models.ts's own entries. */
export const laterSeedModels: WireModel[] = [
  {
    // Deliberately odd: a status no documentation lists, shown as it is. The official client's
    // wait_for_completion raises "Unknown status" on it.
    modelId: '428af06a-c5db-4fc7-9bae-60dccdff6c5d',
    modelName: 'archive-import-2024-q4',
    status: 'Archived',
    secondaryStatus: 'Archived',
    baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    instanceType: 'marqtune.basic',
    checkpoints: epochCheckpoints(5),
    hyperparameters: hyperparameters(),
  },
  {
    // A field the docs do not know yet: kept and shown. It names the dataset it was trained on.
    modelId: '9bb490b3-d6f3-4494-9acd-4a4407c991d4',
    modelName: 'beauty-vit-b16-v1',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-B-16.laion2b_s34b_b88k',
    instanceType: 'marqtune.basic',
    maxTrainingTime: 21600,
    checkpoints: epochCheckpoints(5),
    hyperparameters: hyperparameters(),
    datasetId: trainingDatasets.imageText,
  },
  {
    // Chained from the 40-epoch model's 12th checkpoint.
    modelId: '4153245b-b5da-4e7d-a1a3-8e5c2a761a52',
    modelName: 'vit-l14-product-search-distil',
    status: 'running',
    secondaryStatus: 'running',
    baseModel: `${productSearchL14}/epoch_12`,
    instanceType: 'marqtune.performance',
    maxTrainingTime: 86400,
    checkpoints: epochCheckpoints(7),
    hyperparameters: hyperparameters({ epochs: 15, lr: 1e-6 }),
  },
  {
    // A failure message of a different kind: a time limit.
    modelId: '0b5179fa-6148-4db7-a8f7-b258d9ea9a35',
    modelName: 'jewellery-vit-l14-long',
    status: 'failed',
    secondaryStatus: 'failed',
    failureReason: 'Training exceeded maxTrainingTime (3600 s) and was terminated.',
    baseModel: 'Marqo/ViT-L-14.laion2b_s32b_b82k',
    instanceType: 'marqtune.basic',
    maxTrainingTime: 3600,
    checkpoints: epochCheckpoints(1),
    hyperparameters: hyperparameters({ epochs: 30 }),
  },
  {
    // Stopped before its first epoch ended.
    modelId: '26ca5721-6e3e-48c6-b2ba-f85fa00c0d28',
    modelName: 'toys-vit-h14-trial',
    status: 'stopped',
    secondaryStatus: 'stopped',
    baseModel: 'Marqo/ViT-H-14.laion2b_s32b_b79k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 1800,
    checkpoints: [],
    hyperparameters: hyperparameters({ epochs: 5, batchSize: 128 }),
  },
  {
    modelId: apparelCandidate,
    modelName: 'gs-apparel-v5-candidate',
    status: 'running',
    secondaryStatus: 'running',
    baseModel: `${apparelV3}/epoch_3`,
    instanceType: 'marqtune.basic',
    maxTrainingTime: 7200,
    checkpoints: epochCheckpoints(1),
    hyperparameters: hyperparameters({ epochs: 5, wd: 0.05 }),
  },
  {
    // A long name, to see truncation and wrapping hold up.
    modelId: '7bb1171d-0957-4b55-a139-2f0d101de720',
    modelName: 'marketplace-listings-multimodal-retrieval-with-title-and-description-fields-v12',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-B-16.laion2b_s34b_b88k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 36000,
    checkpoints: epochCheckpoints(12),
    hyperparameters: hyperparameters({
      epochs: 12,
      rightKeys: ['image', 'title', 'description'],
      rightWeights: [0.6, 0.3, 0.1],
    }),
  },
  {
    // Deleted models may still be listed for a while.
    modelId: '71051463-1c21-43e3-bc0f-a03f0ef1a2d4',
    modelName: 'scratch-test-delete-me',
    status: 'deleted',
    secondaryStatus: 'deleted',
    baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    instanceType: 'marqtune.basic',
    checkpoints: epochCheckpoints(1),
    hyperparameters: hyperparameters({ epochs: 1 }),
  },
]

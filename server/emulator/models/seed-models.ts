import { laterSeedModels } from './seed-models-continued'
import {
  apparelV3,
  apparelV4,
  fashionTitles,
  hyperparameters,
  productSearchL14,
  productSearchSweep2,
} from './seed-parts'
import { epochCheckpoints, type WireModel } from './wire-model'

/**
 * The demo account's models: a fixed, reviewable set that a newcomer can believe (projects
 * with lineage, a learning-rate sweep, failures, trainings in progress) and that covers what
 * the real service can send. Each entry says in its comment which case it exists for; tests
 * rely on these cases. A few are deliberately odd, and say so: states or shapes the service may
 * send that the official client does not expect. The emulator never moves a task it runs into
 * one of those (simulate.ts). Names only tests need (markup, formulas, `model-2`) are in
 * fixture-models.ts.
 */

export const seedModels: WireModel[] = [
  {
    // The parent of a chain (see gs-apparel-v4).
    modelId: apparelV3,
    modelName: 'gs-apparel-v3',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    instanceType: 'marqtune.basic',
    maxTrainingTime: 7200,
    checkpoints: epochCheckpoints(5),
    hyperparameters: hyperparameters(),
  },
  {
    // Chained: fine-tuned from another model of this account.
    modelId: apparelV4,
    modelName: 'gs-apparel-v4',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: `${apparelV3}/epoch_5`,
    instanceType: 'marqtune.performance',
    maxTrainingTime: 10800,
    checkpoints: epochCheckpoints(3),
    hyperparameters: hyperparameters({ epochs: 3, lr: 1e-5 }),
  },
  {
    modelId: fashionTitles,
    modelName: 'fashion-clip-ecom-titles',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/marqo-fashionCLIP',
    instanceType: 'marqtune.basic',
    checkpoints: epochCheckpoints(10),
    hyperparameters: hyperparameters({ epochs: 10, rightKeys: ['title'], rightWeights: [1] }),
  },
  {
    // Forty checkpoints: a long list in the detail panel.
    modelId: productSearchL14,
    modelName: 'vit-l14-product-search',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-L-14.laion2b_s32b_b82k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 86400,
    checkpoints: epochCheckpoints(40),
    hyperparameters: hyperparameters({ epochs: 40, batchSize: 512, lr: 5e-6 }),
  },
  {
    // Failed before its first epoch, with a multi-line stack trace.
    modelId: '4a9f33a6-1508-492f-b61d-e069ca053f06',
    modelName: 'vit-l14-product-search-lr-sweep-1',
    status: 'failed',
    secondaryStatus: 'failed',
    failureReason: [
      'Training task failed: dataset column "image" could not be loaded.',
      'Traceback (most recent call last):',
      '  File "/opt/marqtune/train.py", line 412, in main',
      '    batch = next(loader)',
      '  File "/opt/marqtune/data.py", line 88, in __next__',
      '    image = self.fetch(row["image"])',
      '  File "/opt/marqtune/data.py", line 131, in fetch',
      '    raise DatasetError(f"HTTP 403 for {url}")',
      'marqtune.data.DatasetError: HTTP 403 for https://assets.example.com/img/000183.jpg',
    ].join('\n'),
    baseModel: 'Marqo/ViT-L-14.laion2b_s32b_b82k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 86400,
    checkpoints: [],
    hyperparameters: hyperparameters({ epochs: 20, lr: 1e-4 }),
  },
  {
    // Failed after one epoch: exactly one checkpoint. Deliberately odd: `Failed` capitalised.
    modelId: productSearchSweep2,
    modelName: 'vit-l14-product-search-lr-sweep-2',
    status: 'Failed',
    secondaryStatus: 'Failed',
    failureReason:
      'CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 22.05 GiB total capacity).',
    baseModel: 'Marqo/ViT-L-14.laion2b_s32b_b82k',
    instanceType: 'marqtune.basic',
    checkpoints: epochCheckpoints(1),
    hyperparameters: hyperparameters({ epochs: 20, lr: 5e-5, batchSize: 1024 }),
  },
  {
    // The sweep's run that worked: the learning rate between the two that failed.
    modelId: '5be0e4f6-0a43-4c1b-9d8e-2f6b3c7a9e14',
    modelName: 'vit-l14-product-search-lr-sweep-3',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-L-14.laion2b_s32b_b82k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 86400,
    checkpoints: epochCheckpoints(20),
    hyperparameters: hyperparameters({ epochs: 20, lr: 2e-5 }),
  },
  {
    // Running, trained on the multilingual ViT-H base.
    modelId: 'b7d49212-0bee-436a-9218-2a51d1f010f1',
    modelName: 'multilingual-retail-xlmr',
    status: 'running',
    secondaryStatus: 'running',
    baseModel: 'Marqo/xlm-roberta-large-ViT-H-14.frozen_laion5b_s13b_b90k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 43200,
    checkpoints: epochCheckpoints(2),
    hyperparameters: hyperparameters({
      epochs: 8,
      leftKeys: ['query_en', 'query_de'],
      leftWeights: [0.5, 0.5],
    }),
  },
  {
    // Waiting: provisioning, no checkpoint yet.
    modelId: '8f5541f0-ba89-44b4-89c0-33e213912ca0',
    modelName: 'furniture-vit-b16-v1',
    status: 'running',
    secondaryStatus: 'provisioning',
    baseModel: 'Marqo/ViT-B-16.laion2b_s34b_b88k',
    instanceType: 'marqtune.basic',
    checkpoints: [],
    hyperparameters: hyperparameters({ epochs: 6 }),
  },
  {
    // Waiting: initializing; status spelt in upper case. Deliberately odd: the real casing is
    // unknown (the official client lower-cases before comparing, so it copes).
    modelId: '8761ca7a-cb13-41cc-be86-2af5a7d215c0',
    modelName: 'furniture-vit-b16-v2',
    status: 'RUNNING',
    secondaryStatus: 'INITIALIZING',
    baseModel: 'Marqo/ViT-B-16.laion2b_s34b_b88k',
    instanceType: 'marqtune.performance',
    checkpoints: [],
    hyperparameters: hyperparameters({ epochs: 6, lr: 3e-5 }),
  },
  {
    // Waiting: uploading the finished checkpoints.
    modelId: 'ac70eeac-cbcc-4836-af6f-e79afccd07b6',
    modelName: 'shoes-vit-b32-hard-negatives',
    status: 'running',
    secondaryStatus: 'uploading',
    baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    instanceType: 'marqtune.basic',
    maxTrainingTime: 3600,
    checkpoints: epochCheckpoints(4),
    hyperparameters: hyperparameters({ epochs: 4, weightedLoss: 'siglip' }),
  },
  {
    // Stopped by its owner after two epochs.
    modelId: '41e6c462-acf4-4773-85ec-da6b7666e73e',
    modelName: 'shoes-vit-b32-baseline',
    status: 'stopped',
    secondaryStatus: 'stopped',
    baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    instanceType: 'marqtune.basic',
    checkpoints: epochCheckpoints(2),
    hyperparameters: hyperparameters({ epochs: 10 }),
  },
  {
    // Deliberately odd: legacy (pre-0.2 API), base model and checkpoint apart; hyperparameters
    // and the time limit as strings, as in the docs' example.
    modelId: 'fd0f61ce-7dbf-4754-bcb4-2bab725470f6',
    modelName: 'legacy-catalogue-2023',
    status: 'finished',
    secondaryStatus: 'finished',
    baseModel: 'ViT-B-32',
    baseCheckpoint: 'laion400m_e31',
    instanceType: 'marqtune.basic',
    maxTrainingTime: '43200',
    checkpoints: epochCheckpoints(3),
    hyperparameters: JSON.stringify(hyperparameters({ epochs: 3, lr: 1e-5 })),
  },
  {
    // A name in Cyrillic (Japanese and Greek ones follow in the hyperparameters).
    modelId: '4a8bef13-44d9-4fbf-9320-1656a8009f22',
    modelName: 'поиск-товаров-ru-v2',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/xlm-roberta-large-ViT-H-14.frozen_laion5b_s13b_b90k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 28800,
    checkpoints: epochCheckpoints(6),
    hyperparameters: hyperparameters({
      epochs: 6,
      leftKeys: ['запрос'],
      rightKeys: ['画像', 'τίτλος'],
    }),
  },
  {
    // Nested objects and arrays among the hyperparameters.
    modelId: 'd5fde9fb-24f2-40f7-9565-17b1bfbc910c',
    modelName: 'home-decor-augmented',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-B-16.laion2b_s34b_b88k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 14400,
    checkpoints: epochCheckpoints(8),
    hyperparameters: hyperparameters({
      epochs: 8,
      augmentation: { randomResizedCrop: { scale: [0.8, 1], ratio: [0.75, 1.33] }, hflip: true },
      schedule: [
        { step: 0, lr: 2e-5 },
        { step: 1000, lr: 1e-5 },
      ],
    }),
  },
  // The second half of the account (a file of its own for length), in the service's order.
  ...laterSeedModels,
]

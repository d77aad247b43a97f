import { hyperparameters } from './seed-parts'
import { epochCheckpoints, type WireModel } from './wire-model'

/**
 * Models only tests need: names that try to run as markup or as a spreadsheet formula, and
 * names that only a sort order tells apart. They are in the fixtures account
 * (`--account fixtures`, accounts.ts), never in the demo a newcomer opens.
 */
export const testOnlyModels: WireModel[] = [
  {
    // Markup characters in user text must render as text.
    modelId: '295a7f4a-29bd-4e6c-a77b-894886ff5dd0',
    modelName: `<b>bold</b> & "quoted" 'model'`,
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-B-16.laion2b_s34b_b88k',
    instanceType: 'marqtune.basic',
    checkpoints: epochCheckpoints(2),
    hyperparameters: hyperparameters({ epochs: 2, weightKey: '<script>alert(1)</script>' }),
  },
  {
    modelId: 'cd871648-9c54-43cc-8eb5-1de0c66338fb',
    modelName: 'model-2',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    instanceType: 'marqtune.basic',
    checkpoints: epochCheckpoints(2),
    hyperparameters: hyperparameters({ epochs: 2 }),
  },
  {
    // With model-2: names sort in natural order (model-2 before model-10).
    modelId: '7c31ac81-b385-419f-8b8c-641234813b29',
    modelName: 'model-10',
    status: 'ready',
    secondaryStatus: 'ready',
    baseModel: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
    instanceType: 'marqtune.basic',
    checkpoints: epochCheckpoints(10),
    hyperparameters: hyperparameters({ epochs: 10 }),
  },
  {
    // A name a spreadsheet would run as a formula (the CSV export must defuse it), and a
    // failure near-identical to the demo's CUDA one: triage groups the two together.
    modelId: 'e4a0c2d8-5b7f-4e61-9a3c-2f8d6b1e0c47',
    modelName: '=HYPERLINK("https://evil.example/","open me")',
    status: 'failed',
    secondaryStatus: 'failed',
    failureReason:
      'CUDA out of memory. Tried to allocate 1.50 GiB (GPU 0; 22.05 GiB total capacity).',
    baseModel: 'Marqo/ViT-B-16.laion2b_s34b_b88k',
    instanceType: 'marqtune.basic',
    checkpoints: [],
    hyperparameters: hyperparameters({ epochs: 4, batchSize: 512 }),
  },
]

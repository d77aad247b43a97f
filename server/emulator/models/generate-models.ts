import { epochCheckpoints, type WireModel } from './wire-model'

/** mulberry32: tiny, fast and good enough to make the same account from the same seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const baseModels = [
  'Marqo/ViT-B-32.laion2b_s34b_b79k',
  'Marqo/ViT-B-16.laion2b_s34b_b88k',
  'Marqo/ViT-L-14.laion2b_s32b_b82k',
  'Marqo/ViT-H-14.laion2b_s32b_b79k',
  'Marqo/xlm-roberta-large-ViT-H-14.frozen_laion5b_s13b_b90k',
  'Marqo/marqo-fashionCLIP',
]
const domains = ['apparel', 'shoes', 'furniture', 'beauty', 'toys', 'grocery', 'jewellery', 'books']
const purposes = ['search', 'recs', 'dedupe', 'tagging', 'ranking']
const failures = [
  'CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 22.05 GiB total capacity).',
  'Training exceeded maxTrainingTime and was terminated.',
  'Training task failed: dataset column "image" could not be loaded.\nTraceback (most recent call last):\n  File "/opt/marqtune/train.py", line 412, in main\nmarqtune.data.DatasetError: HTTP 404',
]
/** [status, secondaryStatus, share of the account] */
const statuses: Array<[string, string, number]> = [
  ['ready', 'ready', 0.68],
  ['failed', 'failed', 0.1],
  ['running', 'running', 0.07],
  ['running', 'provisioning', 0.03],
  ['running', 'initializing', 0.02],
  ['stopped', 'stopped', 0.05],
  ['Ready', 'Ready', 0.03],
  ['finished', 'finished', 0.02],
]

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((Math.floor(next() * 4) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** A large account for benchmarks: the same `count` and `seed` always give the same models. */
export function generateModels(count: number, seed: number): WireModel[] {
  const next = random(seed)
  const models: WireModel[] = []
  for (let index = 0; index < count; index++) {
    let roll = next()
    const [status, secondaryStatus] =
      statuses.find(([, , share]) => (roll -= share) < 0) ?? statuses[0]!
    const epochs = 1 + Math.floor(next() * 20)
    const done = status.toLowerCase() === 'ready' || status === 'finished'
    const finishedEpochs = done ? epochs : Math.floor(next() * epochs)
    const parent = index > 10 && next() < 0.05 ? models[Math.floor(next() * index)] : undefined
    models.push({
      modelId: uuid(next),
      modelName: `${pick(next, domains)}-${pick(next, purposes)}-v${index + 1}`,
      status,
      secondaryStatus,
      ...(status === 'failed' ? { failureReason: pick(next, failures) } : {}),
      baseModel:
        parent && parent.checkpoints.length
          ? `${parent.modelId}/${parent.checkpoints.at(-1)}`
          : pick(next, baseModels),
      instanceType: next() < 0.7 ? 'marqtune.basic' : 'marqtune.performance',
      ...(next() < 0.6 ? { maxTrainingTime: 3600 * (1 + Math.floor(next() * 24)) } : {}),
      checkpoints: epochCheckpoints(finishedEpochs),
      hyperparameters: {
        leftKeys: ['query'],
        leftWeights: [1],
        rightKeys: ['image', 'title'],
        rightWeights: [0.9, 0.1],
        epochs,
        lr: pick(next, [1e-6, 5e-6, 1e-5, 2e-5, 5e-5]),
        batchSize: pick(next, [64, 128, 256, 512]),
        wd: pick(next, [0.01, 0.02, 0.05]),
        precision: 'amp',
      },
    })
  }
  return models
}

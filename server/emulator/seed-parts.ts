/** What the demo account's models share: the usual training parameters, and the parents of chains. */

export const imageText = {
  leftKeys: ['query'],
  leftWeights: [1],
  rightKeys: ['image', 'title'],
  rightWeights: [0.9, 0.1],
  weightKey: 'score',
  epochs: 5,
  lr: 2e-5,
  warmup: 0,
  batchSize: 256,
  wd: 0.02,
  precision: 'amp',
  workers: 2,
  weightedLoss: 'ce',
}

export function hyperparameters(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...imageText, ...overrides }
}

export const apparelV3 = '3725abdd-80f2-4030-8a8d-276519b4f678'
export const productSearchL14 = '896a1fc1-1429-4c97-a063-02b9ccc04f52'

/** What the demo account's seeds share: the usual training parameters, and ids others name. */

/** Which columns of the walkthrough's dataset a task reads, and how it weighs them. */
export const imageTextKeys = {
  leftKeys: ['query'],
  leftWeights: [1],
  rightKeys: ['image', 'title'],
  rightWeights: [0.9, 0.1],
  weightKey: 'score',
}

export const imageText = {
  ...imageTextKeys,
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
// Models the seeded evaluations evaluated (datasets/seed-evaluations.ts).
export const apparelV4 = '6e96dc35-4b56-4440-89bd-cb93cd966925'
export const apparelCandidate = 'cf1b715c-222b-4838-9873-5fec24b88f3f'
export const fashionTitles = 'ce184e37-32cd-4772-a8b4-f860a1ebf7d0'
export const productSearchSweep2 = 'cf8a577a-48b9-4cba-94a6-6286b449350a'

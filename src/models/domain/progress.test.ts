import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'

import { estimateText, progressText, timeBudget, trainingProgress } from './progress'

const running = (checkpoints: number, fields: Parameters<typeof makeModel>[0] = {}) =>
  makeModel({
    status: 'running',
    checkpoints: Array.from({ length: checkpoints }, (_, i) => `epoch_${i + 1}`),
    hyperparameters: { epochs: 5 },
    ...fields,
  })

const minute = 60_000
const start = 1_700_000_000_000

describe('trainingProgress', () => {
  it('counts checkpoints of the planned epochs', () => {
    expect(trainingProgress(running(3))).toEqual({ done: 3, planned: 5 })
    expect(progressText(trainingProgress(running(3)))).toBe('epoch 3 of 5')
  })

  it('says when no epochs are known rather than inventing a total', () => {
    for (const epochs of [undefined, '5', 0, 2.5]) {
      const progress = trainingProgress(running(2, { hyperparameters: { epochs } }))
      expect(progress.planned).toBeUndefined()
      expect(progressText(progress)).toBe('epoch 2 of an unknown number')
    }
  })
})

describe('timeBudget', () => {
  it('estimates the end from the pace of the epochs so far', () => {
    const budget = timeBudget(running(3, { maxTrainingTime: 7200 }), start, start + 36 * minute)
    expect(budget).toMatchObject({
      elapsedSeconds: 2160,
      limitSeconds: 7200,
      limitIsDefault: false,
    })
    expect(budget.estimate).toEqual({ leftSeconds: 1440, perEpochSeconds: 720 })
    expect(estimateText(budget)).toBe('about 24 min left at 12 min an epoch (an estimate)')
    expect(budget.warning).toBeUndefined()
  })

  it('uses the documented 24 h default when no limit was set', () => {
    expect(timeBudget(running(1), start, start + minute)).toMatchObject({
      limitSeconds: 86_400,
      limitIsDefault: true,
    })
  })

  it('does not estimate before the first epoch is done', () => {
    const budget = timeBudget(running(0), start, start + 5 * minute)
    expect(budget.estimate).toBeUndefined()
    expect(estimateText(budget)).toBe('Not known yet: no epoch has finished yet.')
  })

  it('does not estimate without a planned number of epochs or a start time', () => {
    expect(estimateText(timeBudget(running(2, { hyperparameters: {} }), start, start))).toBe(
      'Not known yet: the number of epochs planned is not known.',
    )
    const noStart = timeBudget(running(2), undefined, start)
    expect(noStart.elapsedSeconds).toBeUndefined()
    expect(estimateText(noStart)).toBe('Not known yet: the log has no start time yet.')
  })

  it('warns when the estimate passes the limit', () => {
    const budget = timeBudget(running(1, { maxTrainingTime: 3600 }), start, start + 20 * minute)
    expect(budget.estimate?.leftSeconds).toBe(4800)
    expect(budget.warning).toBe(
      'The estimate passes the time limit by 40 min: the task will be stopped first.',
    )
  })

  it('warns when the limit has already passed', () => {
    const budget = timeBudget(running(2, { maxTrainingTime: 1800 }), start, start + 40 * minute)
    expect(budget.warning).toBe(
      'The time limit has passed (10 min ago): the service stops the task at its limit.',
    )
  })
})

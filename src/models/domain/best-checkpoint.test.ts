import { describe, expect, it } from 'vitest'

import { bestCheckpoint, epochOf, newerCheckpoint } from './best-checkpoint'

describe('epochOf and bestCheckpoint', () => {
  it.each([
    ['epoch_3', 3],
    ['epoch_12', 12],
    ['checkpoint-500', 500],
    ['final', undefined],
  ])('%s is epoch %s', (name, epoch) => {
    expect(epochOf(name)).toBe(epoch)
  })

  it('orders numbered checkpoints newest first, then the others in the model order', () => {
    const names = ['final', 'epoch_2', 'best', 'epoch_10']
    const order = new Map(names.map((name, index) => [name, index]))
    const sorted = names
      .map((checkpoint) => ({ checkpoint, epoch: epochOf(checkpoint) }))
      .toSorted((a, b) => newerCheckpoint(a, b, order))
    expect(sorted.map((each) => each.checkpoint)).toEqual(['epoch_10', 'epoch_2', 'best', 'final'])
  })

  it('takes the lowest number when lower is better', () => {
    expect(
      bestCheckpoint(
        [
          { checkpoint: 'b', value: 0.2 },
          { checkpoint: 'a', value: 0.1 },
          { checkpoint: 'c', value: undefined },
        ],
        'lower',
      ),
    ).toEqual({ checkpoint: 'a', value: 0.1, tiedWith: [] })
    expect(bestCheckpoint([{ checkpoint: 'a', value: undefined }], 'higher')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'

import { emulatorTrainingLog } from '@/testing/emulator-logs'

import { logSeries, preferredSeries } from './log-series'

function lines(...messages: string[]) {
  return messages.map((message) => ({ message }))
}

function xy(set: ReturnType<typeof logSeries>['perStep'], name: string) {
  return set?.series.find((series) => series.name === name)?.points.map(({ x, y }) => [x, y])
}

describe("the emulator's training logs", () => {
  it('give a loss series per epoch', () => {
    const log = emulatorTrainingLog((checkpoints) => checkpoints >= 3 && checkpoints < 40)
    const report = logSeries(log.lines)
    expect(report.perEpoch?.axis).toBe('epoch')
    const loss = report.perEpoch?.series.find((series) => series.key === 'loss')
    expect(loss?.points.map((point) => point.x)).toEqual(
      Array.from({ length: log.checkpoints }, (_, index) => index + 1),
    )
    expect(loss?.points[0]?.y).toBeCloseTo(2.5 / 2)
    expect(report.perStep).toBeUndefined()
  })

  it('give a loss series within epochs for a long training, the same on every page', () => {
    const log = emulatorTrainingLog((checkpoints) => checkpoints >= 40)
    const report = logSeries(log.lines)
    const steps = report.perStep?.series.find((series) => series.key === 'loss')?.points
    expect(report.perStep?.axis).toBe('epoch')
    expect(steps).toHaveLength(log.checkpoints * 20)
    // `Epoch 1 step 1/20` is 1.05, `Epoch 1 step 20/20` is 2.
    expect(steps?.slice(0, 2).map((point) => point.x)).toEqual([1.05, 1.1])
    expect(steps?.[19]?.x).toBe(2)
    const lastPage = logSeries(log.lines.slice(-500)).perStep?.series[0]?.points
    const onPage = lastPage?.map(({ x, y }) => [x, y])
    expect(onPage).toEqual(steps?.slice(-(lastPage?.length ?? 0)).map(({ x, y }) => [x, y]))
    expect(onPage?.[0]?.[0]).toBeGreaterThan(10)
    expect(report.perEpoch?.series[0]?.points).toHaveLength(log.checkpoints)
  })
})

describe('logSeries', () => {
  it('draws open_clip within its epochs, by the samples seen of each', () => {
    const report = logSeries(
      lines(
        'Train Epoch: 0 [    0/10000 (0%)] Loss: 0.9000 (0.9000) LR: 0.000010',
        'Train Epoch: 0 [ 5000/10000 (50%)] Loss: 0.7000 (0.8000) LR: 0.000020',
        'Train Epoch: 1 [    0/10000 (0%)] Loss: 0.6000 (0.6000) LR: 0.000020',
        'Train Epoch: 1 [ 5000/10000 (50%)] Loss: 0.5000 (0.5500) LR: 0.000015',
      ),
    )
    expect(report.perStep?.axis).toBe('epoch')
    expect(xy(report.perStep, 'Loss')).toEqual([
      [0, 0.9],
      [0.5, 0.7],
      [1, 0.6],
      [1.5, 0.5],
    ])
    expect(report.perStep?.series.map((series) => series.name)).toEqual(['Loss', 'LR'])
  })

  it('counts steps, continuous across epochs, when a line gives no total', () => {
    const report = logSeries(
      lines('epoch 1 step 10 loss=0.9', 'epoch 1 step 20 loss=0.8', 'epoch 2 step 10 loss=0.7'),
    )
    expect(report.perStep?.axis).toBe('step')
    expect(xy(report.perStep, 'loss')).toEqual([
      [10, 0.9],
      [20, 0.8],
      [30, 0.7],
    ])
  })

  it('keeps a step counter that never starts again as it is', () => {
    const report = logSeries(lines('epoch=1 step=100 loss=0.5', 'epoch=2 step=200 loss=0.4'))
    expect(xy(report.perStep, 'loss')).toEqual([
      [100, 0.5],
      [200, 0.4],
    ])
  })

  it("draws Hugging Face's trainer by its fractional epoch", () => {
    const report = logSeries(
      lines(
        "{'loss': 0.8, 'learning_rate': 2e-05, 'epoch': 0.5}",
        ' 50%|█████     | 100/200 [00:30<00:30,  3.33it/s]',
        "{'loss': 0.6, 'learning_rate': 1e-05, 'epoch': 1.0}",
      ),
    )
    expect(report.perStep?.axis).toBe('epoch')
    expect(xy(report.perStep, 'loss')).toEqual([
      [0.5, 0.8],
      [1, 0.6],
    ])
    expect(report.perEpoch).toBeUndefined()
  })

  it('keeps the last number of an epoch that reports twice', () => {
    const report = logSeries(lines('Epoch 1: loss=0.9', 'Epoch 1: loss=0.8', 'Epoch 2: loss=0.7'))
    expect(xy(report.perEpoch, 'loss')).toEqual([
      [1, 0.8],
      [2, 0.7],
    ])
    expect(xy(report.byLine, 'loss')).toEqual([
      [1, 0.9],
      [2, 0.8],
      [3, 0.7],
    ])
  })

  it('draws losses with no step or epoch by line, and puts loss first', () => {
    const report = logSeries(lines('noise', 'lr=0.1, loss: 0.5', 'starting', 'loss: 0.4'))
    expect(report.perStep).toBeUndefined()
    expect(report.perEpoch).toBeUndefined()
    expect(preferredSeries(report)?.axis).toBe('line')
    expect(report.byLine?.series.map((series) => series.key)).toEqual(['loss', 'lr'])
    expect(xy(report.byLine, 'loss')).toEqual([
      [2, 0.5],
      [4, 0.4],
    ])
    expect(report.linesRead).toBe(2)
  })

  it('has nothing to draw for a log without progress', () => {
    expect(logSeries(lines('Provisioning', 'Downloading training dataset'))).toEqual({
      perStep: undefined,
      perEpoch: undefined,
      byLine: undefined,
      linesRead: 0,
    })
  })

  // The speed is the benchmark's (npm run bench:evaluations); a pattern that backtracked
  // without end on the hostile page would blow the test's own time limit by far.
  it('reads a 500-line page whole, and a hostile one without a series', () => {
    const page = lines(
      ...Array.from(
        { length: 500 },
        (_, index) =>
          `Train Epoch: ${index >> 6} [ ${index * 32}/16384 (${index}%)] Data (t): 0.1 Batch (t): 0.5, 64.0/s LR: 0.000020 Logit Scale: 14.286 Loss: ${(1 / (index + 1)).toFixed(4)} (0.5)`,
      ),
    )
    const hostile = lines(
      ...Array.from({ length: 500 }, (_, index) =>
        index % 2 ? `'${'a:'.repeat(2_000)}` : `${'1/'.repeat(1_000)}${'epoch '.repeat(300)}`,
      ),
    )
    const loss = preferredSeries(logSeries(page))?.series.find((series) => series.key === 'loss')
    expect(loss?.points).toHaveLength(500)
    expect(logSeries(hostile).linesRead).toBe(0)
  })
})

import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'
import { failureReport } from './failure-report'

describe('failureReport', () => {
  const model = makeModel({
    modelId: '4a9f33a6-1508-492f-b61d-e069ca053f06',
    modelName: 'sweep-1',
    status: 'failed',
    baseModel: 'Marqo/ViT-L-14.laion2b_s32b_b82k',
    instanceType: 'marqtune.performance',
    maxTrainingTime: 86400,
    checkpoints: ['epoch_1'],
    hyperparameters: { epochs: 20, lr: 1e-4 },
    failureReason: 'Traceback (most recent call last):\n  File "train.py", line 1\nError: boom',
  })

  it('holds everything support asks for, as Markdown', () => {
    expect(failureReport(model)).toBe(
      [
        '## Marqtune training failure: sweep-1',
        '',
        '- Model id: `4a9f33a6-1508-492f-b61d-e069ca053f06`',
        '- Name: sweep-1',
        '- Status: failed',
        '- Base model: `Marqo/ViT-L-14.laion2b_s32b_b82k`',
        '- Instance type: `marqtune.performance`',
        '- Max training time: 24 h (86,400 s)',
        '- Checkpoints: epoch_1',
        '',
        '### Hyperparameters',
        '',
        '```json',
        '{',
        '  "epochs": 20,',
        '  "lr": 0.0001',
        '}',
        '```',
        '',
        '### Failure reason',
        '',
        '```',
        'Traceback (most recent call last):',
        '  File "train.py", line 1',
        'Error: boom',
        '```',
        '',
      ].join('\n'),
    )
  })

  it('keeps a reason containing a code fence inside its block', () => {
    const report = failureReport({ ...model, failureReason: 'see ```this```' })
    expect(report).toContain('````\nsee ```this```\n````')
  })

  it('says when there are no checkpoints and no time limit', () => {
    const report = failureReport({ ...model, checkpoints: [], maxTrainingTime: undefined })
    expect(report).toContain('- Checkpoints: none')
    expect(report).toContain('- Max training time: Not set (24 h default)')
  })
})

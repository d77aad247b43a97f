import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'
import { modelsCsv } from './export-models'

describe('modelsCsv', () => {
  it('writes the shown rows in order with the visible columns, whole values, formulas defused', () => {
    const models = [
      makeModel({
        modelName: 'b',
        status: 'running',
        secondaryStatus: 'provisioning',
        maxTrainingTime: 3600,
      }),
      makeModel({ modelName: '=cmd|calc', hyperparameters: { lr: 2e-5 } }),
      makeModel({ modelName: 'hidden' }),
    ]
    const csv = modelsCsv(models, [1, 0], ['modelName', 'status', 'maxTrainingTime', 'hp.lr'])
    expect(csv).toBe(
      [
        'Name,Status,Max training time,lr',
        "'=cmd|calc,ready,,2e-5",
        'b,running (provisioning),3600,',
        '',
      ].join('\r\n'),
    )
  })
})

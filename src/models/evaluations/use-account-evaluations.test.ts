import { describe, expect, it } from 'vitest'

import { readEvaluation } from '@/api/evaluation-schema'

import { refreshInterval } from './use-account-evaluations'

const evaluation = (status: string, secondaryStatus = status) =>
  readEvaluation({ evaluationId: `e-${status}`, status, secondaryStatus })!

describe('refreshInterval', () => {
  it('asks again every 10 s while an evaluation is on its way, and never once all have ended', () => {
    expect(refreshInterval(undefined)).toBe(false)
    expect(refreshInterval([evaluation('Ready'), evaluation('Failed')])).toBe(false)
    expect(refreshInterval([evaluation('Ready'), evaluation('Running', 'evaluating')])).toBe(10_000)
    expect(refreshInterval([evaluation('Initializing', 'provisioning')])).toBe(10_000)
  })
})

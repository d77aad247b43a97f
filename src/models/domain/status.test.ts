import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'

import { phaseOf, statusPhase, statusText } from './status'

describe('statusPhase', () => {
  it('reads the service spellings, whatever their case and separators', () => {
    expect(statusPhase('Ready')).toBe('ready')
    expect(statusPhase('FAILED')).toBe('failed')
    expect(statusPhase('running', 'in_progress')).toBe('running')
    expect(statusPhase('Running', 'Provisioning')).toBe('waiting')
  })

  it('lets a terminal status win over a stale secondary status', () => {
    expect(statusPhase('failed', 'training')).toBe('failed')
    expect(statusPhase('stopped', 'queued')).toBe('stopped')
  })

  it('calls what it does not know unknown, also names of object properties', () => {
    const statuses = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'melting']
    expect(statuses.map((status) => statusPhase(status))).toEqual(statuses.map(() => 'unknown'))
    expect(statusPhase('', 'valueOf')).toBe('unknown')
  })

  it('stays right past the number of pairs it remembers', () => {
    for (let index = 0; index < 2_500; index++)
      expect(statusPhase(`custom-${index}`, index % 2 ? 'training' : '')).toBe(
        index % 2 ? 'running' : 'unknown',
      )
    expect(statusPhase('ready')).toBe('ready')
  })

  it('classifies a model by both statuses: an unlisted status with a running secondary one runs', () => {
    expect(phaseOf(makeModel({ status: 'Busy', secondaryStatus: 'running' }))).toBe('running')
    expect(phaseOf(makeModel({ status: 'failed', secondaryStatus: 'running' }))).toBe('failed')
  })
})

describe('statusText', () => {
  it('adds the secondary status only when it says more, whatever its case', () => {
    expect(statusText(makeModel({ status: 'running', secondaryStatus: 'provisioning' }))).toBe(
      'running (provisioning)',
    )
    expect(statusText(makeModel({ status: 'Failed', secondaryStatus: 'failed' }))).toBe('Failed')
    expect(statusText(makeModel({ status: 'ready', secondaryStatus: undefined }))).toBe('ready')
  })
})

import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { makeModel } from '@/testing/factories'
import { hasActiveModels } from './polling'
import { useStatusChanges } from './use-status-changes'

afterEach(() => vi.useRealTimers())

const training = makeModel({
  modelId: 'a',
  modelName: 'alpha',
  status: 'Training',
  secondaryStatus: undefined,
})
const ready = makeModel({ modelId: 'b', modelName: 'beta', status: 'Ready' })

describe('useStatusChanges', () => {
  it('names the models whose status changed since the last fetch, for a while', () => {
    vi.useFakeTimers()
    const { result, rerender } = renderHook(({ models }) => useStatusChanges(models, 1_000), {
      initialProps: { models: [training, ready] },
    })
    expect(result.current.ids.size).toBe(0)

    rerender({ models: [{ ...training, status: 'Ready' }, { ...ready }] })
    expect([...result.current.ids]).toEqual(['a'])
    expect(result.current.summary).toBe('Status changed: alpha (Training → Ready).')

    act(() => {
      vi.advanceTimersByTime(1_000)
    })
    expect(result.current.ids.size).toBe(0)
  })

  it('ignores models that are new or gone', () => {
    const { result, rerender } = renderHook(({ models }) => useStatusChanges(models), {
      initialProps: { models: [training] },
    })
    rerender({ models: [ready] })
    expect(result.current.ids.size).toBe(0)
  })
})

describe('hasActiveModels', () => {
  it('is true while any model is waiting or running', () => {
    expect(hasActiveModels([ready, training])).toBe(true)
    expect(hasActiveModels([ready, makeModel({ status: 'Failed' })])).toBe(false)
  })
})

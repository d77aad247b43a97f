import { describe, expect, it } from 'vitest'

import { readEvaluation } from '@/api/evaluation-schema'

import { evaluationPhase, isEvaluating, isFinished, newestFirst } from './evaluation-status'

function evaluation(id: string, fields: Record<string, unknown> = {}) {
  return readEvaluation({ evaluationId: id, status: 'Ready', secondaryStatus: 'Ready', ...fields })!
}

describe('evaluation status', () => {
  it.each([
    [{ status: 'Ready', secondaryStatus: 'Ready' }, 'ready', true, false],
    [{ status: 'running', secondaryStatus: 'initializing' }, 'waiting', false, true],
    [{ status: 'Running', secondaryStatus: 'Evaluating' }, 'running', false, true],
    [{ status: 'Failed', secondaryStatus: 'Failed' }, 'failed', false, false],
  ])('%o is %s', (fields, phase, finished, evaluating) => {
    const read = evaluation('e', fields)
    expect(evaluationPhase(read)).toBe(phase)
    expect(isFinished(read)).toBe(finished)
    expect(isEvaluating(read)).toBe(evaluating)
  })
})

describe('newestFirst', () => {
  it('follows creation times when every one has one', () => {
    const a = evaluation('a', { createdAt: '2026-03-02T00:00:00Z' })
    const b = evaluation('b', { createdAt: '2026-03-01T00:00:00Z' })
    const list = [a, b]
    expect(newestFirst(list, positionsOf(list)).map((each) => each.evaluationId)).toEqual([
      'a',
      'b',
    ])
  })

  it('follows the service order, later newer, when one has no creation time', () => {
    const a = evaluation('a', { createdAt: '2026-03-02T00:00:00Z' })
    const b = evaluation('b')
    const c = evaluation('c', { createdAt: '2026-03-01T00:00:00Z' })
    const list = [a, b, c]
    expect(newestFirst(list, positionsOf(list)).map((each) => each.evaluationId)).toEqual([
      'c',
      'b',
      'a',
    ])
  })
})

function positionsOf<T>(list: readonly T[]): Map<T, number> {
  return new Map(list.map((each, index) => [each, index]))
}

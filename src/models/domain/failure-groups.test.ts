import { describe, expect, it } from 'vitest'

import { makeModel } from '@/testing/factories'
import { failureGroup, failureGroupOf } from './failure-groups'

describe('failureGroup', () => {
  it('puts messages that differ only in numbers, ids, URLs and paths together', () => {
    const groups = new Set(
      [
        'CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 22.05 GiB total capacity).',
        'CUDA out of memory. Tried to allocate 1.50 GiB (GPU 1; 22.05 GiB total capacity).',
        'CUDA out of memory.  Tried to allocate 512 GiB (GPU 0; 80 GiB total capacity).\n',
      ].map(failureGroup),
    )
    expect([...groups]).toEqual([
      'CUDA out of memory. Tried to allocate # GiB (GPU #; # GiB total capacity).',
    ])
    expect(failureGroup('Checkpoint 3725abdd-80f2-4030-8a8d-276519b4f678/epoch_5 not found')).toBe(
      failureGroup('Checkpoint 6e96dc35-0000-4000-8000-000000000001/epoch_12 not found'),
    )
    expect(failureGroup('HTTP 403 for https://assets.example.com/img/000183.jpg')).toBe(
      'HTTP # for <url>',
    )
    expect(failureGroup('Could not read /opt/data/a.csv')).toBe('Could not read <path>')
  })

  it('keeps different failures apart', () => {
    expect(failureGroup('CUDA out of memory.')).not.toBe(
      failureGroup('Training exceeded maxTrainingTime (3600 s) and was terminated.'),
    )
  })

  it('uses the first line, or a traceback’s last line, which names the exception', () => {
    expect(failureGroup('Training task failed: column "image" missing.\n  File "x.py"')).toBe(
      'Training task failed: column "image" missing.',
    )
    expect(
      failureGroup(
        'Traceback (most recent call last):\n  File "train.py", line 4\nValueError: bad lr 0.5',
      ),
    ).toBe('ValueError: bad lr #')
  })
})

describe('failureGroupOf', () => {
  it('groups failed models only, and names a missing reason', () => {
    expect(failureGroupOf(makeModel({ status: 'ready', failureReason: 'old failure' }))).toBe('')
    expect(failureGroupOf(makeModel({ status: 'Failed', failureReason: undefined }))).toBe(
      'No reason given',
    )
  })
})

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { playwrightFailures, vitestFailures } from './failure-recap'

function report(json: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'recap-')), 'report.json')
  writeFileSync(path, JSON.stringify(json))
  return path
}

describe('the recap of what failed', () => {
  it('names each failed unit test with its message, without colours or runner frames', () => {
    const path = report({
      testResults: [
        {
          name: '/repo/src/a.test.ts',
          assertionResults: [
            { fullName: 'a passes', status: 'passed', failureMessages: [] },
            {
              fullName: 'a fails',
              status: 'failed',
              failureMessages: [
                '\u001b[31mAssertionError\u001b[39m: expected 1 to be 2\n    at /repo/src/a.test.ts:2:3\n    at /repo/node_modules/@vitest/runner/dist/index.js:1:1',
              ],
            },
          ],
        },
      ],
    })
    expect(vitestFailures(path)).toEqual([
      '/repo/src/a.test.ts › a fails\nAssertionError: expected 1 to be 2\n    at /repo/src/a.test.ts:2:3',
    ])
  })

  it('names each failed or timed-out journey by file, line and its describe blocks', () => {
    const spec = (title: string, line: number, status: string, message?: string) => ({
      title,
      file: 'actions.spec.ts',
      line,
      tests: [
        {
          status: status === 'passed' ? 'expected' : 'unexpected',
          results: [{ status, ...(message ? { error: { message } } : {}) }],
        },
      ],
    })
    const path = report({
      suites: [
        {
          title: 'actions.spec.ts',
          specs: [spec('top level', 3, 'timedOut', 'Test timeout of 30000ms exceeded.')],
          suites: [
            {
              title: 'releasing',
              specs: [spec('passes', 9, 'passed'), spec('is refused', 12, 'failed', 'Error: no')],
            },
          ],
        },
      ],
    })
    expect(playwrightFailures(path)).toEqual([
      'actions.spec.ts:3 › top level (timedOut)\nTest timeout of 30000ms exceeded.',
      'actions.spec.ts:12 › releasing › is refused (failed)\nError: no',
    ])
  })

  it('lists a journey that passed on its retry as flaky', () => {
    const path = report({
      suites: [
        {
          title: 'faults.spec.ts',
          specs: [
            {
              title: 'retried',
              file: 'faults.spec.ts',
              line: 7,
              tests: [
                {
                  status: 'flaky',
                  results: [
                    { status: 'failed', error: { message: 'Error: once' } },
                    { status: 'passed' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    })
    expect(playwrightFailures(path)).toEqual([
      'faults.spec.ts:7 › retried (failed, then passed on its retry: flaky)\nError: once',
    ])
  })

  it('has nothing to say when a report is missing', () => {
    expect(vitestFailures('/nonexistent/unit.json')).toEqual([])
    expect(playwrightFailures('/nonexistent/e2e.json')).toEqual([])
  })
})

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

/** One spec of a Playwright report, with its attempts' statuses in order. */
function spec(title: string, line: number, status: string, attempts: string[]) {
  return {
    title,
    file: 'actions.spec.ts',
    line,
    tests: [
      {
        status,
        results: attempts.map((attempt, retry) => ({
          status: attempt,
          retry,
          ...(attempt === 'passed' ? {} : { error: { message: `Error: ${attempt} ${retry}` } }),
        })),
      },
    ],
  }
}

describe('the recap of what failed', () => {
  it('names each failed unit test with its message, without colours or runner frames', () => {
    const path = report({
      testResults: [
        {
          name: join(process.cwd(), 'src/a.test.ts'),
          status: 'failed',
          assertionResults: [
            { fullName: 'a passes', status: 'passed', failureMessages: [] },
            {
              fullName: 'a fails',
              status: 'failed',
              failureMessages: [
                "\u001b[31mAssertionError\u001b[39m: expected 1 to be 2\nCannot find module '/repo/node_modules/x'\n    at /repo/src/a.test.ts:2:3\n    at /repo/node_modules/@vitest/runner/dist/index.js:1:1",
              ],
            },
          ],
        },
      ],
    })
    expect(vitestFailures(path)).toEqual([
      "src/a.test.ts › a fails\nAssertionError: expected 1 to be 2\nCannot find module '/repo/node_modules/x'\n    at /repo/src/a.test.ts:2:3",
    ])
  })

  it('names a unit test file that failed outside its tests', () => {
    const path = report({
      testResults: [
        {
          name: join(process.cwd(), 'src/b.test.ts'),
          status: 'failed',
          message: 'Failed to load url ./missing',
          assertionResults: [],
        },
      ],
    })
    expect(vitestFailures(path)).toEqual(['src/b.test.ts\nFailed to load url ./missing'])
  })

  it('names each failed attempt of a journey by file, line and describe blocks; a flaky one says so', () => {
    const path = report({
      suites: [
        {
          title: 'actions.spec.ts',
          specs: [
            spec('top level', 3, 'unexpected', ['timedOut', 'failed']),
            spec('expected to fail', 5, 'expected', ['failed']),
          ],
          suites: [
            {
              title: 'releasing',
              specs: [
                spec('passes', 9, 'expected', ['passed']),
                spec('is refused', 12, 'flaky', ['failed', 'passed']),
              ],
            },
          ],
        },
      ],
      errors: [{ message: 'Error: Timed out waiting 60000ms from config.webServer.' }],
    })
    expect(playwrightFailures(path)).toEqual([
      'e2e/actions.spec.ts:3 › top level (timedOut, first run)\nError: timedOut 0',
      'e2e/actions.spec.ts:3 › top level (failed, retry 1)\nError: failed 1',
      'e2e/actions.spec.ts:12 › releasing › is refused (failed, first run; passed on its retry: flaky)\nError: failed 0',
      'Playwright\nError: Timed out waiting 60000ms from config.webServer.',
    ])
  })

  it('has nothing to say when a report is missing', () => {
    expect(vitestFailures('/nonexistent/unit.json')).toEqual([])
    expect(playwrightFailures('/nonexistent/e2e.json')).toEqual([])
  })
})

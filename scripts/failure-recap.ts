/** The failed tests of the runners' JSON reports, a few lines each, for the end of `npm test`. */
import { existsSync, readFileSync } from 'node:fs'

// oxlint-disable-next-line no-control-regex -- the escape sequences of terminal colours
const colours = /\u001b\[[0-9;]*m/g

/** The first lines of a failure, without colours or the runners' own stack frames. */
function firstLines(text: string, count = 16): string {
  return text
    .replace(colours, '')
    .split('\n')
    .filter((line) => !line.includes('node_modules'))
    .slice(0, count)
    .join('\n')
}

type VitestReport = {
  testResults?: {
    name: string
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[]
  }[]
}
type PlaywrightSuite = {
  title: string
  suites?: PlaywrightSuite[]
  specs?: {
    title: string
    file: string
    line: number
    tests: { status: string; results: { status: string; error?: { message?: string } }[] }[]
  }[]
}

/** Each failed test of a Vitest JSON report: its file and name, then its first lines of failure. */
export function vitestFailures(report: string): string[] {
  if (!existsSync(report)) return []
  const json: VitestReport = JSON.parse(readFileSync(report, 'utf8'))
  return (json.testResults ?? []).flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map(
        (test) => `${file.name} › ${test.fullName}\n${firstLines(test.failureMessages.join('\n'))}`,
      ),
  )
}

/**
 * Each failed run of a Playwright JSON report: where it is, its title and status, its error's
 * first lines. A test that passed on its retry is listed too, said to be flaky.
 */
export function playwrightFailures(report: string): string[] {
  if (!existsSync(report)) return []
  const json: { suites?: PlaywrightSuite[] } = JSON.parse(readFileSync(report, 'utf8'))
  const walk = (suite: PlaywrightSuite, path: string[]): string[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((test) =>
        test.results
          .filter((result) => result.status !== 'passed' && result.status !== 'skipped')
          .map(
            (result) =>
              `${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')} (${result.status}${test.status === 'flaky' ? ', then passed on its retry: flaky' : ''})\n${firstLines(result.error?.message ?? '')}`,
          ),
      ),
    ),
    ...(suite.suites ?? []).flatMap((child) => walk(child, [...path, child.title])),
  ]
  return (json.suites ?? []).flatMap((suite) => walk(suite, []))
}

/** The failed tests of the runners' JSON reports, a few lines each, for the end of `npm test`. */
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'

// oxlint-disable-next-line no-control-regex -- the escape sequences of terminal colours
const colours = /\u001b\[[0-9;]*m/g
const runnerFrame = /^\s*at .*node_modules/

/** The first lines of a failure, without colours or the runners' own stack frames. */
export function firstLines(text: string, count = 16): string {
  return text
    .replace(colours, '')
    .split('\n')
    .filter((line) => !runnerFrame.test(line))
    .slice(0, count)
    .join('\n')
}

type VitestReport = {
  testResults?: {
    name: string
    status: string
    /** Why a file failed outside its tests: it did not load, a hook threw. */
    message?: string
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[]
  }[]
}

type PlaywrightError = { message?: string }
type PlaywrightSuite = {
  title: string
  suites?: PlaywrightSuite[]
  specs?: {
    title: string
    file: string
    line: number
    tests: {
      /** `unexpected` failed, `flaky` failed and then passed on a retry. */
      status: string
      results: { status: string; retry: number; error?: PlaywrightError }[]
    }[]
  }[]
}

/** The report at `path`, or `none` when the runner wrote none. */
function readReport<T>(path: string, none: T): T {
  if (!existsSync(path)) return none
  const json: T = JSON.parse(readFileSync(path, 'utf8'))
  return json
}

/** Each failed test of a Vitest JSON report, and each file that failed outside its tests. */
export function vitestFailures(report: string): string[] {
  return (readReport<VitestReport>(report, {}).testResults ?? []).flatMap((file) => {
    const name = relative(process.cwd(), file.name)
    const tests = file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${name} › ${test.fullName}\n${firstLines(test.failureMessages.join('\n'))}`)
    return file.status === 'failed' && file.message
      ? [`${name}\n${firstLines(file.message)}`, ...tests]
      : tests
  })
}

/**
 * Each failed attempt of a Playwright JSON report's failed or flaky tests, with where it is, its
 * title and its error's first lines; then the run's own errors (a server that did not start).
 */
export function playwrightFailures(report: string): string[] {
  const json = readReport<{ suites?: PlaywrightSuite[]; errors?: PlaywrightError[] }>(report, {})
  const walk = (suite: PlaywrightSuite, path: string[]): string[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === 'unexpected' || test.status === 'flaky')
        .flatMap((test) =>
          test.results
            .filter((result) => result.status !== 'passed')
            .map((result) => {
              const attempt = result.retry ? `retry ${result.retry}` : 'first run'
              const verdict = test.status === 'flaky' ? '; passed on its retry: flaky' : ''
              return `e2e/${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')} (${result.status}, ${attempt}${verdict})\n${firstLines(result.error?.message ?? '')}`
            }),
        ),
    ),
    ...(suite.suites ?? []).flatMap((child) => walk(child, [...path, child.title])),
  ]
  return [
    ...(json.suites ?? []).flatMap((suite) => walk(suite, [])),
    ...(json.errors ?? []).map((error) => `Playwright\n${firstLines(error.message ?? '')}`),
  ]
}

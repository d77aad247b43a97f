/**
 * `npm test`: every check of the project, in the order a failure is cheapest to find, then one
 * closing line `N passed, N failed` summing them (each static check counts as one test).
 * It goes on after a failure so one run reports everything, and exits non-zero if anything failed.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

import { ensureBrowser } from './ensure-browser'
import { firstLines, playwrightFailures, vitestFailures } from './failure-recap'

type Counts = { passed: number; failed: number }
const total: Counts = { passed: 0, failed: 0 }
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
/** What went wrong, a few lines per failure, for the end of the run (and `.ci/run`'s). */
const failures: string[] = []

/** How long each step took, for the end of the run: where the loop's minutes go. */
const timings: string[] = []
const startedAt = performance.now()
function timed<T>(title: string, step: () => T): T {
  const started = performance.now()
  const result = step()
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  timings.push(`${title}: ${seconds} s`)
  return result
}

function run(title: string, command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`)
  const result = timed(title, () =>
    spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }),
  )
  return result.status === 0
}

/** A static check, counted as one test; its output is kept for the recap should it fail. */
function check(title: string, command: string, args: string[]) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`)
  const result = timed(title, () =>
    spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  )
  record(title, command, args, result.status === 0, `${result.stdout ?? ''}${result.stderr ?? ''}`)
}

function record(title: string, command: string, args: string[], ok: boolean, output: string) {
  process.stdout.write(output)
  total[ok ? 'passed' : 'failed']++
  if (ok) return
  console.log(`=== ${title} FAILED`)
  failures.push(`${title} (${command} ${args.join(' ')})\n${firstLines(output.trim(), 24)}`)
}

type Check = { title: string; command: string; args: string[] }

/**
 * Static checks at the same time, each reported whole once all are done, in the order given.
 * They read files and write nothing, and none waits on a clock: together they take about as long
 * as the slowest (Prettier, one core) rather than the sum.
 */
async function checkTogether(checks: Check[]) {
  const started = performance.now()
  const outcomes = await Promise.all(
    checks.map(
      ({ command, args }) =>
        new Promise<{ ok: boolean; output: string; seconds: string }>((resolve) => {
          let output = ''
          const child = spawn(command, args, { env })
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
          child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
          child.on('error', (error) => resolve({ ok: false, output: String(error), seconds: '-' }))
          child.on('close', (code) =>
            resolve({
              ok: code === 0,
              output,
              seconds: ((performance.now() - started) / 1000).toFixed(1),
            }),
          )
        }),
    ),
  )
  const together = ((performance.now() - started) / 1000).toFixed(1)
  timings.push(`${checks.map(({ title }) => title).join(', ')} (together): ${together} s`)
  checks.forEach(({ title, command, args }, index) => {
    const { ok, output, seconds } = outcomes[index]!
    console.log(`\n=== ${title}: ${command} ${args.join(' ')} (done at ${seconds} s)`)
    record(title, command, args, ok, output)
  })
}

/** Reads `paths` (dotted) of numbers out of a runner's JSON report and adds each group up. */
function countFrom(
  report: string,
  paths: { passed: string[]; failed: string[] },
  ok: boolean,
): Counts {
  if (!existsSync(report)) return { passed: 0, failed: 1 }
  const json: unknown = JSON.parse(readFileSync(report, 'utf8'))
  const sum = (keys: string[]) => keys.reduce((acc, key) => acc + numberAt(json, key), 0)
  const counts = { passed: sum(paths.passed), failed: sum(paths.failed) }
  // A runner that failed without a failing test (a crash, a bad config) still fails the run.
  return !ok && counts.failed === 0 ? { ...counts, failed: 1 } : counts
}

function numberAt(json: unknown, path: string): number {
  let value = json
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined
  }
  return typeof value === 'number' ? value : 0
}

function add(title: string, counts: Counts) {
  console.log(`=== ${title}: ${counts.passed} passed, ${counts.failed} failed`)
  total.passed += counts.passed
  total.failed += counts.failed
}

rmSync('reports', { recursive: true, force: true })

await checkTogether([
  { title: 'format', command: 'npx', args: ['prettier', '--check', '.'] },
  { title: 'lint', command: 'npx', args: ['oxlint', '--deny-warnings'] },
  { title: 'typecheck', command: 'npx', args: ['tsc', '-b'] },
])

const unitReport = 'reports/unit.json'
const unitOk = run('unit and component tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
])
add(
  'unit and component tests',
  countFrom(unitReport, { passed: ['numPassedTests'], failed: ['numFailedTests'] }, unitOk),
)
failures.push(...vitestFailures(unitReport))

// The app and the production server: the journeys run the server as it ships.
check('build', 'npm', ['run', 'build'])
check('bundle budget', 'node', ['--import', 'tsx', 'scripts/bundle-budget.ts'])

let chromiumPath: string | undefined
try {
  chromiumPath = ensureBrowser()
  console.log(`\nBrowser for the e2e tests: ${chromiumPath}`)
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(message)
  total.failed++
  failures.push(`No browser for the journeys\n${message}`)
}
if (chromiumPath) {
  const e2eReport = 'reports/e2e.json'
  const e2eOk = run('end-to-end journeys', 'npx', ['playwright', 'test'], {
    CHROMIUM_PATH: chromiumPath,
  })
  add(
    'end-to-end journeys',
    countFrom(
      e2eReport,
      { passed: ['stats.expected', 'stats.flaky'], failed: ['stats.unexpected'] },
      e2eOk,
    ),
  )
  failures.push(...playwrightFailures(e2eReport))
}

const totalSeconds = ((performance.now() - startedAt) / 1000).toFixed(0)
console.log(`\n=== time taken: ${totalSeconds} s\n${timings.join('\n')}`)

// The runners print their failures far above; a CI log is often read from its end.
if (failures.length) {
  const recap = `=== what failed (a journey that passed on its retry is marked flaky)\n${failures.join('\n\n')}\n`
  writeFileSync('reports/failures.txt', recap)
  console.log(`\n${recap}`)
}

console.log(`\n${total.passed} passed, ${total.failed} failed`)
process.exit(total.failed ? 1 : 0)

/**
 * `npm run load`: many concurrent clients against the production server (run as `npm start`
 * runs it) in front of the emulator, over real HTTP. Prints requests per second, latency
 * percentiles and errors; exits 1 on any error, which is the figure to hold at zero.
 *
 * LOAD_CLIENTS (default 50) clients each send requests back to back for LOAD_SECONDS (default 10),
 * cycling through the four forwarded routes and the page itself. Then the flood (load-flood.ts):
 * FLOOD_CLIENTS (default 2,000) at once against a hanging upstream; 0 skips it.
 */
import { spawnServer } from '../scripts/spawn-server'
import { runFlood } from './load-flood'
import { demoKey } from '../server/emulator/emulator-app'
import { seedModels } from '../server/emulator/models/seed-models'

const clients = Number(process.env.LOAD_CLIENTS ?? 50)
const seconds = Number(process.env.LOAD_SECONDS ?? 10)
const floodClients = Number(process.env.FLOOD_CLIENTS ?? 2_000)

const emulator = await spawnServer(['server/emulator/main.ts', '--port=0'])
const server = await spawnServer(['server/prod/main.ts'], {
  PORT: '0',
  HOST: '127.0.0.1',
  MARQTUNE_URL: emulator.url,
})

const modelId = seedModels[0]!.modelId
const paths = [
  '/api/models',
  `/api/models/${modelId}`,
  `/api/models/${modelId}/logs`,
  `/api/models/${modelId}/download/url?checkpoint=epoch_1`,
  '/api/models',
  '/',
]

const latencies: number[] = []
const errors = new Map<string, number>()
const countError = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1)
const until = performance.now() + seconds * 1000

async function client(offset: number) {
  for (let turn = offset; performance.now() < until; turn++) {
    const path = paths[turn % paths.length]!
    const started = performance.now()
    try {
      const response = await fetch(`${server.url}${path}`, { headers: { 'x-api-key': demoKey } })
      await response.arrayBuffer()
      if (response.ok) latencies.push(performance.now() - started)
      else countError(`HTTP ${response.status} on ${path}`)
    } catch (error) {
      countError(`${String(error)} on ${path}`)
    }
  }
}

console.log(`${clients} clients for ${seconds} s against ${server.url} (emulator ${emulator.url})`)
const started = performance.now()
await Promise.all(Array.from({ length: clients }, (_, index) => client(index)))
const elapsed = (performance.now() - started) / 1000
server.process.kill()
emulator.process.kill()

latencies.sort((a, b) => a - b)
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN
const errorCount = [...errors.values()].reduce((sum, count) => sum + count, 0)
console.log(
  [
    `requests: ${latencies.length + errorCount}`,
    `requests/s: ${Math.round((latencies.length + errorCount) / elapsed)}`,
    `latency p50: ${percentile(0.5).toFixed(1)} ms`,
    `p99: ${percentile(0.99).toFixed(1)} ms`,
    `max: ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`,
    `errors: ${errorCount}`,
  ].join('\n'),
)
for (const [what, count] of errors) console.log(`  ${count} × ${what}`)

const flood = floodClients > 0 ? await runFlood(floodClients) : { failures: 0, lines: [] }
for (const line of flood.lines) console.log(line)
process.exitCode = errorCount === 0 && flood.failures === 0 ? 0 : 1

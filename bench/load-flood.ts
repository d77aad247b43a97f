/**
 * The flood of `npm run load`: FLOOD_CLIENTS (default 2,000) GETs at once against the production
 * server in front of an upstream that never answers, on loopback. The server may forward only
 * MAX_UPSTREAM_REQUESTS of them and must answer every other one at once with a 503; none may
 * fail without an answer, and /healthz must keep answering meanwhile.
 */
import { createServer } from 'node:http'
import { spawnServer } from '../scripts/spawn-server'
import { portOf } from '../server/prod/testing/fake-upstream'

export type FloodResult = { failures: number; lines: string[] }

export async function runFlood(clients: number): Promise<FloodResult> {
  // Accepts the connection and never says a word: the worst an upstream can do to a forwarder.
  const hanging = createServer(() => {})
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
  const upstreamUrl = `http://127.0.0.1:${portOf(hanging)}`
  const server = await spawnServer(['server/prod/main.ts'], {
    PORT: '0',
    HOST: '127.0.0.1',
    MARQTUNE_URL: upstreamUrl,
    // Short, so that the requests let through end (504) within the scenario.
    UPSTREAM_TIMEOUT_MS: '3000',
  })

  const statuses = new Map<string, number>()
  const count = (what: string) => statuses.set(what, (statuses.get(what) ?? 0) + 1)
  const busyLatencies: number[] = []
  const healthLatencies: number[] = []
  let healthFailures = 0
  const floodOver = new AbortController()

  const health = (async () => {
    while (!floodOver.signal.aborted) {
      const started = performance.now()
      try {
        const response = await fetch(`${server.url}/healthz`)
        await response.arrayBuffer()
        if (response.ok) healthLatencies.push(performance.now() - started)
        else healthFailures++
      } catch {
        healthFailures++
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()

  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const sent = performance.now()
      try {
        const response = await fetch(`${server.url}/api/models`, {
          headers: { 'x-api-key': 'flood' },
          signal: AbortSignal.timeout(15_000),
        })
        const json = isJson(await response.text())
        if (response.status === 503) busyLatencies.push(performance.now() - sent)
        count(`HTTP ${response.status}${json ? ' (JSON)' : ' (not JSON)'}`)
      } catch (error) {
        count(`no answer: ${String(error)}`)
      }
    }),
  )
  const elapsed = performance.now() - started
  floodOver.abort()
  await health
  server.process.kill()
  hanging.closeAllConnections()
  hanging.close()

  const unanswered = [...statuses].filter(([what]) => what.startsWith('no answer'))
  const failures = unanswered.reduce((sum, [, n]) => sum + n, 0) + healthFailures
  const max = (values: number[]) => (values.length ? Math.max(...values).toFixed(1) : 'n/a')
  busyLatencies.sort((a, b) => a - b)
  const median = busyLatencies[Math.floor(busyLatencies.length / 2)]
  return {
    failures,
    lines: [
      `flood: ${clients} clients at once against an upstream that never answers (${upstreamUrl})`,
      ...[...statuses].map(([what, n]) => `  ${n} × ${what}`),
      `  503 latency p50: ${median?.toFixed(1) ?? 'n/a'} ms, max: ${max(busyLatencies)} ms`,
      `  /healthz during the flood: ${healthLatencies.length} answered, max ${max(healthLatencies)} ms, ${healthFailures} failed`,
      `  flood over in ${(elapsed / 1000).toFixed(1)} s; failed without an answer: ${failures}`,
    ],
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

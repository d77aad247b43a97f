import { spawnServer } from '../scripts/spawn-server'
import type { Fault, RecordedRequest } from '../server/emulator/faults'
import { test as base } from './fixtures'

/** Accepted by the faulty emulator besides the demo key. */
export const secondKey = 'marqtune-second-key'
/** Used through a whole journey, then looked for everywhere it must not be. */
export const canaryKey = 'canary-5f1e3c9a2b7d40e8a6c1'

export type FaultyServers = {
  /** The dashboard's server, in front of `emulator`. */
  app: string
  emulator: string
  /** Everything both processes printed so far. */
  output: () => string
  /** Queues faults for the next requests to one emulator route. */
  queue: (route: string, ...faults: Fault[]) => Promise<void>
  /** Every request the emulator received since the test began. */
  requests: () => Promise<RecordedRequest[]>
}

/**
 * A fault-injecting emulator and the production server in front of it, one pair per worker, so
 * a test's faults and request counts are its own. The server gives up on the upstream after 3 s.
 */
export const test = base.extend<{ faulty: FaultyServers }, { faultyPair: FaultyServers }>({
  faultyPair: [
    // oxlint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    async ({}, use) => {
      const emulator = await spawnServer([
        'server/emulator/main.ts',
        '--port=0',
        '--account=fixtures',
        '--faults',
        `--key=${secondKey}`,
        `--key=${canaryKey}`,
      ])
      const app = await spawnServer(['dist-server/main.js'], {
        PORT: '0',
        HOST: '127.0.0.1',
        MARQTUNE_URL: emulator.url,
        UPSTREAM_TIMEOUT_MS: '3000',
      })
      await use({
        app: app.url,
        emulator: emulator.url,
        output: () => emulator.output() + app.output(),
        queue: async (route, ...faults) => {
          const response = await fetch(`${emulator.url}/__emulator/faults`, {
            method: 'POST',
            body: JSON.stringify({ route, faults }),
          })
          if (!response.ok) throw new Error(`queueing faults failed: ${await response.text()}`)
        },
        requests: async () => {
          const recorded: RecordedRequest[] = await (
            await fetch(`${emulator.url}/__emulator/requests`)
          ).json()
          return recorded
        },
      })
      app.process.kill()
      emulator.process.kill()
    },
    { scope: 'worker' },
  ],
  faulty: async ({ faultyPair }, use) => {
    await fetch(`${faultyPair.emulator}/__emulator/state`, { method: 'DELETE' })
    await use(faultyPair)
  },
})

export { expect } from './fixtures'

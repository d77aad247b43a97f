import { spawn, type ChildProcess } from 'node:child_process'

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

type Started = { url: string; process: ChildProcess; output: () => string }

/** Starts a server script on a free port; resolves once it prints the URL it listens on. */
function start(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0]
      if (url) resolve({ url, process: child, output: () => output })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${output}`)))
  })
}

/**
 * A fault-injecting emulator and the production server in front of it, one pair per worker, so
 * a test's faults and request counts are its own. The server gives up on the upstream after 3 s.
 */
export const test = base.extend<{ faulty: FaultyServers }, { faultyPair: FaultyServers }>({
  faultyPair: [
    // oxlint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    async ({}, use) => {
      const emulator = await start([
        'server/emulator/main.ts',
        '--port=0',
        '--faults',
        `--key=${secondKey}`,
        `--key=${canaryKey}`,
      ])
      const app = await start(['server/prod/main.ts'], {
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

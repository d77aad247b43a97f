import { spawnServer } from '../scripts/spawn-server'

/**
 * The emulator/server pair Playwright starts before the journeys; ports kept away from the
 * demo's. `E2E_PORT_OFFSET` moves them, so two checkouts (git worktrees) can run journeys at once.
 * Journeys use it (the emulator's default, as the official client reads the service) unless they
 * start a pair of their own with `startPair`.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0)
const local = (port: number) => `http://127.0.0.1:${port + offset}`

export const e2eServers = {
  bare: {
    args: '--account fixtures',
    emulator: local(8811),
    app: local(4311),
  },
} as const

export type Pair = { app: string; emulator: string; stop: () => void }

/**
 * An emulator given `emulatorArgs` and the built server in front of it, on free ports: for the
 * few journeys that need another emulator (the wrapped envelope, 100,000 models), started by the
 * journey that needs it while the other worker goes on, rather than by Playwright before any
 * journey may begin (about 3 s of both workers idle on 2 cores).
 */
export async function startPair(
  emulatorArgs: string[],
  serverEnv: Record<string, string> = {},
): Promise<Pair> {
  const emulator = await spawnServer(['server/emulator/main.ts', '--port=0', ...emulatorArgs])
  try {
    const app = await spawnServer(['dist-server/main.js'], {
      PORT: '0',
      HOST: '127.0.0.1',
      MARQTUNE_URL: emulator.url,
      ...serverEnv,
    })
    return {
      app: app.url,
      emulator: emulator.url,
      stop: () => {
        app.process.kill()
        emulator.process.kill()
      },
    }
  } catch (error) {
    emulator.process.kill()
    throw error
  }
}

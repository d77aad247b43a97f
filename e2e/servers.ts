/**
 * The emulator/server pairs the journeys run against; ports kept away from the demo's.
 * `E2E_PORT_OFFSET` moves them all, so two checkouts (git worktrees) can run journeys at once.
 * Journeys use the `bare` pair (the emulator's default, as the official client reads the
 * service) unless they name another; `wrapped` answers in the documented envelope.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0)
const local = (port: number) => `http://127.0.0.1:${port + offset}`

export const e2eServers = {
  bare: {
    args: '--account fixtures',
    emulator: local(8811),
    app: local(4311),
  },
  wrapped: {
    args: '--account fixtures --envelope wrapped',
    emulator: local(8810),
    app: local(4310),
  },
  /** A generated account of 100,000 models (seed 1), as the benchmarks use. */
  large: {
    args: '--models 100000 --seed 1',
    emulator: local(8812),
    app: local(4312),
  },
} as const

/** The emulator/server pairs the journeys run against; ports kept away from the demo's. */
export const e2eServers = {
  wrapped: {
    args: '--envelope wrapped',
    emulator: 'http://127.0.0.1:8810',
    app: 'http://127.0.0.1:4310',
  },
  bare: {
    args: '--envelope bare',
    emulator: 'http://127.0.0.1:8811',
    app: 'http://127.0.0.1:4311',
  },
  /** A generated account of 100,000 models (seed 1), as the benchmarks use. */
  large: {
    args: '--models 100000 --seed 1',
    emulator: 'http://127.0.0.1:8812',
    app: 'http://127.0.0.1:4312',
  },
} as const

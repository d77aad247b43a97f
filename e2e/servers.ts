/** The emulator/server pairs the journeys run against; ports kept away from the demo's. */
export const e2eServers = {
  wrapped: { envelope: 'wrapped', emulator: 'http://127.0.0.1:8810', app: 'http://127.0.0.1:4310' },
  bare: { envelope: 'bare', emulator: 'http://127.0.0.1:8811', app: 'http://127.0.0.1:4311' },
} as const

import { defineConfig, devices } from '@playwright/test'
import { existsSync } from 'node:fs'

import { findChromium } from './scripts/chromium'
import { e2eServers } from './e2e/servers'

const node = 'node --import tsx'
// The journeys run the production server as it ships: built to plain JavaScript.
const builtServer = 'dist-server/main.js'
if (!existsSync(builtServer)) throw new Error(`No ${builtServer}: run \`npm run build\` first.`)

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: true,
  // On CI a failed journey runs once more. One that then passes counts as passed but is listed,
  // with its first error, at the end of `npm test` (scripts/failure-recap.ts): a flake is seen,
  // never hidden, and does not turn a sound change red. Locally, a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  // The JSON report is what scripts/test.ts counts for the closing summary line.
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: e2eServers.bare.app,
    // Recording a trace costs every journey its DOM snapshots and screencast: 15-35 % of the
    // journeys' time on 2 cores. The retry of a failed journey records one, and CI retries once.
    // Locally, `npx playwright test --trace on` reruns a failure with its trace.
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: findChromium() },
      },
    },
  ],
  webServer: Object.values(e2eServers).flatMap((pair) => [
    {
      command: `${node} server/emulator/main.ts --port ${new URL(pair.emulator).port} ${pair.args}`,
      url: `${pair.emulator}/models`,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore' as const,
    },
    {
      command: `node ${builtServer}`,
      url: pair.app,
      env: {
        PORT: new URL(pair.app).port,
        HOST: '127.0.0.1',
        MARQTUNE_URL: pair.emulator,
      },
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore' as const,
    },
  ]),
})

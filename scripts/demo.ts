/**
 * `npm run demo`: builds the app and the server when missing or stale (so `npm start` works
 * afterwards too), then runs the emulator with the demo account and the production server
 * pointed at it, in this one process.
 */
import { existsSync } from 'node:fs'

import { buildIfStale } from './build-if-stale'
import { demoAccount, demoKey, startDemoServers } from './demo-servers'

// `.env` if there is one (a variable set in the environment wins), without Node's notice when
// there is none, which reads like an error to a newcomer.
if (existsSync('.env')) process.loadEnvFile('.env')
buildIfStale()

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 4173)
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 8787)
// Training happens at a pace a person can watch: progress, highlights and notifications.
const epochMs = Number(process.env.DEMO_EPOCH_MS ?? 20_000)

try {
  const { url, emulatorUrl } = await startDemoServers({ host, port, emulatorPort, epochMs })
  console.log(`
  Marqtune Models dashboard (demo account: ${demoAccount.models.length} models, ${demoAccount.evaluations.length} evaluations)

    Open      ${url}
    API key   ${demoKey}

  The Marqtune emulator answers on ${emulatorUrl}; trainings and evaluations move, a step every ${epochMs / 1000} s.
  Ctrl+C stops both.
`)
} catch (error) {
  const busy = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'
  console.error(
    busy
      ? `Port ${port} or ${emulatorPort} is already in use. Stop what uses it, or choose others: PORT=4180 EMULATOR_PORT=8790 npm run demo`
      : error,
  )
  process.exit(1)
}

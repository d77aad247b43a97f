// `npm start`: the built production server, or, when there is none yet, one line saying what to
// run (rather than Node's MODULE_NOT_FOUND stack trace). Plain JavaScript: `npm start` needs only
// the production dependencies, without tsx.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// `.env` if there is one (a variable set in the environment wins), without Node's notice when
// there is none.
if (existsSync('.env')) process.loadEnvFile('.env')
const server = resolve('dist-server/main.js')
if (!existsSync(server)) {
  console.error(
    'No built server (dist-server/main.js): run `npm run build` first, then `npm start` (or `npm run demo` to try the dashboard with the emulator).',
  )
  process.exit(1)
}
await import(pathToFileURL(server).href)

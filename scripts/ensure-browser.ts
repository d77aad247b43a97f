/**
 * Makes sure the e2e tests have a Chromium: found (see findChromium), or installed with
 * Playwright's downloader where downloads work, or Debian's package where apt is usable.
 * Otherwise it stops and says exactly what to run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

import { findChromium, systemChromium } from './chromium'

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`)
  return spawnSync(command, args, { stdio: 'inherit', timeout: 15 * 60_000 }).status === 0
}

export function ensureBrowser(): string {
  const found = findChromium()
  if (found) return found
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`)
  }

  console.log('No Chromium found for the browser tests; installing one.')
  if (run('npx', ['playwright', 'install', 'chromium'])) {
    const installed = findChromium()
    if (installed) return installed
  }
  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("Playwright's download failed; trying Debian's chromium package.")
    if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])) {
      if (existsSync(systemChromium)) return systemChromium
    }
  }
  throw new Error(
    [
      'Could not find or install Chromium for the browser tests. Do one of these, then run npm test again:',
      '  npx playwright install chromium            (where downloads work)',
      '  sudo apt-get install -y chromium           (Debian or Ubuntu)',
      '  export CHROMIUM_PATH=/path/to/chromium     (any Chromium or Chrome you already have)',
    ].join('\n'),
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`Browser for the e2e tests: ${ensureBrowser()}`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}

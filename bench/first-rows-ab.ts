/**
 * Does a change make the first rows paint sooner? Serves two or more builds of the app (each a
 * `dist` directory, built beforehand) against one generated account of AB_MODELS models (default
 * 1,000), loads them in turn in one Chromium, AB_LOADS times each (default 21), as the bench
 * does (the key entered once the page is idle), and prints each build's median and mean of
 * `models:validated` → `models:painted`. Alternating the builds in one browser keeps the
 * machine's drift out of the comparison: the bench's one median of 3 loads moves ±15 ms from
 * run to run, too coarse for a change of 10 (docs/decisions/0011-eager-compilation.md).
 *
 *   npx vite build --outDir /tmp/before   (on the base)
 *   npx vite build --outDir /tmp/after    (with the change)
 *   node --import tsx bench/first-rows-ab.ts /tmp/before /tmp/after
 */
import { chromium } from '@playwright/test'

import { listen } from '../scripts/demo-servers'
import { ensureBrowser } from '../scripts/ensure-browser'
import { modelsAccount } from '../server/emulator/accounts'
import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { generateModels } from '../server/emulator/models/generate-models'
import { createServerApp } from '../server/prod/server-app'
import { agGridColumns } from './interactions'

const builds = process.argv.slice(2)
if (builds.length < 2) throw new Error('usage: bench/first-rows-ab.ts <dist> <dist> [<dist>…]')
const count = Number(process.env.AB_MODELS ?? 1000)
const loads = Number(process.env.AB_LOADS ?? 21)

const emulator = await listen(
  createEmulatorApp({ account: modelsAccount(generateModels(count, 1)), keys: [demoKey] }).fetch,
)
const apps = await Promise.all(
  builds.map((distDir) =>
    listen(createServerApp({ upstream: { baseUrl: emulator.url }, distDir, log: () => {} }).fetch),
  ),
)
const browser = await chromium.launch({ executablePath: ensureBrowser() })
const samples: number[][] = builds.map(() => [])
try {
  for (let load = 0; load < loads; load++) {
    // Each build goes first in turn.
    const order = load % 2 === 0 ? [...builds.keys()] : [...builds.keys()].toReversed()
    for (const build of order) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${apps[build]!.url}?${agGridColumns}`)
      await page.waitForLoadState('networkidle')
      await page.getByLabel('API key').fill(demoKey)
      await page.getByRole('button', { name: 'Connect' }).click()
      await page.waitForFunction(() => performance.getEntriesByName('models:painted').length > 0)
      samples[build]!.push(
        await page.evaluate(
          () =>
            performance.getEntriesByName('models:painted')[0]!.startTime -
            performance.getEntriesByName('models:validated')[0]!.startTime,
        ),
      )
      await context.close()
    }
  }
} finally {
  await browser.close()
  for (const app of [...apps, emulator]) app.close()
}

console.log(`${count} models, ${loads} loads each: validated → first rows painted`)
builds.forEach((build, at) => {
  const sorted = samples[at]!.toSorted((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length
  console.log(`${build}: median ${median.toFixed(1)} ms, mean ${mean.toFixed(1)} ms`)
})

/**
 * `npm run screenshots`: the README's pictures, taken from the demo account in Chromium,
 * so they always show what the code does today.
 */
import { chromium } from '@playwright/test'

import { buildIfStale } from './build-if-stale'
import { demoKey, startDemoServers } from './demo-servers'
import { ensureBrowser } from './ensure-browser'

buildIfStale()
const servers = await startDemoServers({
  host: '127.0.0.1',
  port: 0,
  emulatorPort: 0,
  log: () => {},
})
const browser = await chromium.launch({ executablePath: ensureBrowser() })
try {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 860 },
    deviceScaleFactor: 1,
  })
  await page.goto(servers.url)
  await page.getByLabel('API key').fill(demoKey)
  await page.getByRole('button', { name: 'Connect' }).click()
  await page.getByRole('cell', { name: 'gs-apparel-v3', exact: true }).waitFor()
  await page.screenshot({ path: 'docs/screenshots/table.png' })
  console.log('Wrote docs/screenshots/table.png')
} finally {
  await browser.close()
  servers.close()
}

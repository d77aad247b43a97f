/**
 * `npm run screenshots`: the README's pictures, taken from the demo account in Chromium,
 * so they always show what the code does today.
 */
import { chromium, type Page } from '@playwright/test'

import { buildIfStale } from './build-if-stale'
import { demoKey, startDemoServers } from './demo-servers'
import { ensureBrowser } from './ensure-browser'

async function connect(page: Page, url: string) {
  await page.goto(url)
  await page.getByLabel('API key').fill(demoKey)
  await page.getByRole('button', { name: 'Connect' }).click()
  await page.getByRole('rowheader', { name: 'gs-apparel-v3', exact: true }).waitFor()
  await page.mouse.move(0, 0)
}

async function shoot(page: Page, name: string) {
  const path = `docs/screenshots/${name}.png`
  await page.screenshot({ path })
  console.log(`Wrote ${path}`)
}

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
  await connect(page, servers.url)
  await shoot(page, 'table')

  await page.getByRole('searchbox', { name: 'Search models' }).fill('vit-l')
  await page.getByRole('button', { name: 'Status filter' }).click()
  await page.getByRole('dialog', { name: 'Filter by status' }).getByRole('checkbox').first().check()
  await shoot(page, 'filters')

  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Clear all filters' }).click()
  await page.getByRole('button', { name: 'gs-apparel-v4', exact: true }).click()
  await page.getByRole('button', { name: 'Get a download link for epoch_3' }).click()
  await page.getByRole('link', { name: /Download epoch_3/ }).waitFor()
  await shoot(page, 'panel')

  // The account at a glance and the progress of what is training.
  await page.getByRole('button', { name: 'Close details' }).click()
  await page.getByRole('button', { name: 'In progress', exact: true }).click()
  await page.getByRole('button', { name: 'multilingual-retail-xlmr', exact: true }).click()
  await page
    .getByRole('region', { name: 'Training' })
    .getByText(/an epoch/)
    .waitFor()
  await shoot(page, 'progress')

  const dark = await browser.newPage({
    viewport: { width: 1400, height: 860 },
    deviceScaleFactor: 1,
    colorScheme: 'dark',
  })
  await connect(dark, servers.url)
  await dark.getByRole('button', { name: 'Failed', exact: true }).click()
  await dark.getByRole('region', { name: /Why models failed/ }).waitFor()
  await shoot(dark, 'dark')

  const phone = await browser.newPage({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  })
  await connect(phone, servers.url)
  await shoot(phone, 'narrow')
} finally {
  await browser.close()
  servers.close()
}

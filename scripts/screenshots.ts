/**
 * `npm run screenshots`: the key screens of the demo account (the Evaluations view among them), at 1440×900, 1280×800 and a
 * 390×844 phone, in the light and the dark theme, into docs/screenshots/<screen>-<width>-<theme>.png,
 * so they always show what the code does today. Look at every one before a change lands.
 */
import { chromium, type Browser, type Page } from '@playwright/test'

import { buildIfStale } from './build-if-stale'
import { demoKey, startDemoServers } from './demo-servers'
import { ensureBrowser } from './ensure-browser'

const sizes = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const
const themes = ['light', 'dark'] as const

type Shot = { width: number; theme: (typeof themes)[number]; phone: boolean }

async function shoot(page: Page, name: string, { width, theme }: Shot) {
  await page.mouse.move(0, 0)
  // Nothing moving: no caret blinking, no transition caught half way.
  await page.waitForTimeout(150)
  const path = `docs/screenshots/${name}-${width}-${theme}.png`
  await page.screenshot({ path })
  console.log(`Wrote ${path}`)
}

async function connect(page: Page, url: string) {
  await page.goto(url)
  await page.getByLabel('API key').fill(demoKey)
  await page.getByRole('button', { name: 'Connect' }).click()
  await page.getByRole('grid', { name: 'Models' }).waitFor()
}

/** The key screen, the models, a facet open, a model's checkpoints and the failed ones grouped. */
async function shootAll(browser: Browser, url: string, shot: Shot) {
  const size = sizes.find((candidate) => candidate.width === shot.width)!
  const page = await browser.newPage({
    viewport: size,
    deviceScaleFactor: 1,
    colorScheme: shot.theme,
    ...(shot.phone ? { isMobile: true, hasTouch: true } : {}),
  })
  await page.goto(url)
  await page.getByRole('button', { name: 'Connect' }).waitFor()
  await shoot(page, 'key', shot)

  await connect(page, url)
  await shoot(page, 'models', shot)

  // Every evaluation of the account, its numbers read; then back to the models.
  const screens = page.getByRole('navigation', { name: 'Screens' })
  await screens.getByRole('button', { name: 'Evaluations' }).click()
  await page.locator('[data-evaluation-id]').first().waitFor()
  await page.getByText(/reading the numbers/).waitFor({ state: 'hidden' })
  await shoot(page, 'evaluations', shot)
  await screens.getByRole('button', { name: 'Models' }).click()
  await page.getByRole('grid', { name: 'Models' }).waitFor()

  await page.getByRole('button', { name: 'Base model filter' }).click()
  await page
    .getByRole('dialog', { name: 'Filter by base model' })
    .getByRole('checkbox')
    .first()
    .check()
  await shoot(page, 'filters', shot)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Clear all filters' }).first().click()

  await page.getByRole('button', { name: 'Failed', exact: true }).click()
  await page.getByRole('region', { name: /Why models failed/ }).waitFor()
  await shoot(page, 'triage', shot)
  await page.getByRole('button', { name: 'Failed', exact: true }).click()

  // The model with the most checkpoints, its list scrolled to the oldest, its Copy menu open.
  await page.getByRole('searchbox', { name: 'Search models' }).fill('epoch_40')
  await page.locator('[role="row"][data-model-id]').first().click()
  await page.getByRole('tab', { name: /^Checkpoints/ }).click()
  const copy = page.getByRole('button', { name: 'Copy epoch_1', exact: true })
  await copy.scrollIntoViewIfNeeded()
  await copy.click()
  await page.getByRole('menu', { name: 'Copy epoch_1' }).waitFor()
  await shoot(page, 'panel', shot)
  await page.keyboard.press('Escape')

  // The demo's evaluated model: its best checkpoint against the base model, then its loss curve.
  if (shot.phone) await page.getByRole('button', { name: /Back/ }).click()
  await page.getByRole('searchbox', { name: 'Search models' }).fill('gs-apparel-v3')
  await page.locator('[role="row"][data-model-id]').first().click()
  await page.getByRole('tab', { name: /^Evaluations/ }).click()
  await page.getByRole('region', { name: 'Best checkpoint' }).getByText(/^Best by/).waitFor()
  await page.getByRole('figure', { name: /by epoch on/ }).locator('canvas').waitFor()
  await shoot(page, 'checkpoint-metrics', shot)
  await page.getByRole('tab', { name: /^Logs/ }).click()
  await page.getByRole('figure', { name: /^Loss/ }).locator('canvas').waitFor()
  await shoot(page, 'loss', shot)
  await page.close()
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
  for (const { width } of sizes) {
    for (const theme of themes)
      await shootAll(browser, servers.url, { width, theme, phone: width < 640 })
  }
} finally {
  await browser.close()
  servers.close()
}

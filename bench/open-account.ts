import { chromium } from '@playwright/test'

import { listen } from '../scripts/demo-servers'
import { ensureBrowser } from '../scripts/ensure-browser'
import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { generateModels } from '../server/emulator/generate-models'
import { createServerApp } from '../server/prod/server-app'

/**
 * For bench/profile.ts and bench/trace.ts: a generated account of `count` models (seed 1) served
 * by the emulator through the production server from `distDir`, open and connected in Chromium.
 */
export async function openGeneratedAccount(count: number, distDir: string) {
  const models = generateModels(count, 1)
  const emulator = await listen(
    createEmulatorApp({ models, keys: [demoKey], envelope: 'wrapped' }).fetch,
  )
  const app = await listen(
    createServerApp({ upstream: { baseUrl: emulator.url }, distDir, log: () => {} }).fetch,
  )
  const browser = await chromium.launch({ executablePath: ensureBrowser() })
  const close = async () => {
    await browser.close()
    app.close()
    emulator.close()
  }
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    // tsx keeps function names with an `__name` helper that page functions then call.
    await page.addInitScript('globalThis.__name = (target) => target')
    await page.goto(app.url)
    await page.getByLabel('API key').fill(demoKey)
    await page.getByRole('button', { name: 'Connect' }).click()
    await page.getByRole('table').waitFor()
    return { browser, page, close }
  } catch (error) {
    await close()
    throw error
  }
}

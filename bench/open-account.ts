import { chromium } from '@playwright/test'

import { listen } from '../scripts/demo-servers'
import { agGridColumns } from './interactions'
import { ensureBrowser } from '../scripts/ensure-browser'
import { modelsAccount } from '../server/emulator/accounts'
import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { generateModels } from '../server/emulator/models/generate-models'
import { createServerApp } from '../server/prod/server-app'

export type Action = 'facet' | 'type' | 'sort' | 'scroll'

/**
 * Installed in the page: repeats one interaction, timing each from the act to the frame after
 * it, with `trace:start:N` / `trace:end:N` marks around it, and a pause between repeats.
 * facet: the Failed quick filter, on and off; type: keystrokes of a search; sort: the Max
 * training time header; scroll: the table from top to bottom in `repeats` steps.
 */
function installRepeat() {
  const acts: Record<Action, (step: number, repeats: number) => void> = {
    facet: () =>
      [...document.querySelectorAll('button')]
        .find((button) => button.dataset.quickFilter === 'Failed')!
        .click(),
    type: (step) => {
      const input = document.querySelector<HTMLInputElement>('#model-search')!
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
        input,
        'furniture-dedupe-v99'.slice(0, step + 1),
      )
      input.dispatchEvent(new Event('input', { bubbles: true }))
    },
    sort: () =>
      document
        .querySelector<HTMLButtonElement>(
          '[role="columnheader"][data-column="maxTrainingTime"] button',
        )!
        .click(),
    scroll: (step, repeats) => {
      const scroller = document.querySelector<HTMLElement>('[role="grid"][aria-label="Models"]')!
      scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * (step + 1)) / repeats
    },
  }
  Object.assign(window, {
    async repeatAction(action: Action, repeats: number) {
      const durations: number[] = []
      for (let step = 0; step < repeats; step++) {
        const started = performance.now()
        performance.mark(`trace:start:${step}`)
        acts[action](step, repeats)
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
        performance.mark(`trace:end:${step}`)
        durations.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      return durations
    },
  })
}

declare global {
  interface Window {
    repeatAction: (action: Action, repeats: number) => Promise<number[]>
  }
}

/**
 * For bench/profile.ts and bench/trace.ts: a generated account of `count` models (seed 1) served
 * by the emulator through the production server from `distDir`, open and connected in Chromium.
 */
export async function openGeneratedAccount(count: number, distDir: string) {
  const models = generateModels(count, 1)
  const emulator = await listen(
    createEmulatorApp({ account: modelsAccount(models), keys: [demoKey] }).fetch,
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
    await page.addInitScript(installRepeat)
    await page.goto(`${app.url}?${agGridColumns}`)
    await page.getByLabel('API key').fill(demoKey)
    await page.getByRole('button', { name: 'Connect' }).click()
    await page.getByRole('grid').waitFor()
    return { browser, page, close }
  } catch (error) {
    await close()
    throw error
  }
}

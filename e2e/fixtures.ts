import { AxeBuilder } from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

import { fixtureAccount } from '../server/emulator/accounts'
import { demoKey } from '../server/emulator/emulator-app'

export { demoKey, expect }

/**
 * The models of the account the journeys' emulators hold (`--account fixtures`): the demo's,
 * then the names only tests need (markup, a formula, `model-2` and `model-10`).
 */
export const accountModels = fixtureAccount.models

/** The account's model of this name: a seed that a journey relies on (seed-models.ts says why). */
export function seedModel(name: string) {
  const model = accountModels.find((candidate) => candidate.modelName === name)
  if (!model) throw new Error(`The fixtures account has no model named ${name}`)
  return model
}

declare global {
  interface Window {
    /** Set by watchForErrors: how a page tells the test about a CSP violation. */
    reportCspViolation?: (violation: string) => void
  }
}

/**
 * Every page a journey opens fails the test on an uncaught error, a console.error or a CSP
 * violation. A journey that provokes an HTTP error on purpose lists the browser's own log line.
 */
export async function watchForErrors(page: Page, allowed: RegExp[] = []): Promise<() => void> {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  // Any Content-Security-Policy violation is a bug: the page reports it back to the test.
  await page.exposeFunction('reportCspViolation', (violation: string) =>
    problems.push(`CSP violation: ${violation}`),
  )
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportCspViolation?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}`,
      )
    })
  })
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    if (allowed.some((pattern) => pattern.test(message.text()))) return
    problems.push(`console.error: ${message.text()}`)
  })
  return () => expect(problems, 'page errors and console.error calls').toEqual([])
}

export const test = base.extend<{ allowedConsoleErrors: RegExp[] }>({
  allowedConsoleErrors: [[], { option: true }],
  page: async ({ page, allowedConsoleErrors }, use) => {
    const check = await watchForErrors(page, allowedConsoleErrors)
    await use(page)
    check()
  },
})

/** The models grid. */
export const modelsGrid = (page: Page) => page.getByRole('grid', { name: 'Models' })

/** The names of the models in the rows rendered, in order (the grid is virtual). */
export async function rowNames(page: Page): Promise<string[]> {
  return modelsGrid(page).getByRole('rowheader').allTextContents()
}

/** Opens a model's panel by a click on its row, as people do. */
export async function openModel(page: Page, name: string) {
  await modelsGrid(page).getByRole('rowheader', { name, exact: true }).click()
}

/** A tab of the open model's panel. */
export async function openTab(
  page: Page,
  name: 'Overview' | 'Checkpoints' | 'Hyperparameters' | 'Logs',
) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click()
}

/** Where transient notices appear (deleted, released, copied, refresh failed). */
export const notices = (page: Page) => page.getByRole('region', { name: 'Notices' })

/** Opens `url` (the dashboard's root by default) and connects with `key`. */
export async function connect(page: Page, key = demoKey, url = '/') {
  await page.goto(url)
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Connect' }).click()
}

/**
 * Every axe rule on the page as it is. Legacy mode runs axe in the page itself instead of
 * opening a blank page to merge the frames' results (the app has no frames), and only
 * violations are collected: about a third of the time a pass took (7-10 s on a busy 2-core
 * machine down to 2-3 s), with the same rules and the same violations.
 */
export async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze()
  expect(
    violations.map(({ id, help, nodes }) => ({
      id,
      help,
      targets: nodes.map((node) => node.target),
    })),
  ).toEqual([])
}

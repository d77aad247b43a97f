import type { Page } from '@playwright/test'

import { spawnServer } from '../scripts/spawn-server'
import { seedModels } from '../server/emulator/models/seed-models'
import {
  connect,
  demoKey,
  expect,
  expectNoAxeViolations,
  notices,
  openModel,
  test as base,
} from './fixtures'

// Short epochs: the watched model finishes within seconds of being watched.
const epochMs = 1500
const uploading = seedModels.find((model) => model.modelName === 'shoes-vit-b32-hard-negatives')!
const candidate = seedModels.find((model) => model.modelName === 'gs-apparel-v5-candidate')!

declare global {
  interface Window {
    shown: Array<{ title: string; fire: () => void }>
    setHidden: (hidden: boolean) => void
  }
}

/** A simulated emulator (`--simulate`) and the server in front of it, new for each test. */
const test = base.extend<{ simulated: string }>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  simulated: async ({}, use) => {
    const emulator = await spawnServer([
      'server/emulator/main.ts',
      '--port=0',
      '--simulate',
      `--epoch-ms=${epochMs}`,
    ])
    const app = await spawnServer(['dist-server/main.js'], {
      PORT: '0',
      HOST: '127.0.0.1',
      MARQTUNE_URL: emulator.url,
    })
    await use(app.url)
    app.process.kill()
    emulator.process.kill()
  },
})

/**
 * window.Notification with this permission, recording what is shown; visibility under control.
 * `refused`: its constructor throws while permission is granted, as on Chrome for Android.
 */
async function stubBrowser(page: Page, permission: NotificationPermission, refused = false) {
  await page.addInitScript(
    ({ answer, refuse }) => {
      window.shown = []
      class StubNotification extends EventTarget {
        static permission = answer
        static requestPermission = () => Promise.resolve(answer)
        constructor(title: string) {
          super()
          if (refuse) {
            throw new TypeError(
              "Failed to construct 'Notification': Illegal constructor. Use ServiceWorkerRegistration.showNotification() instead.",
            )
          }
          window.shown.push({ title, fire: () => this.dispatchEvent(new Event('click')) })
        }
        close() {}
      }
      Object.defineProperty(window, 'Notification', { value: StubNotification })
      let hidden = false
      Object.defineProperty(document, 'visibilityState', {
        get: () => (hidden ? 'hidden' : 'visible'),
      })
      Object.defineProperty(document, 'hidden', { get: () => hidden })
      window.setHidden = (value) => {
        hidden = value
        document.dispatchEvent(new Event('visibilitychange'))
      }
    },
    { answer: permission, refuse: refused },
  )
}

async function watchFromPanel(page: Page, name: string) {
  await page.getByRole('searchbox', { name: 'Search models' }).fill(name)
  await openModel(page, name)
  const toggle = page.getByRole('button', { name: 'Notify me when it finishes' })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
}

/** Waits, as the service goes, until the emulator has finished this model's training. */
async function untilFinished(app: string, modelId: string) {
  await expect
    .poll(
      async () => {
        const answer = await fetch(`${app}/api/models/${modelId}`, {
          headers: { 'x-api-key': demoKey },
        })
        const model: unknown = await answer.json()
        return typeof model === 'object' && model !== null && 'status' in model
          ? model.status
          : undefined
      },
      { timeout: 20_000 },
    )
    .toBe('ready')
}

const outcome = `${uploading.modelName}: ready, 4 checkpoints`

test('a watched model finishing while the tab is hidden: one notification, the title count, a click opens it', async ({
  page,
  simulated,
}) => {
  // The page's clock: the hidden tab's 15 s between requests pass without waiting for them.
  await page.clock.install()
  await stubBrowser(page, 'granted')
  await connect(page, demoKey, simulated)
  await watchFromPanel(page, uploading.modelName)
  await watchFromPanel(page, candidate.modelName)
  await page.getByRole('button', { name: 'Close details' }).click()
  expect(await page.evaluate(() => sessionStorage.getItem('marqtune-watched-models'))).toBe(
    JSON.stringify([uploading.modelId, candidate.modelId]),
  )
  await expectNoAxeViolations(page)

  const asked: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/api/')) asked.push(pathname)
  })
  const askedFor = (model: { modelId: string }) =>
    asked.filter((path) => path.endsWith(model.modelId)).length
  await page.evaluate(() => window.setHidden(true))
  await untilFinished(simulated, uploading.modelId)

  // Hidden: the watched models alone are asked about, once each per 15 s.
  await page.clock.fastForward(15_000)
  await expect
    .poll(() => page.evaluate(() => window.shown.map((shown) => shown.title)))
    .toEqual([outcome])
  await expect(page).toHaveTitle(/^\(1\) ✓ /)
  expect(askedFor(candidate)).toBe(1)
  await page.clock.fastForward(14_000)
  await page.waitForTimeout(300)
  expect(askedFor(candidate)).toBe(1)
  await page.clock.fastForward(1_000)
  await expect.poll(() => askedFor(candidate)).toBe(2)
  expect(new Set(asked)).toEqual(
    new Set([`/api/models/${uploading.modelId}`, `/api/models/${candidate.modelId}`]),
  )
  // Told once: a model seen finished is no longer asked about.
  expect(askedFor(uploading)).toBe(1)

  await page.evaluate(() => window.shown[0]!.fire())
  await expect(page.getByRole('heading', { level: 2, name: uploading.modelName })).toBeVisible()
  await page.evaluate(() => window.setHidden(false))
  await expect(page).not.toHaveTitle(/^\(\d+\)/)
  await expect(notices(page)).toContainText(outcome)
  await expectNoAxeViolations(page)
})

test('with notifications denied, the outcome shows on the page only, explained once', async ({
  page,
  simulated,
}) => {
  await page.clock.install()
  await stubBrowser(page, 'denied')
  await connect(page, demoKey, simulated)
  await watchFromPanel(page, uploading.modelName)
  await expect(notices(page)).toContainText('Desktop notifications are not allowed')
  // The list's next refresh (every 10 s while models train) brings the outcome.
  await untilFinished(simulated, uploading.modelId)
  await page.clock.fastForward(10_000)
  await expect(notices(page)).toContainText(outcome)
  await expect(notices(page).getByText(/not allowed/)).toHaveCount(1)
  expect(await page.evaluate(() => window.shown.length)).toBe(0)
  await expectNoAxeViolations(page)
})

test('where the browser refuses to construct a notification, the view stays and the page tells', async ({
  page,
  simulated,
}) => {
  await page.clock.install()
  await stubBrowser(page, 'granted', true)
  await connect(page, demoKey, simulated)
  await watchFromPanel(page, uploading.modelName)
  await page.getByRole('button', { name: 'Close details' }).click()
  await untilFinished(simulated, uploading.modelId)
  await page.clock.fastForward(10_000)
  await expect(notices(page)).toContainText(outcome)
  await expect(notices(page)).toContainText('This browser does not show desktop notifications')
  // Nothing else went: the grid, its search and the notice's Open are all still there.
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('searchbox', { name: 'Search models' })).toBeVisible()
  await notices(page)
    .getByRole('button', { name: `Open ${uploading.modelName}` })
    .click()
  await expect(page.getByRole('heading', { level: 2, name: uploading.modelName })).toBeVisible()
  expect(await page.evaluate(() => window.shown.length)).toBe(0)
  await expectNoAxeViolations(page)
})

import type { Page } from '@playwright/test'

import { spawnServer } from '../scripts/spawn-server'
import { seedModels } from '../server/emulator/models/seed-models'
import { connect, demoKey, expect, expectNoAxeViolations, test as base } from './fixtures'

const epochMs = 8000
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

async function watchFromPanel(page: Page, modelId: string) {
  await page
    .getByRole('button', {
      name: new RegExp(`^${seedModels.find((m) => m.modelId === modelId)!.modelName}$`),
    })
    .click()
  const toggle = page.getByRole('button', { name: 'Notify me when it finishes' })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
}

test('a watched model finishing while the tab is hidden: one notification, the title count, a click opens it', async ({
  page,
  simulated,
}) => {
  test.slow()
  await stubBrowser(page, 'granted')
  await connect(page, demoKey, simulated)
  await page.getByRole('searchbox', { name: 'Search models' }).fill('shoes-vit-b32-hard')
  await watchFromPanel(page, uploading.modelId)
  await page.getByRole('searchbox', { name: 'Search models' }).fill(candidate.modelName)
  await watchFromPanel(page, candidate.modelId)
  await page.getByRole('button', { name: 'Close details' }).click()
  expect(await page.evaluate(() => sessionStorage.getItem('marqtune-watched-models'))).toBe(
    JSON.stringify([uploading.modelId, candidate.modelId]),
  )
  await expectNoAxeViolations(page)

  const asked: Array<{ path: string; at: number }> = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/api/')) asked.push({ path: pathname, at: Date.now() })
  })
  await page.evaluate(() => window.setHidden(true))

  await expect
    .poll(() => page.evaluate(() => window.shown.map((shown) => shown.title)), { timeout: 40_000 })
    .toEqual([`${uploading.modelName}: ready, 4 checkpoints`])
  await expect(page).toHaveTitle(/^\(1\) ✓ /)
  // The candidate is still on its way: asked again, never sooner than every 15 s.
  await expect
    .poll(() => asked.filter((request) => request.path.endsWith(candidate.modelId)).length, {
      timeout: 40_000,
    })
    .toBeGreaterThanOrEqual(2)
  expect(new Set(asked.map((request) => request.path))).toEqual(
    new Set([`/api/models/${uploading.modelId}`, `/api/models/${candidate.modelId}`]),
  )
  const times = asked.filter((request) => request.path.endsWith(candidate.modelId)).map((r) => r.at)
  expect(times[1]! - times[0]!).toBeGreaterThan(14_000)
  expect(asked.filter((request) => request.path.endsWith(uploading.modelId))).toHaveLength(1)

  await page.evaluate(() => window.shown[0]!.fire())
  await expect(page.getByRole('heading', { level: 2, name: uploading.modelName })).toBeVisible()
  await page.evaluate(() => window.setHidden(false))
  await expect(page).not.toHaveTitle(/^\(\d+\)/)
  await expect(page.getByRole('region', { name: 'Watched models' })).toContainText(
    `${uploading.modelName}: ready, 4 checkpoints`,
  )
  await expectNoAxeViolations(page)
})

test('with notifications denied, the outcome shows on the page only, explained once', async ({
  page,
  simulated,
}) => {
  test.slow()
  await stubBrowser(page, 'denied')
  await connect(page, demoKey, simulated)
  await page.getByRole('searchbox', { name: 'Search models' }).fill('shoes-vit-b32-hard')
  await watchFromPanel(page, uploading.modelId)
  const notice = page.getByRole('region', { name: 'Watched models' })
  await expect(notice).toContainText('Desktop notifications are not allowed')
  await expect(notice).toContainText(`${uploading.modelName}: ready, 4 checkpoints`, {
    timeout: 30_000,
  })
  await expect(notice.getByText(/not allowed/)).toHaveCount(1)
  expect(await page.evaluate(() => window.shown.length)).toBe(0)
  await expectNoAxeViolations(page)
})

test('where the browser refuses to construct a notification, the view stays and the page tells', async ({
  page,
  simulated,
}) => {
  test.slow()
  await stubBrowser(page, 'granted', true)
  await connect(page, demoKey, simulated)
  await page.getByRole('searchbox', { name: 'Search models' }).fill('shoes-vit-b32-hard')
  await watchFromPanel(page, uploading.modelId)
  const notice = page.getByRole('region', { name: 'Watched models' })
  await expect(notice).toContainText(`${uploading.modelName}: ready, 4 checkpoints`, {
    timeout: 30_000,
  })
  await expect(notice).toContainText('This browser does not show desktop notifications')
  // Nothing else went: the table, its search and the panel are all still there.
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('searchbox', { name: 'Search models' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: uploading.modelName })).toBeVisible()
  await notice.getByRole('button', { name: uploading.modelName }).click()
  await expect(page.getByRole('heading', { level: 2, name: uploading.modelName })).toBeVisible()
  expect(await page.evaluate(() => window.shown.length)).toBe(0)
  await expectNoAxeViolations(page)
})

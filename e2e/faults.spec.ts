import type { Page } from '@playwright/test'

import { generateModels } from '../server/emulator/models/generate-models'
import { accountModels, connect, demoKey, modelsGrid, openTab } from './fixtures'
import { expect, secondKey, test, type FaultyServers } from './faulty-servers'

// Chromium logs every failed response and broken connection itself; the app logs nothing.
test.use({ allowedConsoleErrors: [/Failed to load resource/] })

async function listRequests(faulty: FaultyServers) {
  return (await faulty.requests()).filter((request) => request.route === 'listModels')
}

const firstModel = accountModels[0]!.modelName

/**
 * The back-off between tries (1, 2, 4 s, or what Retry-After asked) passes on the page's clock
 * (installed before the page opens) as soon as each retry is announced: `waits` are the
 * seconds to skip, one per retry.
 */
async function skipBackOff(page: Page, ...waits: number[]) {
  for (const [index, seconds] of waits.entries()) {
    await expect(page.getByText(new RegExp(`Retrying ${index + 1}/3`))).toBeVisible()
    await page.clock.fastForward(seconds * 1_000)
  }
}

test.describe('on the first load', () => {
  test('a wrong key is asked about exactly once', async ({ page, faulty }) => {
    await connect(page, 'not-a-key', faulty.app)
    await expect(page.getByRole('alert')).toContainText('Unauthorized.')
    expect(await listRequests(faulty)).toHaveLength(1)
  })

  test('a 4xx with an HTML page is explained and not retried', async ({ page, faulty }) => {
    await faulty.queue('listModels', { kind: 'status', status: 404, body: 'html' })
    await connect(page, demoKey, faulty.app)
    await expect(page.getByRole('alert')).toContainText('HTTP 404 Not Found: an HTML page.')
    expect(await listRequests(faulty)).toHaveLength(1)
  })

  test('a 5xx is retried, saying so, and the models arrive', async ({ page, faulty }) => {
    await page.clock.install()
    await faulty.queue('listModels', { kind: 'status', status: 503, body: 'empty' })
    await connect(page, demoKey, faulty.app)
    await expect(page.getByText(/had a problem\. Retrying 1\/3 in 1 s/)).toBeVisible()
    await skipBackOff(page, 1)
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    expect(await listRequests(faulty)).toHaveLength(2)
  })

  test('a 429 waits as long as Retry-After says, counting down', async ({ page, faulty }) => {
    await page.clock.install()
    await faulty.queue(
      'listModels',
      { kind: 'rate-limit', retryAfter: '3' },
      // An HTTP date 8 s from now: about 4 s are left when it is read.
      { kind: 'rate-limit', retryAfter: new Date(Date.now() + 8_000).toUTCString() },
    )
    await connect(page, demoKey, faulty.app)
    await expect(page.getByText(/slow down\. Retrying 1\/3 in [23] s/)).toBeVisible()
    // Not a second early: the countdown still runs just before the time it was given.
    await page.clock.fastForward(2_000)
    await expect(page.getByText(/slow down\. Retrying 1\/3 in 1 s/)).toBeVisible()
    expect(await listRequests(faulty)).toHaveLength(1)
    await page.clock.fastForward(1_000)
    await expect(page.getByText(/Retrying 2\/3 in [2-6] s/)).toBeVisible()
    await page.clock.fastForward(6_000)
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    expect(await listRequests(faulty)).toHaveLength(3)
  })

  test('a body cut off halfway is retried', async ({ page, faulty }) => {
    await page.clock.install()
    await faulty.queue('listModels', { kind: 'cut' })
    await connect(page, demoKey, faulty.app)
    await skipBackOff(page, 1)
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    expect(await listRequests(faulty)).toHaveLength(2)
  })

  test('no answer at all times out, and is retried', async ({ page, faulty }) => {
    await page.clock.install()
    await faulty.queue('listModels', { kind: 'hang' })
    await connect(page, demoKey, faulty.app)
    // The server gives up after 3 s (UPSTREAM_TIMEOUT_MS, its own real clock) with a 504, which
    // is retried.
    await skipBackOff(page, 1)
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    const [timedOut, retried] = await listRequests(faulty)
    expect(timedOut?.aborted).toBe(true)
    expect(retried?.aborted).toBe(false)
  })

  test('a slow trickle shows its progress and arrives whole', async ({ page, faulty }) => {
    await faulty.queue('listModels', { kind: 'trickle', bytesPerSecond: 6_000 })
    await connect(page, demoKey, faulty.app)
    await expect(page.getByText('Connecting…')).toBeVisible()
    // Progress, in bytes of the total the server declared.
    await expect(page.getByText(/\d+ kB of \d+ kB received/)).toBeVisible()
    await expect(page.getByRole('progressbar', { name: 'Models downloaded' })).toBeVisible()
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    expect(await listRequests(faulty)).toHaveLength(1)
  })

  test('a redirect is not followed: the key stays here', async ({ page, faulty }) => {
    await page.clock.install()
    await faulty.queue(
      'listModels',
      ...Array.from({ length: 4 }, () => ({
        kind: 'redirect' as const,
        location: `${faulty.emulator}/__emulator/stolen`,
      })),
    )
    await connect(page, demoKey, faulty.app)
    await skipBackOff(page, 1, 2, 4)
    await expect(page.getByRole('alert')).toContainText(
      'redirect (HTTP 302), which is not followed',
    )
    const requests = await faulty.requests()
    expect(requests.map((request) => request.path)).toEqual(Array(4).fill('/models'))
  })

  test('a valid envelope around the wrong shape is explained, once', async ({ page, faulty }) => {
    await faulty.queue('listModels', {
      kind: 'json',
      body: { statusCode: 200, body: { items: [] } },
    })
    await connect(page, demoKey, faulty.app)
    await expect(page.getByRole('alert')).toContainText('does not contain a list of models')
    expect(await listRequests(faulty)).toHaveLength(1)
  })

  test('a 5 MB account loads whole', async ({ page, faulty }) => {
    const models = generateModels(10_000, 7)
    expect(JSON.stringify(models).length).toBeGreaterThan(5_000_000)
    await faulty.queue('listModels', { kind: 'models', models })
    await connect(page, demoKey, faulty.app)
    await expect(page.getByRole('status')).toHaveText('10,000 models')
  })

  test('duplicate ids and statuses never seen before are shown honestly', async ({
    page,
    faulty,
  }) => {
    const [first, second] = accountModels
    const models = [
      first,
      { ...second, modelId: first!.modelId, modelName: 'same-id-again' },
      { ...second, status: 'Hibernating', secondaryStatus: 'Dreaming' },
    ]
    await faulty.queue('listModels', { kind: 'models', models })
    await connect(page, demoKey, faulty.app)
    await expect(page.getByRole('status')).toHaveText('2 models')
    await expect(page.getByRole('alert')).toContainText(
      '1 entry repeated the id of an earlier model and were left out.',
    )
    // The badge says the word that decides its phase; both words are on it, in full.
    const badge = modelsGrid(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: second!.modelName, exact: true }) })
      .getByTitle('Hibernating (Dreaming)')
    await expect(badge).toHaveText('?Hibernating')
  })
})

test.describe('markup in every string field', () => {
  const payload = `<img src=x onerror="window.injectedSentinel=1"><script>window.injectedSentinel=2</script>`

  test('renders as text, and no injected script runs', async ({ page, faulty }) => {
    const [model] = accountModels
    const marked = {
      ...model,
      modelName: `name ${payload}`,
      status: `ready ${payload}`,
      secondaryStatus: payload,
      failureReason: `reason ${payload}`,
      baseModel: `base ${payload}`,
      instanceType: `type ${payload}`,
      checkpoints: ['epoch_1', `epoch_2${payload}`],
      hyperparameters: { [`key${payload}`]: `value ${payload}`, learningRate: payload },
    }
    await faulty.queue('listModels', { kind: 'models', models: [marked] })
    await connect(page, demoKey, faulty.app)

    const name = page.getByRole('rowheader', { name: `name ${payload}` })
    await expect(name).toBeVisible()
    await name.click()
    const panel = page.getByRole('complementary')
    await openTab(page, 'Checkpoints')
    await expect(panel.getByText(`epoch_2${payload}`)).toBeVisible()
    await openTab(page, 'Hyperparameters')
    await expect(panel.getByText(`value ${payload}`).first()).toBeVisible()
    // The page's own inline blocks are the theme script and the style sheet in <head> (allowed by
    // their hashes).
    expect(await page.locator('img, body script:not([src]), body style').count()).toBe(0)
    expect(await page.evaluate(() => 'injectedSentinel' in window)).toBe(false)
  })
})

test.describe('with models on screen', () => {
  test('a refresh that keeps failing keeps the table, the filters and the open panel', async ({
    page,
    faulty,
  }) => {
    await page.clock.install()
    await connect(page, demoKey, `${faulty.app}/?q=apparel&model=${accountModels[0]!.modelId}`)
    await expect(page.getByRole('complementary')).toBeVisible()
    await faulty.queue(
      'listModels',
      ...Array.from({ length: 4 }, () => ({
        kind: 'status' as const,
        status: 502,
        body: 'html' as const,
      })),
    )
    const grid = await modelsGrid(page).boundingBox()
    await page.getByRole('button', { name: 'Refresh' }).click()
    await skipBackOff(page, 1, 2, 4)
    await expect(page.getByRole('alert')).toContainText('Refreshing failed')
    // Said in the notice region, over the page: the grid has not moved.
    expect(await modelsGrid(page).boundingBox()).toEqual(grid)
    await expect(page.getByRole('alert')).toContainText('HTTP 502 Bad Gateway: an HTML page.')
    await expect(page.getByRole('alert')).toContainText('as they were fetched at')
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    await expect(page.getByRole('searchbox', { name: 'Search models' })).toHaveValue('apparel')
    await expect(page.getByRole('complementary')).toBeVisible()
    expect(await listRequests(faulty)).toHaveLength(5)

    await page.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await expect(page.getByText(/Updated/)).toBeVisible()
  })

  test('offline, nothing is sent; back online, it refreshes within 2 s', async ({
    page,
    context,
    faulty,
  }) => {
    await connect(page, demoKey, faulty.app)
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    await context.setOffline(true)
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(page.getByText(/You are offline/)).toBeVisible()
    await page.waitForTimeout(1_000)
    expect(await listRequests(faulty)).toHaveLength(1)

    await context.setOffline(false)
    await expect
      .poll(() => listRequests(faulty).then((list) => list.length), { timeout: 2_000 })
      .toBe(2)
    await expect(page.getByText(/Updated/)).toBeVisible()
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
  })

  test('forgetting the key cancels its request; the next key never sees its answer', async ({
    page,
    faulty,
  }) => {
    await connect(page, demoKey, faulty.app)
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    await faulty.queue('listModels', { kind: 'hang' })
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(page.getByText('Refreshing…')).toBeVisible()
    await page.getByRole('button', { name: 'Forget key' }).click()
    await expect.poll(async () => (await listRequests(faulty))[1]?.aborted).toBe(true)

    await faulty.queue('listModels', { kind: 'models', models: accountModels.slice(0, 3) })
    await connect(page, secondKey, faulty.app)
    await expect(page.getByRole('status')).toHaveText('3 models')
    const keys = new Set((await listRequests(faulty)).map((request) => request.key))
    expect(keys.size).toBe(2)
  })

  test('Cancel stops a connection attempt that hangs', async ({ page, faulty }) => {
    await faulty.queue('listModels', { kind: 'hang' })
    await connect(page, demoKey, faulty.app)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('button', { name: 'Connect' })).toBeEnabled()
    await expect.poll(async () => (await listRequests(faulty))[0]?.aborted).toBe(true)
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
})

test.describe('polling', () => {
  test('refreshes every 10 s while a model is active, highlights a changed status, and stops when all are done', async ({
    page,
    faulty,
  }) => {
    await page.clock.install()
    const running = accountModels.find((model) => model.status === 'running')!
    const done = accountModels.filter((model) => model.status === 'ready')
    await faulty.queue(
      'listModels',
      { kind: 'models', models: [running, ...done] },
      {
        kind: 'models',
        models: [{ ...running, status: 'ready', secondaryStatus: 'ready' }, ...done],
      },
    )
    await connect(page, demoKey, faulty.app)
    await expect(page.getByRole('rowheader', { name: running.modelName })).toBeVisible()

    await page.clock.fastForward(10_500)
    const row = modelsGrid(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: running.modelName, exact: true }) })
    await expect(row).toHaveAttribute('data-changed', 'true')
    await expect(
      page.getByText(`Status changed: ${running.modelName} (running → ready).`),
    ).toBeVisible()
    expect(await listRequests(faulty)).toHaveLength(2)

    // Every model is done now: no more polling.
    await page.clock.fastForward(30_000)
    await page.waitForTimeout(500)
    expect(await listRequests(faulty)).toHaveLength(2)
  })

  test('stops while the tab is hidden', async ({ page, faulty }) => {
    await page.clock.install()
    await connect(page, demoKey, faulty.app)
    await expect(page.getByRole('rowheader', { name: firstModel })).toBeVisible()
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await page.clock.fastForward(30_000)
    await page.waitForTimeout(500)
    expect(await listRequests(faulty)).toHaveLength(1)
  })
})

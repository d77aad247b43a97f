import { connect, demoKey, expect, test, watchForErrors } from './fixtures'

test.describe('a wrong key', () => {
  // Chromium logs every 401 response as a console error; the app itself logs nothing.
  test.use({ allowedConsoleErrors: [/status of 401/] })

  test('shows the server\u2019s message and stays on the key screen', async ({ page }) => {
    await connect(page, 'not-the-right-key')

    await expect(page.getByRole('alert')).toContainText('Unauthorized.')
    await expect(page.getByLabel('API key')).toBeVisible()
    await expect(page.getByRole('table')).toHaveCount(0)
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
  })
})

test('a key with a space inside is refused before any request', async ({ page }) => {
  let requests = 0
  page.on('request', (request) => {
    if (request.url().includes('/api/')) requests++
  })
  await connect(page, 'two words')

  await expect(page.getByRole('alert')).toContainText('no spaces')
  expect(requests).toBe(0)
})

test('reload keeps the key; a new tab and a new browser context do not', async ({
  page,
  context,
  browser,
}) => {
  await connect(page)
  await expect(page.getByRole('button', { name: 'Forget key' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('rowheader', { name: 'gs-apparel-v3', exact: true })).toBeVisible()

  const newTab = await context.newPage()
  const checkTab = await watchForErrors(newTab)
  await newTab.goto('/')
  await expect(newTab.getByLabel('API key')).toBeVisible()
  checkTab()

  const otherContext = await browser.newContext()
  const otherPage = await otherContext.newPage()
  const checkOther = await watchForErrors(otherPage)
  await otherPage.goto(page.url())
  await expect(otherPage.getByLabel('API key')).toBeVisible()
  checkOther()
  await otherContext.close()
})

test('the key is kept in sessionStorage only, never in the URL or localStorage', async ({
  page,
}) => {
  await connect(page)
  await expect(page.getByRole('button', { name: 'Forget key' })).toBeVisible()

  expect(page.url()).not.toContain(demoKey)
  const stored = await page.evaluate(() => ({
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
  }))
  expect(stored.local).not.toContain(demoKey)
  expect(stored.session).toContain(demoKey)
})

test('Forget key returns to the key screen and forgets the key', async ({ page }) => {
  await connect(page)
  await page.getByRole('button', { name: 'Forget key' }).click()

  await expect(page.getByLabel('API key')).toBeVisible()
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
  await page.reload()
  await expect(page.getByLabel('API key')).toBeVisible()
})

test('the key screen is in the page before its script, keeps a key typed then, and a reload with a key never shows it', async ({
  page,
}) => {
  // The app's entry is held back until released: what the page shows on HTML and CSS alone.
  let release: (() => void) | undefined
  await page.route('**/assets/index-*.js', async (route) => {
    await new Promise<void>((resolve) => (release = resolve))
    await route.continue()
  })

  await page.goto('/', { waitUntil: 'commit' })
  await expect(page.getByLabel('API key')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Connect' })).toBeDisabled()
  await page.getByLabel('API key').fill(demoKey)
  release?.()
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('rowheader', { name: 'gs-apparel-v3', exact: true })).toBeVisible()

  await page.reload({ waitUntil: 'commit' })
  await expect(page.locator('#root[data-prerendered]')).toBeAttached()
  await expect(page.getByLabel('API key')).toBeHidden()
  release?.()
  await expect(page.getByRole('rowheader', { name: 'gs-apparel-v3', exact: true })).toBeVisible()
  await expect(page.getByLabel('API key')).toHaveCount(0)
})

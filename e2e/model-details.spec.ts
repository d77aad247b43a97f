import { stat } from 'node:fs/promises'

import {
  connect,
  expect,
  expectNoAxeViolations,
  modelsGrid,
  notices,
  openModel,
  openTab,
  seedModel,
  test,
} from './fixtures'
import { e2eServers } from './servers'

test.use({ viewport: { width: 1500, height: 1000 } })

const failed = seedModel('vit-l14-product-search-lr-sweep-1')
const apparelV4 = seedModel('gs-apparel-v4')
const apparelV3 = seedModel('gs-apparel-v3')

test('a failed model opens from the table with its whole multi-line reason', async ({ page }) => {
  await connect(page)
  await openModel(page, failed.modelName)

  const panel = page.getByRole('complementary', { name: failed.modelName })
  await expect(panel.getByRole('heading', { name: failed.modelName })).toBeFocused()
  const reason = panel.getByRole('region', { name: 'Failure' }).locator('pre')
  expect(await reason.innerText()).toBe(failed.failureReason)
  await expect(page).toHaveURL(new RegExp(`model=${failed.modelId}`))

  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(modelsGrid(page).getByRole('rowheader', { name: failed.modelName })).toBeFocused()
})

test.describe('with clipboard access', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('copies a checkpoint reference byte for byte, and says so', async ({ page }) => {
    await connect(page, undefined, `/?model=${apparelV4.modelId}&tab=checkpoints`)
    const reference = `${apparelV4.modelId}/epoch_2`
    const copy = page.getByRole('button', { name: 'Copy epoch_2', exact: true })
    const width = (await copy.boundingBox())!.width
    await copy.click()
    await page.getByRole('menuitem', { name: 'Reference' }).click()

    await expect(notices(page)).toContainText(`Copied the reference ${reference}.`)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference)
    // Said over the page: the button is as it was.
    expect((await copy.boundingBox())!.width).toBe(width)

    await page.getByRole('button', { name: 'Copy every checkpoint name, one per line' }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'epoch_1\nepoch_2\nepoch_3',
    )
  })
})

test('without the Clipboard API the text is selected with a hint to press Ctrl+C', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })
  })
  await connect(page, undefined, `/?model=${apparelV4.modelId}&tab=checkpoints`)
  await page.getByRole('button', { name: 'Copy epoch_3', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Name' }).click()

  const field = notices(page).getByRole('textbox', { name: 'the name epoch_3: the text to copy' })
  await expect(field).toHaveValue('epoch_3')
  await expect(field).toBeFocused()
  expect(
    await field.evaluate((element: HTMLTextAreaElement) => [
      element.selectionStart,
      element.selectionEnd,
    ]),
  ).toEqual([0, 7])
  await expect(page.getByText(/Press Ctrl\+C|Copied\./)).toBeVisible()
})

test('the download link is the one the API gave, valid for an hour, and downloads', async ({
  page,
}) => {
  await connect(page, undefined, `/?model=${apparelV4.modelId}&tab=checkpoints`)
  await page.getByRole('button', { name: 'Actions for epoch_2', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Download epoch_2…' }).click()

  // A presigned link to the emulator itself, as the service's point at its storage.
  const notice = notices(page)
    .getByRole('listitem')
    .filter({ hasText: 'epoch_2 is ready to download' })
  const link = notice.getByRole('link', { name: 'Download epoch_2' })
  const file = `${e2eServers.bare.emulator}/files/models/${apparelV4.modelId}/checkpoints/epoch_2.pt`
  await expect(link).toHaveAttribute('href', new RegExp(`^${file}\\?X-Amz-Date=`))
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(notice).toContainText('valid for one hour')

  // Opened in a new tab, without the key, it downloads the checkpoint (Chromium reports the
  // download on the page that opened the tab).
  const downloaded = page.waitForEvent('download')
  await link.click()
  const download = await downloaded
  expect(download.suggestedFilename()).toBe('epoch_2.pt')
  expect((await stat(await download.path())).size).toBeGreaterThan(1 << 20)
})

test('a deep link opens the panel, also after a reload; lineage links to the parent', async ({
  page,
}) => {
  await connect(page, undefined, `/?model=${apparelV4.modelId}`)
  const panel = page.getByRole('complementary', { name: 'gs-apparel-v4' })
  await expect(panel).toBeVisible()
  await page.reload()
  await expect(panel).toBeVisible()

  await panel.getByRole('button', { name: 'gs-apparel-v3' }).click()
  const parent = page.getByRole('complementary', { name: 'gs-apparel-v3' })
  await expect(parent.getByRole('region', { name: 'Lineage' })).toContainText('gs-apparel-v4')
  await expect(page).toHaveURL(new RegExp(`model=${apparelV3.modelId}`))
  await page.goBack()
  await expect(panel).toBeVisible()
})

test('an unknown model id in the link says so', async ({ page }) => {
  await connect(page, undefined, '/?model=00000000-0000-4000-8000-000000000000')
  await expect(page.getByRole('heading', { name: 'Model not found' })).toBeVisible()
  await expect(page.getByText('This account has no model with the id')).toBeVisible()
})

test('compare three models side by side, then only their differences', async ({ page }) => {
  await connect(page)
  for (const name of ['gs-apparel-v3', 'gs-apparel-v4', 'fashion-clip-ecom-titles']) {
    await page.getByRole('checkbox', { name: `Select ${name}` }).check()
  }
  await page.getByRole('button', { name: 'Compare 3 models' }).click()

  const dialog = page.getByRole('dialog', { name: 'Comparing 3 models' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('columnheader')).toHaveText([
    'Field',
    'gs-apparel-v3',
    'gs-apparel-v4',
    'fashion-clip-ecom-titles',
  ])
  const epochs = dialog.getByRole('row', { name: /^epochs/ })
  await expect(epochs).toContainText('differs')
  await expect(epochs.getByRole('cell')).toHaveText(['5', '3', '10'])
  const precision = dialog.getByRole('row', { name: /^precision/ })
  await expect(precision).toBeVisible()

  await dialog.getByRole('checkbox', { name: 'Only differences' }).check()
  await expect(precision).toBeHidden()
  await expect(epochs).toBeVisible()
  await expectNoAxeViolations(page)

  // The comparison is in the URL: a reload shows it again.
  await expect(page).toHaveURL(/view=compare/)
  await page.reload()
  await expect(page.getByRole('dialog', { name: 'Comparing 3 models' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Comparing 3 models' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Compare 3 models' })).toBeVisible()
})

test.describe('after a release of the dashboard since the page was opened', () => {
  // The browser logs the missing file, and React the error its boundary caught.
  // One pattern: Playwright would take a second element of the array for the option's settings.
  test.use({
    allowedConsoleErrors: [
      /the server responded with a status of 404|Failed to fetch dynamically imported module/,
    ],
  })

  test('a panel whose code is gone says so and offers a reload, which opens it', async ({
    page,
  }) => {
    const panelCode = '**/assets/model-panel-*.js'
    // The old build's file is no longer on the server.
    await page.route(panelCode, (route) => route.fulfill({ status: 404, body: 'Not found' }))
    await connect(page)
    await openModel(page, apparelV3.modelName)
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
    await expect(alert).toHaveText(
      "This model's details could not be loaded: the dashboard may have been updated since this page was opened, or the connection dropped. Reloading the page keeps your key and your view. Reload",
    )
    // Within the panel, which keeps its name and its Close; the grid stays.
    const panel = page.getByRole('complementary', { name: apparelV3.modelName })
    await expect(panel).toContainText('could not be loaded')
    await expect(panel.getByRole('button', { name: /^Close/ })).toBeVisible()
    await expect(modelsGrid(page)).toBeVisible()
    await expectNoAxeViolations(page)

    await page.unroute(panelCode)
    await alert.getByRole('button', { name: 'Reload' }).click()
    await expect(page.getByRole('complementary', { name: apparelV3.modelName })).toBeVisible()
    await expect(page.getByLabel('API key')).toBeHidden()
  })
})

test('axe finds no violations with the panel open', async ({ page }) => {
  await connect(page, undefined, `/?model=${failed.modelId}`)
  await expect(page.getByRole('complementary', { name: failed.modelName })).toBeVisible()
  await expectNoAxeViolations(page)
  await openTab(page, 'Logs')
  await expect(page.getByRole('tabpanel').getByRole('list')).toBeVisible()
  await expectNoAxeViolations(page)
})

import {
  accountModels,
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

const apparelV4 = seedModel('gs-apparel-v4')

test.describe('themes', () => {
  test.use({ colorScheme: 'light', viewport: { width: 1400, height: 900 } })

  test('the theme is light, dark or the system’s, says which, survives a reload, and passes axe', async ({
    page,
  }) => {
    await connect(page)
    // Connected before the reload: a key is kept once the service has accepted it, so a reload
    // while Connect is pending shows the key screen again (the journey once failed so, under load).
    await expect(modelsGrid(page)).toBeVisible()
    const html = page.locator('html')
    const dark = page.getByRole('radio', { name: 'Dark' })
    await expect(html).not.toHaveClass(/dark/)
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked()

    await page.getByTitle('Dark theme').click()
    await expect(html).toHaveClass(/dark/)
    await expect(dark).toBeChecked()

    await page.reload()
    await expect(modelsGrid(page)).toBeVisible()
    await expect(html).toHaveClass(/dark/)
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked()

    await page.getByRole('button', { name: 'Forget key' }).click()
    await expect(page.getByLabel('API key')).toBeVisible()
    await expect(html).toHaveClass(/dark/)
    await expectNoAxeViolations(page)
    await page.getByTitle('System theme').click()
    await expect(html).not.toHaveClass(/dark/)
  })

  test('with no choice made, the theme follows the system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto('/')
    await expect(page.locator('html')).toHaveClass(/dark/)
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(page.locator('html')).not.toHaveClass(/dark/)
  })
})

test.describe('on a phone', () => {
  test.use({
    viewport: { width: 375, height: 812 },
    hasTouch: true,
    isMobile: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  })

  test('find a model, open it full screen, copy a checkpoint', async ({ page }) => {
    await connect(page)
    await page.getByRole('searchbox', { name: 'Search models' }).fill('apparel-v4')
    await expect(page.getByRole('status')).toHaveText(`1 of ${accountModels.length} models`)
    await modelsGrid(page).locator('[role="row"]').first().tap()

    const panel = page.getByRole('complementary', { name: apparelV4.modelName })
    await expect(panel).toBeVisible()
    expect((await panel.boundingBox())?.width).toBe(375)
    await openTab(page, 'Checkpoints')
    const copy = panel.getByRole('button', { name: 'Copy epoch_2', exact: true })
    expect((await copy.boundingBox())?.height).toBeGreaterThanOrEqual(40)
    await copy.tap()
    await page.getByRole('menuitem', { name: 'Name' }).tap()
    await expect(notices(page)).toContainText('Copied the name epoch_2.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('epoch_2')
    await expectNoAxeViolations(page)

    await panel.getByRole('button', { name: 'Back to the models' }).tap()
    await expect(panel).toBeHidden()
  })
})

test.use({ viewport: { width: 1400, height: 900 } })

test('failure triage groups near-identical reasons; one click shows a group', async ({ page }) => {
  await connect(page)
  await page.getByRole('button', { name: 'Failed', exact: true }).click()
  const triage = page.getByRole('region', { name: /Why models failed/ })
  await expect(triage).toBeVisible()
  await expectNoAxeViolations(page)

  await triage.getByRole('button', { name: /CUDA out of memory/ }).click()
  await expect(page.getByRole('status')).toHaveText(`2 of ${accountModels.length} models`)
  const names = await modelsGrid(page).getByRole('rowheader').allTextContents()
  expect(names.toSorted()).toEqual(
    accountModels
      .filter((model) => model.failureReason?.startsWith('CUDA out of memory'))
      .map((model) => model.modelName)
      .toSorted(),
  )
  // The group is in the URL like any filter: a reload shows the same models.
  await expect(page).toHaveURL(/failureReason=/)
  await page.reload()
  await expect(page.getByRole('status')).toHaveText(`2 of ${accountModels.length} models`)
})

test('the tab title names the open view', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle('Connect · Marqtune Models')
  await connect(page)
  await expect(page).toHaveTitle('All models · Marqtune Models')
  await page.getByRole('button', { name: 'Failed', exact: true }).click()
  await expect(page).toHaveTitle(`4 of ${accountModels.length} models · Marqtune Models`)
  // The triage strip appears a moment after the filter: let the rows settle before clicking one.
  await expect(page.getByRole('region', { name: /Why models failed/ })).toBeVisible()
  await openModel(page, 'jewellery-vit-l14-long')
  await expect(page).toHaveTitle('jewellery-vit-l14-long · Marqtune Models')
})

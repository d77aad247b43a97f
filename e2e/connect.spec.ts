import {
  accountModels,
  connect,
  expect,
  expectNoAxeViolations,
  notices,
  openModel,
  openTab,
  seedModel,
  test,
} from './fixtures'
import { startPair } from './servers'

// Tall enough for every row of the demo account to be rendered at once (the table is virtual).
test.use({ viewport: { width: 1400, height: 1800 } })

test('the demo key shows every model of the demo account', async ({ page }) => {
  await connect(page)

  await expect(page.getByRole('status')).toHaveText(`${accountModels.length} models`)
  for (const model of accountModels) {
    await expect(page.getByRole('rowheader', { name: model.modelName, exact: true })).toBeVisible()
  }
})

test('markup in a model name is shown as text, not interpreted', async ({ page }) => {
  await connect(page)

  const cell = page.getByRole('rowheader', { name: `<b>bold</b> & "quoted" 'model'`, exact: true })
  await expect(cell).toBeVisible()
  await expect(cell.locator('b')).toHaveCount(0)
})

test('the documented wrapped envelope shows the same models, logs and links as the bare one', async ({
  page,
}) => {
  const wrapped = await startPair(['--account=fixtures', '--envelope=wrapped'])
  try {
    await page.goto(wrapped.app)
    await page.getByLabel('API key').fill('marqtune-demo-key')
    await page.getByRole('button', { name: 'Connect' }).click()

    for (const model of accountModels) {
      await expect(
        page.getByRole('rowheader', { name: model.modelName, exact: true }),
      ).toBeVisible()
    }
    const model = seedModel('gs-apparel-v4')
    await openModel(page, model.modelName)
    const panel = page.getByRole('complementary', { name: model.modelName })
    await openTab(page, 'Logs')
    await expect(panel.getByRole('tabpanel')).toContainText('Saved checkpoint epoch_3')
    await openTab(page, 'Checkpoints')
    await panel.getByRole('button', { name: 'Actions for epoch_2', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Download epoch_2…' }).click()
    await expect(notices(page).getByRole('link', { name: 'Download epoch_2' })).toHaveAttribute(
      'href',
      new RegExp(`^${wrapped.emulator}/files/models/${model.modelId}/checkpoints/`),
    )
  } finally {
    wrapped.stop()
  }
})

test('the key screen and the table have no axe violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByLabel('API key')).toBeVisible()
  await expectNoAxeViolations(page)

  await connect(page)
  await expect(page.getByRole('rowheader', { name: 'gs-apparel-v3', exact: true })).toBeVisible()
  await expectNoAxeViolations(page)
})

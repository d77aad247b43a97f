import { generateModels } from '../server/emulator/models/generate-models'
import { connect, demoKey, expect, modelsGrid, test } from './fixtures'
import { startPair, type Pair } from './servers'

// The same account the emulator generates with --models 100000 --seed 1.
const models = generateModels(100_000, 1)
const last = models.at(-1)!

test.describe('an account of 100,000 models', () => {
  let large: Pair
  test.beforeAll(async () => {
    large = await startPair(['--models=100000', '--seed=1'])
  })
  test.afterAll(() => large.stop())
  test.setTimeout(90_000)

  test('search narrows to the expected rows; scrolling to the end shows the last model', async ({
    page,
  }) => {
    await connect(page, demoKey, large.app)
    await expect(page.getByRole('status')).toHaveText('100,000 models', { timeout: 60_000 })

    const query = 'furniture-dedupe-v994'
    const expected = models
      .filter((model) => model.modelName.toLowerCase().includes(query))
      .map((model) => model.modelName)
    await page.getByRole('searchbox', { name: 'Search models' }).fill(query)
    await expect(page.getByRole('status')).toHaveText(`${expected.length} of 100,000 models`)
    expect(expected.length).toBeGreaterThan(1)
    await expect
      .poll(() => modelsGrid(page).getByRole('rowheader').allTextContents())
      .toEqual(expected)

    await page.getByRole('searchbox', { name: 'Search models' }).fill('')
    await expect(page.getByRole('status')).toHaveText('100,000 models')
    await modelsGrid(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    // The rows keep their places in the DOM as the grid scrolls; each says where it stands.
    const lastRow = modelsGrid(page).locator('[role="row"][aria-rowindex="100001"]')
    await expect(
      lastRow.getByRole('rowheader', { name: last.modelName, exact: true }),
    ).toBeVisible()
  })
})

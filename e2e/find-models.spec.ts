import {
  accountModels,
  connect,
  expect,
  expectNoAxeViolations,
  modelsGrid,
  rowNames,
  test,
} from './fixtures'

// Tall enough for every row of the demo account to be rendered at once (the table is virtual).
test.use({ viewport: { width: 1400, height: 1800 } })

const seedNames = accountModels.map((model) => model.modelName)

test('the status facet narrows the table to exactly the failed models', async ({ page }) => {
  await connect(page)
  await page.getByRole('button', { name: 'Status filter' }).click()
  const menu = page.getByRole('dialog', { name: 'Filter by status' })
  await expect(menu).toBeVisible()
  await menu.getByRole('checkbox', { name: /failed/i }).check()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()

  const failed = accountModels.filter((model) => model.status.toLowerCase() === 'failed')
  await expect.poll(() => rowNames(page)).toEqual(failed.map((model) => model.modelName))
  await expect(page.getByRole('status')).toHaveText(
    `${failed.length} of ${accountModels.length} models`,
  )
  // The URL follows the view once it is painted.
  await expect.poll(() => new URL(page.url()).searchParams.getAll('status')).toEqual(['failed'])
})

test('the search paints its matches in the rows it keeps, and clearing it removes them', async ({
  page,
}) => {
  await connect(page)
  const search = page.getByRole('searchbox', { name: 'Search models' })
  await search.fill('apparel')
  await expect(page.getByRole('status')).toHaveText(/^\d+ of 27 models$/)
  // The browser's own highlights (CSS Custom Highlight API): ranges over the text, no elements.
  const painted = () =>
    page.evaluate(() =>
      [...(CSS.highlights.get('search') ?? [])].map((range) => {
        const row = range.startContainer.parentElement?.closest('[role="row"]')
        const text = range.startContainer.textContent?.slice(range.startOffset, range.endOffset)
        return `${row?.querySelector('[role="rowheader"]')?.textContent ?? '?'}: ${text}`
      }),
    )
  const names = await rowNames(page)
  await expect
    .poll(painted)
    .toEqual(expect.arrayContaining(names.map((name) => `${name}: apparel`)))
  expect(new Set((await painted()).map((entry) => entry.split(': ')[1]?.toLowerCase()))).toEqual(
    new Set(['apparel']),
  )
  await expect(modelsGrid(page).locator('mark')).toHaveCount(0)

  await search.fill('')
  await expect.poll(painted).toEqual([])
})

test('a header click sorts by name, and a second click reverses it', async ({ page }) => {
  await connect(page)
  const natural = seedNames.toSorted((a, b) => a.localeCompare(b, 'en', { numeric: true }))

  await page.getByRole('button', { name: 'Name', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  const ascending = await rowNames(page)
  expect(ascending.indexOf('model-2')).toBeLessThan(ascending.indexOf('model-10'))
  expect(ascending).toHaveLength(natural.length)

  await page.getByRole('button', { name: 'Name', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  expect(await rowNames(page)).toEqual(ascending.toReversed())
})

test('a copied link shows the same rows in the same order in a new tab', async ({
  page,
  context,
}) => {
  await connect(page)
  await page.getByRole('searchbox', { name: 'Search models' }).fill('vit')
  await page.getByRole('button', { name: 'Ready', exact: true }).click()
  await page.getByRole('button', { name: 'Instance type', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Instance type' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await page.getByRole('button', { name: 'Name', exact: true }).click({ modifiers: ['Shift'] })
  await expect(page).toHaveURL(/sort=instanceType,modelName/)
  const rows = await rowNames(page)
  expect(rows.length).toBeGreaterThan(3)

  const copy = await context.newPage()
  await connect(copy, undefined, page.url())
  await expect.poll(() => rowNames(copy)).toEqual(rows)
  await expect(copy.getByRole('searchbox', { name: 'Search models' })).toHaveValue('vit')
  await copy.close()
})

test('Back undoes the last filter change, Forward redoes it', async ({ page }) => {
  await connect(page)
  await page.getByRole('button', { name: 'Failed', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('4 of 27 models')
  await page.getByRole('button', { name: 'Instance type filter' }).click()
  await page.getByRole('checkbox', { name: /marqtune.basic/ }).check()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('status')).toHaveText('3 of 27 models')
  // Each choice is its own history entry once the URL has followed the view.
  await expect(page).toHaveURL(/instanceType=/)

  await page.goBack()
  await expect(page.getByRole('status')).toHaveText('4 of 27 models')
  await page.goBack()
  await expect(page.getByRole('status')).toHaveText('27 models')
  await page.goForward()
  await expect(page.getByRole('status')).toHaveText('4 of 27 models')
})

test('keyboard only: / to search, type, Down to the first match, Enter to open it', async ({
  page,
}) => {
  await connect(page)
  await expect(page.getByRole('rowheader').first()).toBeVisible()
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search models' })).toBeFocused()
  await page.keyboard.type('lr-sweep')
  await expect(page.getByRole('status')).toHaveText('3 of 27 models')
  await page.keyboard.press('ArrowDown')
  await expect(
    page.getByRole('rowheader', { name: 'vit-l14-product-search-lr-sweep-1' }),
  ).toBeFocused()
  await page.keyboard.press('j')
  await expect(
    page.getByRole('rowheader', { name: 'vit-l14-product-search-lr-sweep-2' }),
  ).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/model=cf8a577a-48b9-4cba-94a6-6286b449350a/)

  await page.keyboard.press('Escape')
  await expect(page).not.toHaveURL(/model=/)
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
})

test('a model opened straight after typing: Back closes it and the search is still there', async ({
  page,
}) => {
  await connect(page)
  await expect(page.getByRole('rowheader').first()).toBeVisible()
  await page.keyboard.press('/')
  // Down and Enter come within the 300 ms after which typing alone writes the URL, on this box
  // (url-state.test.tsx checks the order of the writes without depending on the clock).
  await page.keyboard.type('lr-sweep')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/model=.*q=lr-sweep|q=lr-sweep.*model=/)

  await page.goBack()
  await expect(page).not.toHaveURL(/model=/)
  await expect(page).toHaveURL(/q=lr-sweep/)
  await expect(page.getByRole('searchbox', { name: 'Search models' })).toHaveValue('lr-sweep')
  await expect(page.getByRole('status')).toHaveText('3 of 27 models')
})

test('columns: hide one, add a hyperparameter, and the choice survives a reload', async ({
  page,
}) => {
  await connect(page)
  await page.getByRole('button', { name: 'Columns' }).click()
  const menu = page.getByRole('dialog', { name: 'Columns' })
  await menu.getByRole('checkbox', { name: 'Instance type' }).uncheck()
  await menu.getByRole('checkbox', { name: 'batchSize' }).check()
  await page.keyboard.press('Escape')

  await expect(page.getByRole('columnheader', { name: 'Instance type' })).toHaveCount(0)
  await expect(page.getByRole('columnheader', { name: 'batchSize' })).toBeVisible()
  await expect(page).toHaveURL(/cols=/)
  await page.reload()
  await expect(page.getByRole('columnheader', { name: 'batchSize' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Instance type' })).toHaveCount(0)
})

test('axe finds no violations with a facet menu and the shortcuts open', async ({ page }) => {
  await connect(page)
  await page.getByRole('button', { name: 'Base model filter' }).click()
  await expect(page.getByRole('dialog', { name: 'Filter by base model' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'More' }).click()
  await expect(page.getByRole('menu', { name: 'More' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await expectNoAxeViolations(page)
})

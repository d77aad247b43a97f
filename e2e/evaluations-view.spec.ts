import type { Page } from '@playwright/test'

import { connect, expect, expectNoAxeViolations, seedModel, test } from './fixtures'

const apparelV3 = seedModel('gs-apparel-v3')

const evaluationsTable = (page: Page) =>
  page.getByRole('table', { name: /Every evaluation of the account/ })
const bodyRows = (page: Page) => evaluationsTable(page).locator('tbody tr')
const rowOf = (page: Page, idStart: string) =>
  evaluationsTable(page).locator(`tr[data-evaluation-id^="${idStart}"]`)

/** Whether the page itself scrolls, and how far the table's own area spills sideways. */
function fit(page: Page) {
  return page.evaluate(() => ({
    pageScrolls: document.scrollingElement!.scrollHeight > window.innerHeight,
    pageSideways: document.scrollingElement!.scrollWidth > window.innerWidth,
  }))
}

async function openEvaluations(page: Page) {
  await connect(page)
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Evaluations' })
    .click()
  await expect(page).toHaveURL(/view=evaluations/)
}

test('every evaluation with its status, dataset, model, metrics and failure; the unlinked and failed included', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openEvaluations(page)
  await expect(bodyRows(page)).toHaveCount(22)
  await expect(page.getByText('22 evaluations')).toBeVisible()

  // Unlinked: shown plainly, never dropped.
  await expect(rowOf(page, 'c3f3432f')).toContainText('unlinked')
  // Failed: its reason in the row.
  const failed = rowOf(page, '34bcf6c9')
  await expect(failed).toContainText('failed')
  await expect(failed).toContainText('checkpoint epoch_1 could not be loaded')
  // A base model, named as such, on its dataset by name.
  const base = rowOf(page, '8d956073')
  await expect(base).toContainText('Marqo/ViT-B-32.laion2b_s34b_b79k')
  await expect(base).toContainText('base model')
  await expect(base).toContainText('gs-apparel-eval-25k')
  // Numbers read from describe, and from the log when only there (said so).
  await expect(rowOf(page, 'c30876ac').getByText(/^0\.\d{4}$/)).toHaveCount(3)
  await expect(rowOf(page, '5042b756').getByText('(from the log)')).toHaveCount(3)

  expect(await fit(page)).toEqual({ pageScrolls: false, pageSideways: false })
  await expectNoAxeViolations(page)
})

test('sorts by a metric and searches, in the URL; a model’s link opens its panel, and Back returns', async ({
  page,
}) => {
  await openEvaluations(page)
  await expect(bodyRows(page)).toHaveCount(22)
  await expect(page.getByText(/reading the numbers/)).toBeHidden()

  const header = evaluationsTable(page).getByRole('columnheader', { name: 'NDCG@10' })
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  await expect(page).toHaveURL(/esort=-ndcg%4010|esort=-ndcg@10/)
  const firstValues = await bodyRows(page).evaluateAll((rows) =>
    rows.slice(0, 5).map((row) => Number.parseFloat(row.children[4]!.textContent ?? '')),
  )
  expect(firstValues).toEqual(firstValues.toSorted((a, b) => b - a))

  await page.getByRole('searchbox', { name: 'Search evaluations' }).fill('gs-apparel-v3')
  await expect(bodyRows(page)).toHaveCount(5)
  await expect(page.getByText('5 of 22 evaluations')).toBeVisible()

  await bodyRows(page).first().getByRole('button', { name: 'gs-apparel-v3' }).click()
  await expect(page).toHaveURL(new RegExp(`model=${apparelV3.modelId}`))
  await expect(page.getByRole('complementary', { name: 'gs-apparel-v3' })).toBeVisible()
  await expect(page.getByRole('grid', { name: 'Models' })).toBeVisible()

  await page.goBack()
  await expect(evaluationsTable(page)).toBeVisible()
  await expect(page.getByRole('searchbox', { name: 'Search evaluations' })).toHaveValue(
    'gs-apparel-v3',
  )
  await expect(bodyRows(page)).toHaveCount(5)
})

test('keyboard: the switch is reached and pressed with the keys, and the keyboard stays on it', async ({
  page,
}) => {
  await connect(page)
  const models = page.getByRole('navigation', { name: 'Screens' }).getByRole('button', {
    name: 'Evaluations',
  })
  await models.focus()
  await page.keyboard.press('Enter')
  await expect(evaluationsTable(page)).toBeVisible()
  const current = page.getByRole('navigation', { name: 'Screens' }).getByRole('button', {
    name: 'Evaluations',
  })
  await expect(current).toBeFocused()
  await expect(current).toHaveAttribute('aria-pressed', 'true')

  // Shift+Tab back to Models, Enter: the models screen, the keyboard on its switch.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('grid', { name: 'Models' })).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Models' }),
  ).toBeFocused()
})

test('a header sorts from the keyboard, and Tab leaves the table', async ({ page }) => {
  await openEvaluations(page)
  await expect(bodyRows(page)).toHaveCount(22)
  const header = evaluationsTable(page).getByRole('columnheader', { name: 'Dataset' })
  await header.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  // The last control of the table is a model's link; Tab from it leaves the page's controls.
  const links = evaluationsTable(page).locator('tbody button')
  await links.last().focus()
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('table') === null)).toBe(true)
})

test('the list is asked again while an evaluation runs (one is running in the account)', async ({
  page,
}) => {
  // The page's clock: the 10 s between refreshes pass at once.
  await page.clock.install()
  await openEvaluations(page)
  await expect(bodyRows(page)).toHaveCount(22)
  const again = page.waitForRequest(
    (request) => new URL(request.url()).pathname === '/api/evaluation',
  )
  await page.clock.fastForward(10_000)
  expect((await again).method()).toBe('GET')
  await expect(bodyRows(page)).toHaveCount(22)
})

test.describe('when a refresh fails', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource/] })

  test('the rows stay, and it says so', async ({ page }) => {
    await openEvaluations(page)
    await expect(bodyRows(page)).toHaveCount(22)
    await page.route('**/api/evaluation', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ message: 'Not found' }),
      }),
    )
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(page.getByRole('alert')).toContainText('Refreshing failed')
    await expect(bodyRows(page)).toHaveCount(22)
  })
})

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}×${viewport.height} the view fits without page scroll, in both themes, axe clean`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await openEvaluations(page)
    if (viewport.width < 640) {
      const cards = page.getByRole('list', { name: 'Evaluations' }).getByRole('listitem')
      await expect(cards).toHaveCount(22)
      await expect(cards.filter({ hasText: 'unlinked' })).toHaveCount(1)
    } else {
      await expect(bodyRows(page)).toHaveCount(22)
    }
    // Every number read: the rows as full as they get.
    await expect(page.getByText(/reading the numbers/)).toBeHidden()
    expect(await fit(page)).toEqual({ pageScrolls: false, pageSideways: false })
    await expectNoAxeViolations(page)

    await page.getByTitle('Dark theme').click()
    await expect(page.locator('html')).toHaveClass(/dark/)
    expect(await fit(page)).toEqual({ pageScrolls: false, pageSideways: false })
    await expectNoAxeViolations(page)
  })
}

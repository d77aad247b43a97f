import type { Page } from '@playwright/test'

import {
  accountModels,
  connect,
  expect,
  expectNoAxeViolations,
  modelsGrid,
  notices,
  openModel,
  openTab,
  rowNames,
  test,
} from './fixtures'

/** What a journey checks the window by: nothing scrolls the page, nothing spills sideways. */
function fit(page: Page) {
  return page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Models"]')!
    const clipped = [...grid.querySelectorAll<HTMLElement>('[role="columnheader"] .truncate')]
      .filter((label) => label.scrollWidth > label.clientWidth)
      .map((label) => label.textContent)
    return {
      pageScrolls: document.scrollingElement!.scrollHeight > window.innerHeight,
      sideways: grid.scrollWidth - grid.clientWidth,
      clipped,
    }
  })
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
]) {
  test(`at ${viewport.width} px the default columns fit, whole, and the page never scrolls`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await connect(page)
    await expect(modelsGrid(page)).toBeVisible()
    expect(await fit(page)).toEqual({ pageScrolls: false, sideways: 0, clipped: [] })

    // A model open: the panel scrolls in its place; a wheel over the header moves nothing.
    await openModel(page, 'vit-l14-product-search')
    await openTab(page, 'Checkpoints')
    await page.mouse.move(200, 20)
    await page.mouse.wheel(0, 2000)
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0)
    expect((await fit(page)).pageScrolls).toBe(false)
  })
}

test('the grid is one tab stop: in from the search with Down, out with one Tab from any cell', async ({
  page,
}) => {
  await connect(page)
  const search = page.getByRole('searchbox', { name: 'Search models' })
  await search.focus()
  await page.keyboard.press('ArrowDown')
  const first = modelsGrid(page).getByRole('rowheader', { name: accountModels[0]!.modelName })
  await expect(first).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('j')
  await expect(modelsGrid(page).locator('[data-index="1"] [data-col="3"]')).toBeFocused()
  // Space ticks the row's model; the box itself is no tab stop.
  await page.keyboard.press(' ')
  await expect(page).toHaveURL(new RegExp(`compare=${accountModels[1]!.modelId}`))

  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.closest('[role="grid"]') === null)).toBe(
    true,
  )
  await page.keyboard.press('Shift+Tab')
  await expect(modelsGrid(page).locator('[data-index="1"] [data-col="3"]')).toBeFocused()

  // Up from the first row: the headers, where Enter sorts; then up again to the search.
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await page.keyboard.press('ArrowUp')
  await expect(search).toBeFocused()
})

test('select all ticks the models shown, and the line above says so without moving the grid', async ({
  page,
}) => {
  await connect(page)
  await page.getByRole('button', { name: 'Failed', exact: true }).click()
  // The failure triage comes in the frame that shows the failed models, never after it: the grid
  // below it does not move a moment later (when its code loaded on demand, the strip pushed the
  // grid 122 px down after the count showed, under load).
  const strip = await page.waitForFunction(
    () =>
      document.querySelector('section[aria-label="Models"] output')?.textContent ===
        '4 of 27 models' && {
        strip: document.querySelector('[aria-labelledby="failure-triage-title"]') !== null,
      },
    null,
    { polling: 'raf' },
  )
  expect(await strip.jsonValue()).toEqual({ strip: true })
  const before = await modelsGrid(page).boundingBox()
  await page.getByRole('checkbox', { name: 'Select the 4 models shown' }).check()
  await expect(page.getByText('· 4 selected')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Compare 4 models' })).toBeEnabled()
  expect(await modelsGrid(page).boundingBox()).toEqual(before)
  await page.getByRole('checkbox', { name: 'Clear the selection of the 4 models shown' }).uncheck()
  await expect(page.getByText('· 4 selected')).toBeHidden()
})

declare global {
  interface Window {
    /** Set by recordMovement: the grid's top in each frame it changed, and the layout shifts. */
    movement?: { tops: number[]; since: number; shifts: string[] }
  }
}

/**
 * From the page's first script: the models grid's top in every frame it is on screen (when it
 * changes), and every layout shift from its first frame on.
 */
function recordMovement(page: Page) {
  return page.addInitScript(() => {
    const seen = { tops: [] as number[], since: 0, shifts: [] as string[] }
    window.movement = seen
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!seen.tops.length || entry.startTime < seen.since) continue
        const value = 'value' in entry ? entry.value : '?'
        seen.shifts.push(`${Math.round(entry.startTime - seen.since)} ms: ${String(value)}`)
      }
    }).observe({ type: 'layout-shift' })
    const frame = (at: number) => {
      const top = document
        .querySelector('[role="grid"][aria-label="Models"]')
        ?.getBoundingClientRect().top
      if (top !== undefined && seen.tops.at(-1) !== top) {
        if (!seen.tops.length) seen.since = at
        seen.tops.push(top)
      }
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
}

test('a link to the failed models shows the triage strip with the rows: nothing moves the grid after', async ({
  page,
}) => {
  // The strip once came a moment after the rows, and the grid went 122 px down.
  await recordMovement(page)
  await connect(page, undefined, '/?phase=failed')
  await expect(page.getByRole('status')).toHaveText('4 of 27 models')
  await expect(page.getByRole('heading', { name: /^Why models failed/ })).toBeVisible()
  // Until what comes after the rows is done (the idle indexing, which marks \`models:warm\`, and
  // the panel's code fetched in the same idle time), and a frame more.
  await page.waitForFunction(() => performance.getEntriesByName('models:warm').length > 0)
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  const { tops, shifts } = (await page.evaluate(() => window.movement))!
  expect({ tops, shifts }).toEqual({ tops: tops.slice(0, 1), shifts: [] })
})

test('a column resized by its edge keeps its width, and an added column is brought into view', async ({
  page,
}) => {
  await connect(page)
  const header = page.getByRole('columnheader', { name: 'Instance type' })
  const box = (await header.boundingBox())!
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width + 78, box.y + box.height / 2, { steps: 4 })
  await page.mouse.up()
  await expect
    .poll(async () => Math.round((await header.boundingBox())!.width))
    .toBe(Math.round(box.width) + 80)
  await page.reload()
  await expect
    .poll(async () => Math.round((await header.boundingBox())!.width))
    .toBe(Math.round(box.width) + 80)

  // Added by a command, past the right edge of a narrower window: scrolled to and announced.
  await page.setViewportSize({ width: 1100, height: 800 })
  await page.getByRole('button', { name: 'Columns' }).click()
  await page.getByRole('button', { name: 'Add varying hyperparameters' }).click()
  await page.keyboard.press('Escape')
  const announced = page.getByText(/^Added \d+ columns?: /)
  await expect(announced).toBeAttached()
  const first = (await announced.textContent())!
    .replace(/^Added \d+ columns?: /, '')
    .split(', ')[0]!
  await expect(
    page.getByRole('columnheader', { name: first.replace(/\.$/, ''), exact: true }),
  ).toBeInViewport()
})

test('a checkpoint row has two buttons, and its menu at the bottom of a 720 px window stays inside it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await connect(page)
  await openModel(page, 'vit-l14-product-search')
  await openTab(page, 'Checkpoints')
  const oldest = page.getByRole('listitem').filter({ hasText: /^epoch_1(?!\d)/ })
  await expect(oldest.getByRole('button')).toHaveCount(2)
  await oldest.getByRole('button', { name: 'Copy epoch_1', exact: true }).click()
  const menu = page.getByRole('menu', { name: 'Copy epoch_1' })
  await expect(menu).toBeVisible()
  const box = (await menu.boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height).toBeLessThanOrEqual(720)
  await expect(menu.getByRole('menuitem', { name: 'Name' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
})

test('a link keeps its meaning: ?phase=running filters, an unknown value says it matches nothing', async ({
  page,
}) => {
  await connect(page, undefined, '/?phase=running')
  const running = accountModels.filter(
    (model) =>
      ['running', 'training'].includes(model.secondaryStatus.toLowerCase()) &&
      !['ready', 'failed', 'stopped', 'finished'].includes(model.status.toLowerCase()),
  )
  await expect.poll(() => rowNames(page)).toEqual(running.map((model) => model.modelName))
  await expect(page.getByRole('button', { name: /^Running: \d+ models?$/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  )

  await page.goto('/?instanceType=marqtune.gpu-x')
  await expect(page.getByText('Instance type: marqtune.gpu-x')).toContainText('matches no model')
  await expect(page.getByText('No models match')).toBeVisible()
  await page
    .getByRole('button', { name: 'Remove the filter Instance type: marqtune.gpu-x' })
    .click()
  await expect(page.getByRole('status')).toHaveText('27 models')

  // Copy link: the view, never the key.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'In progress' }).click()
  await expect(page).toHaveURL(/phase=in-progress/)
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(notices(page)).toContainText('Copied the link to this view.')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(page.url())
})

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('every card shows its base model, and a model opens full screen with Back', async ({
    page,
  }) => {
    await connect(page)
    const cards = modelsGrid(page).locator('[role="row"]')
    await expect(cards.first()).toBeVisible()
    for (const card of await cards.all()) {
      const id = await card.getAttribute('data-model-id')
      const model = accountModels.find((candidate) => candidate.modelId === id)!
      await expect(card).toContainText(model.baseModel)
    }
    expect((await fit(page)).sideways).toBe(0)
    await cards.first().click()
    const back = page.getByRole('button', { name: 'Back to the models' })
    await expect(back).toBeVisible()
    await back.click()
    await expect(page).not.toHaveURL(/model=/)
  })
})

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the ${theme} theme at 1440, 1280 and 390 px, with a panel open`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    await connect(page)
    await openModel(page, 'gs-apparel-v4')
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport)
      await expect(page.getByRole('tablist', { name: 'Model details' })).toBeVisible()
      await expectNoAxeViolations(page)
    }
  })
}

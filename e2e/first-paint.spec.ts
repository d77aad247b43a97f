import type { Route } from '@playwright/test'

import { demoKey, expect, test } from './fixtures'

/**
 * A first visit on a slow connection: the key screen must paint from the page alone, styled and
 * in the chosen theme, while every other file is still on its way (docs/decisions/0010).
 */
test('the key screen paints from the HTML alone, styled and in the stored theme, then connects', async ({
  page,
}) => {
  await page.addInitScript(() =>
    localStorage.setItem('marqtune-dashboard.preference.theme', JSON.stringify('dark')),
  )
  // Every request but the page's own is held until released.
  const held: Route[] = []
  let holding = true
  await page.route(
    (url) => url.pathname !== '/',
    (route) => (holding ? held.push(route) : route.continue()),
  )

  await page.goto('/', { waitUntil: 'commit' })
  const connect = page.getByRole('button', { name: 'Connect' })
  await expect(connect).toBeVisible()
  await expect(connect).toBeDisabled()
  // The page's own style sheet applies (the CSP allows it by its hash), in the dark theme.
  const looks = await page.evaluate(() => {
    const button = document.querySelector('button[type="submit"]')!
    const card = document.querySelector('h1')!.parentElement!
    return {
      dark: document.documentElement.classList.contains('dark'),
      card: getComputedStyle(card).borderTopLeftRadius,
      button: getComputedStyle(button).backgroundColor,
      // Each font family the first frame lays out is looked up through the browser process:
      // the screen keeps to one (docs/decisions/0010).
      families: [
        ...new Set(
          [...document.querySelectorAll('#root *')].map(
            (element) => getComputedStyle(element).fontFamily,
          ),
        ),
      ],
    }
  })
  expect(looks.dark).toBe(true)
  expect(looks.card).not.toBe('0px')
  expect(looks.button).not.toBe('rgba(0, 0, 0, 0)')
  expect(looks.families).toHaveLength(1)
  expect(looks.families[0]).toMatch(/^system-ui,/)
  // Nothing the page asked for has arrived, and none of it is a style sheet.
  const asked = held.map((route) => new URL(route.request().url()).pathname)
  expect(asked.filter((path) => path.endsWith('.css'))).toEqual([])

  // Once the app runs, it asks for the models view's code at once, before any key is entered.
  const viewCode = page.waitForRequest(/\/assets\/models-loader-[^/]*\.js$/)
  holding = false
  for (const route of held.splice(0)) await route.continue()
  await viewCode
  await expect(connect).toBeEnabled()
  await page.getByLabel('API key').fill(demoKey)
  await connect.click()
  await expect(page.getByRole('rowheader', { name: 'gs-apparel-v3', exact: true })).toBeVisible()
})

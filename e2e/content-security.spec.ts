import type { Browser } from '@playwright/test'

import { expect, test, watchForErrors } from './fixtures'

/**
 * The app in a context of its own, watched for CSP violations (Chromium also logs each refusal
 * to the console; these tests are about the violations themselves). `violations()` says what
 * the journeys' guard has been told so far.
 */
async function openWatched(browser: Browser) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const check = await watchForErrors(page, [/Content Security Policy/])
  await page.goto('/')
  const violations = () => {
    try {
      check()
      return 'no violation reported'
    } catch (error) {
      return String(error)
    }
  }
  return { context, page, violations }
}

test('the CSP blocks an injected inline script, and the journeys’ guard notices', async ({
  browser,
}) => {
  const { context, page, violations } = await openWatched(browser)
  await expect(page.getByLabel('API key')).toBeVisible()

  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.body.append(script)
  })

  await expect.poll(() => page.evaluate(() => 'injected' in window)).toBe(false)
  await expect.poll(violations).toContain('CSP violation: script-src-elem blocked inline')
  await context.close()
})

test('the page’s own style sheet applies under the CSP, and an injected style is refused', async ({
  browser,
}) => {
  const { context, page, violations } = await openWatched(browser)
  const connect = page.getByRole('button', { name: 'Connect' })
  await expect(connect).toBeVisible()
  const shown = () => page.evaluate(() => getComputedStyle(document.body).display)
  expect(await shown()).toBe('block')
  // The key screen is styled by the built page's own <style> block, allowed by its hash.
  expect(await connect.evaluate((button) => getComputedStyle(button).borderTopLeftRadius)).not.toBe(
    '0px',
  )

  await page.evaluate(() => {
    const style = document.createElement('style')
    style.textContent = 'body { display: none }'
    document.head.append(style)
    document.querySelector('h1')!.setAttribute('style', 'display: none')
  })

  await expect.poll(violations).toContain('CSP violation: style-src-elem blocked inline')
  await expect.poll(violations).toContain('CSP violation: style-src-attr blocked inline')
  expect(await shown()).toBe('block')
  await expect(page.getByRole('heading', { name: 'Marqtune Models' })).toBeVisible()
  await context.close()
})

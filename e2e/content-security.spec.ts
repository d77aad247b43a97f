import { expect, test, watchForErrors } from './fixtures'

test('the CSP blocks an injected inline script, and the journeys’ guard notices', async ({
  browser,
}) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  // Chromium also logs the refusal to the console; this test is about the violation itself.
  const check = await watchForErrors(page, [/Content Security Policy/])
  await page.goto('/')
  await expect(page.getByLabel('API key')).toBeVisible()

  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.injected = true'
    document.body.append(script)
  })

  await expect.poll(() => page.evaluate(() => 'injected' in window)).toBe(false)
  await expect
    .poll(() => {
      try {
        check()
        return 'no violation reported'
      } catch (error) {
        return String(error)
      }
    })
    .toContain('CSP violation: script-src-elem blocked inline')
  await context.close()
})

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

test('the page’s own style sheet applies under the CSP, and an injected style is refused', async ({
  browser,
}) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const check = await watchForErrors(page, [/Content Security Policy/])
  await page.goto('/')
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

  const violations = () => {
    try {
      check()
      return 'no violation reported'
    } catch (error) {
      return String(error)
    }
  }
  await expect.poll(violations).toContain('CSP violation: style-src-elem blocked inline')
  await expect.poll(violations).toContain('CSP violation: style-src-attr blocked inline')
  expect(await shown()).toBe('block')
  await expect(page.getByRole('heading', { name: 'Marqtune Models' })).toBeVisible()
  await context.close()
})

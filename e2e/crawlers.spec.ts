import { expect, test } from './fixtures'

// What a search engine (or Lighthouse) finds: a private dashboard that asks not to be indexed,
// files that exist or are a 404, and a page that describes itself.

test('robots.txt keeps every crawler out', async ({ request }) => {
  const response = await request.get('/robots.txt')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^text\/plain/)
  const lines = (await response.text()).split('\n').map((line) => line.trim())
  expect(lines).toContain('User-agent: *')
  expect(lines).toContain('Disallow: /')
})

test('a file that is not there is a 404, while any other path is the app', async ({ request }) => {
  for (const path of ['/sitemap.xml', '/favicon.ico', '/assets/old-release.js']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(404)
    expect(await response.text(), path).not.toContain('<html')
  }
  const route = await request.get('/some/view')
  expect(route.status()).toBe(200)
  expect(await route.text()).toContain('data-prerendered')
})

test('the built page describes itself and still holds the prerendered key screen', async ({
  request,
}) => {
  // The HTML as sent, before the app hydrates it: what a crawler reads.
  const html = await (await request.get('/')).text()
  expect(html).toMatch(/<meta\s+name="description"\s+content="[^"]*Marqtune models?[^"]*"/i)
  expect(html).toMatch(/<div id="root" data-prerendered>.*API key/s)
})

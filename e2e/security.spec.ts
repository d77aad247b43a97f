import { connect as connectSocket } from 'node:net'

import { faultRoutes } from '../server/emulator/faults'
import { accountModels, connect, demoKey, notices, openModel, openTab, seedModel } from './fixtures'
import { canaryKey, expect, test } from './faulty-servers'

test.use({ viewport: { width: 1500, height: 1000 } })

test.describe('a canary key used through a whole journey', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('is found nowhere afterwards', async ({ page, context, faulty }) => {
    const urls: string[] = []
    page.on('request', (request) => urls.push(request.url()))
    page.on('framenavigated', (frame) => urls.push(frame.url()))
    const model = seedModel('gs-apparel-v4')

    await connect(page, canaryKey, faulty.app)
    await page.getByRole('searchbox').fill('apparel')
    await openModel(page, model.modelName)
    const panel = page.getByRole('complementary', { name: model.modelName })
    await openTab(page, 'Logs')
    await expect(panel.getByRole('tabpanel').getByRole('list')).toBeVisible()
    await openTab(page, 'Checkpoints')
    await panel.getByRole('button', { name: 'Actions for epoch_2', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Download epoch_2…' }).click()
    await expect(notices(page).getByRole('link', { name: 'Download epoch_2' })).toBeVisible()
    // Copied last: the clipboard is checked below.
    await panel.getByRole('button', { name: 'Copy every checkpoint name, one per line' }).click()
    await page.getByRole('button', { name: 'Copy link' }).click()
    await panel.getByRole('button', { name: 'Copy every checkpoint name, one per line' }).click()
    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect(page.getByText(/Updated/)).toBeVisible()
    await page.reload()
    await expect(panel).toBeVisible()
    // While connected the key is in this tab's sessionStorage, by design; nowhere else.
    const stored = await page.evaluate(async () => ({
      local: JSON.stringify(Object.entries(localStorage)),
      databases: (await indexedDB.databases()).map((database) => database.name),
      caches: await caches.keys(),
      clipboard: await navigator.clipboard.readText(),
      cookies: document.cookie,
    }))
    await page.getByRole('button', { name: 'Forget key' }).click()
    await expect(page.getByLabel('API key')).toBeVisible()
    const session = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))

    expect(stored.clipboard).toBe(model.checkpoints.join('\n'))
    expect(stored.databases).toEqual([])
    expect(stored.caches).toEqual([])
    const everywhere = {
      ...stored,
      session,
      cookies: [stored.cookies, JSON.stringify(await context.cookies())],
      urls,
      output: faulty.output(),
      requestLog: JSON.stringify(await faulty.requests()),
    }
    for (const [place, text] of Object.entries(everywhere)) {
      expect(JSON.stringify(text), `the key in ${place}`).not.toContain(canaryKey)
    }
    expect(urls.length).toBeGreaterThan(5)
    expect(faulty.output()).toContain('GET /api/models 200')
  })
})

/** Sends `head` as written to the dashboard's server; resolves with the status line. */
function rawRequest(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connectSocket(Number(port), hostname, () => socket.write(head))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''))
    socket.on('error', reject)
  })
}

test('open-proxy probes never make the emulator see a request outside the allow-list', async ({
  faulty,
}) => {
  const emulatorHost = new URL(faulty.emulator).host
  const appHost = new URL(faulty.app).host
  const targets = [
    `http://${emulatorHost}/__emulator/requests`,
    `http://${emulatorHost}/models`,
    `//${emulatorHost}/models`,
    '/api/models/%2e%2e/%2e%2e/__emulator/requests',
    '/api/%2e%2e/__emulator/requests',
    '/api/models%2f..%2f..%2f__emulator%2frequests',
    '/api/models%5c..%5c__emulator',
    '/api/models/%252e%252e/x',
    '/api/models/../../__emulator/requests',
    '/api/models/x/../../../__emulator/requests',
    '/api/__emulator/requests',
    `/api/models/${accountModels[0]!.modelId}/download/url?checkpoint=../../__emulator`,
    `/api/models/${accountModels[0]!.modelId}/download/url?checkpoint=epoch_1%26x%3D1`,
    `/api/models/${accountModels[0]!.modelId}%3Fx=/logs`,
  ]
  const answers: string[] = []
  for (const target of targets) {
    answers.push(
      await rawRequest(
        faulty.app,
        `GET ${target} HTTP/1.1\r\nHost: ${appHost}\r\nx-api-key: ${demoKey}\r\nConnection: close\r\n\r\n`,
      ),
    )
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'CONNECT']) {
    const target = method === 'CONNECT' ? emulatorHost : '/api/models'
    answers.push(
      await rawRequest(
        faulty.app,
        `${method} ${target} HTTP/1.1\r\nHost: ${appHost}\r\nx-api-key: ${demoKey}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
    )
  }
  answers.push(
    await rawRequest(
      faulty.app,
      `GET /api/models HTTP/1.1\r\nHost: ${emulatorHost.replace('127.0.0.1', 'evil.example')}\r\nx-api-key: ${demoKey}\r\nConnection: close\r\n\r\n`,
    ),
  )

  // The one allowed route, with a query it takes nothing from.
  const listed = await rawRequest(
    faulty.app,
    `GET /api/models?x=1&redirect=http://evil.example HTTP/1.1\r\nHost: ${appHost}\r\nx-api-key: ${demoKey}\r\nConnection: close\r\n\r\n`,
  )
  expect(listed).toMatch(/^HTTP\/1\.1 200 /)

  // CONNECT is not even answered: the socket is closed.
  for (const answer of answers) expect(answer).toMatch(/^$|^HTTP\/1\.1 40\d /)
  const seen = await faulty.requests()
  for (const request of seen) {
    expect(faultRoutes, request.path).toContain(request.route)
    expect(request.method).toBe('GET')
    expect(request.path).toMatch(
      /^\/models(\/[0-9a-f-]{36}(\/logs|\/download\/url(\?checkpoint=[\w.-]+)?)?)?$/,
    )
  }
  // Each probe carries a working key, so only the allow-list stops it: just the plain request
  // to the list went through, its query left behind.
  expect(seen.map((request) => request.path)).toEqual(['/models'])
})

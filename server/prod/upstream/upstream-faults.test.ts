import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { UpstreamOptions } from './forward'
import { listenApp } from '../testing/fake-upstream'
import { expectGuarantees } from '../testing/guarantees'
import { fakeUpstreamPerFile, key, testServerApp } from '../testing/test-server'

const upstream = await fakeUpstreamPerFile()
const { seen, state } = upstream
const logLines: string[] = []
const withKey = { headers: { 'x-api-key': key } }

function app(settings: Partial<UpstreamOptions> = {}) {
  return testServerApp({
    upstream: { baseUrl: upstream.url, timeoutMs: 2_000, idleTimeoutMs: 300, ...settings },
    log: (line) => logLines.push(line),
  })
}

// Run as `npm start` runs it: the Node adapter has error paths of its own (a bare text/plain 500,
// a stack trace on stderr) that an in-process `app.request` never reaches.
const server = await listenApp(app())
const get = (path = '/api/models') => fetch(`${server.url}${path}`, withKey)

let stderr: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  logLines.length = 0
  stderr = vi.spyOn(console, 'error')
})
afterEach(() => {
  const calls = stderr.mock.calls.length
  stderr.mockRestore()
  // Whatever the upstream did, nothing reaches stderr as an unhandled stack trace.
  if (calls > 0) throw new Error(`console.error was called ${calls} times`)
})
afterAll(() => server.close())

const json = { 'content-type': 'application/json' }

/** Whatever the upstream said it was: JSON, never sniffed, never run as a page. */
function expectServedAsJson(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/json')
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
}
const bigBody = JSON.stringify({ models: 'x'.repeat(600_000) })

describe('an upstream answer the server cannot describe', () => {
  it.each([999, 600])('turns status %i into a 502 with every guarantee', async (status) => {
    state.reply = { status, headers: json, body: '{"message":"odd"}' }
    const body = await expectGuarantees(await get(), 502, logLines)
    expect(body.message).toContain(`HTTP status ${status}`)
  })

  it('turns a body shorter than declared into a 502 with every guarantee', async () => {
    state.reply = {
      status: 200,
      headers: { ...json, 'content-length': '1000' },
      body: '{"models":[]}'.padEnd(200),
      misbehave: 'cut',
    }
    const body = await expectGuarantees(await get(), 502, logLines)
    expect(body.message).toContain('broke off')
  })

  it.each([
    ['a reset before answering', 'reset' as const],
    ['an answer that is not HTTP', 'garbage' as const],
  ])('turns %s into a 502 with every guarantee', async (_name, misbehave) => {
    state.reply = { status: 200, misbehave }
    const body = await expectGuarantees(await get(), 502, logLines)
    expect(body.message).toContain('could not reach')
  })

  it('turns silence early in the body into a 504 with every guarantee', async () => {
    const body = '{"models":[]}'.repeat(100)
    state.reply = { status: 200, headers: json, body, misbehave: 'stall' }
    // Silent for longer than the idle limit within the first 250 ms, before anything went out.
    const response = await app({ idleTimeoutMs: 100 }).request('/api/models', withKey)
    expect((await expectGuarantees(response, 504, logLines)).message).toContain('went silent')
  })

  it('starts streaming a slow body after 250 ms, so the browser can show progress', async () => {
    const body = '{"models":[]}'.repeat(100)
    state.reply = { status: 200, headers: json, body, misbehave: 'stall' }
    const started = performance.now()
    const response = await get()
    expect(response.status).toBe(200)
    expect(performance.now() - started).toBeLessThan(300 + 200)
    await expect(response.text()).rejects.toThrow('terminated')
    await expect.poll(() => logLines.join('\n')).toMatch(/ 200 \d+ms bytes=\d+ cut /)
  })

  it('breaks the connection when a long body breaks off, and logs it as cut', async () => {
    state.reply = { status: 200, headers: json, body: bigBody, misbehave: 'cut' }
    const response = await get()
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow('terminated')
    await expect
      .poll(() => logLines.join('\n'))
      .toMatch(/^GET \/api\/models 200 \d+ms bytes=\d+ cut /m)
  })

  it('breaks the connection when a long body falls silent, and logs it as cut', async () => {
    state.reply = { status: 200, headers: json, body: bigBody, misbehave: 'stall' }
    const response = await get()
    await expect(response.text()).rejects.toThrow('terminated')
    await expect.poll(() => logLines.join('\n')).toMatch(/ 200 \d+ms bytes=\d+ cut /)
    await expect.poll(() => seen[0]?.closedEarly).toBe(true)
  })
})

describe('an upstream answer that is not JSON', () => {
  it.each([
    ['text/html', 200, 502, 'HTTP 200 OK: an HTML page.'],
    [
      'application/javascript',
      200,
      502,
      'HTTP 200 OK: a response of type application/javascript, not JSON.',
    ],
    [undefined, 200, 502, 'HTTP 200 OK: a response without a content type, not JSON.'],
    // A gateway's error page stays an error of its status: the app retries a 503 and sends a
    // refused key back to the key screen.
    ['text/html; charset=utf-8', 503, 503, 'HTTP 503 Service Unavailable: an HTML page.'],
    ['text/html', 401, 401, 'HTTP 401 Unauthorized: an HTML page.'],
  ])(
    'turns %s (HTTP %i) into a JSON error saying what came',
    async (type, status, answered, said) => {
      const text = type?.includes('html') ? '<script>alert(1)</script>' : 'alert(1)'
      state.reply = { status, headers: type ? { 'content-type': type } : {}, body: text }
      const body = await expectGuarantees(await get(), answered, logLines)
      expect(body.message).toBe(`The Marqtune API answered ${said}`)
    },
  )

  it.each(['application/json; charset=utf-8', 'application/problem+json', 'Application/JSON'])(
    'passes %s through as application/json, error statuses included',
    async (type) => {
      state.reply = { status: 404, headers: { 'content-type': type }, body: '{"message":"nope"}' }
      const response = await get()
      expect(response.status).toBe(404)
      expectServedAsJson(response)
      expect(await response.json()).toEqual({ message: 'nope' })
    },
  )

  it.each([
    ['a body that is not JSON', 'upstream connect error or disconnect/reset before headers'],
    ['JSON cut short', '{"models":[{"modelId":"m"}'],
    ['an empty body', ''],
  ])(
    'refuses %s labelled text/plain in its words, keeping an error status',
    async (_name, text) => {
      for (const [status, answered] of [
        [200, 502],
        [503, 503],
      ] as const) {
        state.reply = { status, headers: { 'content-type': 'text/plain' }, body: text }
        const body = await expectGuarantees(await get(), answered, logLines)
        expect(body.message).toMatch(
          /^The Marqtune API answered HTTP \d+ [\w ]+: a response of type text\/plain, not JSON\.$/,
        )
      }
    },
  )

  it('refuses a long page that is not JSON from its first bytes, whatever its label says', async () => {
    const page = `<!doctype html><title>Gateway</title>${'<p>busy</p>'.repeat(60_000)}`
    state.reply = { status: 502, headers: { 'content-type': 'text/html' }, body: page }
    expect((await expectGuarantees(await get(), 502, logLines)).message).toBe(
      'The Marqtune API answered HTTP 502 Bad Gateway: an HTML page.',
    )
    state.reply = { status: 200, headers: { 'content-type': 'text/plain' }, body: page }
    expect((await expectGuarantees(await get(), 502, logLines)).message).toContain(
      'a response of type text/plain, not JSON.',
    )
  })
})

describe('a JSON answer labelled as something else (gateways say text/plain)', () => {
  it.each([
    'text/plain',
    'text/plain; charset=utf-8',
    'application/octet-stream',
    'text/html',
    undefined,
  ])('reads %s as the JSON it is, served as application/json', async (type) => {
    for (const [status, body] of [
      [200, '\ufeff {"models":[{"modelId":"m","status":"Ready"}]}\n'],
      [401, '{"message":"Unauthorized."}'],
    ] as const) {
      state.reply = { status, headers: type ? { 'content-type': type } : {}, body }
      const response = await get()
      expect(response.status).toBe(status)
      expectServedAsJson(response)
      expect(await response.json()).toEqual(JSON.parse(body.replace('\ufeff', '')))
    }
  })

  it('streams a long one (more than is read ahead) from its first bytes, whole', async () => {
    state.reply = { status: 200, headers: { 'content-type': 'text/plain' }, body: bigBody }
    const response = await get()
    expect(response.status).toBe(200)
    expectServedAsJson(response)
    expect(await response.text()).toBe(bigBody)
  })

  it('refuses an encoding it did not ask for rather than pass on bytes it cannot size', async () => {
    state.reply = { status: 200, headers: { ...json, 'content-encoding': 'gzip' }, body: 'x' }
    const body = await expectGuarantees(await get(), 502, logLines)
    expect(body.message).toContain('gzip')
  })
})

describe('an upstream that takes too long or sends too much', () => {
  it('answers 504 in JSON when the upstream does not start answering in time', async () => {
    state.reply = { status: 200, misbehave: 'hang' }
    const response = await app({ timeoutMs: 200 }).request('/api/models', withKey)
    const body = await expectGuarantees(response, 504, logLines)
    expect(body.message).toContain('in time')
  })

  it('still times out when garbage is collected while it waits (nodejs/node#57736)', async () => {
    setFlagsFromString('--expose-gc')
    const collect = runInNewContext('gc') as () => void
    state.reply = { status: 200, misbehave: 'hang' }
    const collecting = setInterval(collect, 20)
    try {
      const response = await app({ timeoutMs: 300 }).request('/api/models', withKey)
      expect(response.status).toBe(504)
    } finally {
      clearInterval(collecting)
    }
  })

  it('refuses a body over the size limit, declared or not', async () => {
    const body = JSON.stringify({ models: 'x'.repeat(5_000) })
    state.reply = { status: 200, headers: { ...json, 'content-length': String(body.length) }, body }
    const small = app({ maxBodyBytes: 1_000 })
    const declared = await small.request('/api/models', withKey)
    expect((await expectGuarantees(declared, 502, logLines)).message).toContain('more data')

    state.reply = { status: 200, headers: { ...json, 'transfer-encoding': 'chunked' }, body }
    const undeclared = await small.request('/api/models', withKey)
    expect((await expectGuarantees(undeclared, 502, logLines)).message).toContain('more data')
  })

  it('stops the upstream request when the browser goes away', async () => {
    state.reply = { status: 200, misbehave: 'hang' }
    const controller = new AbortController()
    const pending = fetch(`${server.url}/api/models`, { ...withKey, signal: controller.signal })
    await expect.poll(() => seen.length).toBe(1)
    controller.abort()
    await pending.catch(() => undefined)
    await expect.poll(() => seen[0]!.closedEarly).toBe(true)
    await expect.poll(() => logLines.join('\n')).toMatch(/ aborted id=/)
  })
})

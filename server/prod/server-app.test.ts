import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createServerApp } from './server-app'
import { listenApp, raw } from './testing/fake-upstream'
import { fakeUpstreamPerFile, key, modelId, testServerApp } from './testing/test-server'

const upstream = await fakeUpstreamPerFile()
const { seen, state } = upstream

const logLines: string[] = []
beforeEach(() => {
  logLines.length = 0
})

function app(timeoutMs = 2_000, maxBodyBytes = 1_000_000) {
  return testServerApp({
    upstream: { baseUrl: upstream.url, timeoutMs, maxBodyBytes },
    log: (line) => logLines.push(line),
  })
}

const withKey = { headers: { 'x-api-key': key } }

describe('the forwarder', () => {
  it('forwards GET /api/models with the key and accept only', async () => {
    const response = await app().request('/api/models', {
      headers: {
        'x-api-key': key,
        cookie: 'session=1',
        authorization: 'Bearer x',
        'x-forwarded-for': '10.0.0.1',
        'user-agent': 'test',
      },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ models: [] })
    expect(seen.map((request) => request.url)).toEqual(['/models'])
    const forwarded = seen[0]!.headers
    expect(forwarded['x-api-key']).toBe(key)
    expect(forwarded.cookie).toBeUndefined()
    expect(forwarded.authorization).toBeUndefined()
    expect(forwarded['x-forwarded-for']).toBeUndefined()
  })

  it('forwards one model by UUID and refuses other ids without asking upstream', async () => {
    expect((await app().request(`/api/models/${modelId}`, withKey)).status).toBe(200)
    expect(seen.map((request) => request.url)).toEqual([`/models/${modelId}`])

    const bad = await app().request('/api/models/admin', withKey)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ message: 'Invalid model id', requestId: expect.any(String) })
    expect(seen).toHaveLength(1)
  })

  it('forwards the logs and a checkpoint download URL of a model', async () => {
    expect((await app().request(`/api/models/${modelId}/logs`, withKey)).status).toBe(200)
    expect(
      (await app().request(`/api/models/${modelId}/download/url?checkpoint=epoch_3`, withKey))
        .status,
    ).toBe(200)
    expect((await app().request(`/api/models/${modelId}/download/url`, withKey)).status).toBe(200)
    expect(seen.map((request) => request.url)).toEqual([
      `/models/${modelId}/logs`,
      `/models/${modelId}/download/url?checkpoint=epoch_3`,
      `/models/${modelId}/download/url`,
    ])
  })

  it('forwards the whole-log link and a numeric log window, and nothing else of the query', async () => {
    expect((await app().request(`/api/models/${modelId}/logs/url`, withKey)).status).toBe(200)
    const windowed = `/api/models/${modelId}/logs?from=0&to=1700000000000&extra=1`
    expect((await app().request(windowed, withKey)).status).toBe(200)
    expect((await app().request(`/api/models/${modelId}/logs?to=1700000000`, withKey)).status).toBe(
      200,
    )
    for (const bad of ['-1', '1e9', '12.5', 'now', '1'.repeat(17)]) {
      const response = await app().request(`/api/models/${modelId}/logs?from=${bad}`, withKey)
      expect(response.status).toBe(400)
    }
    expect((await app().request('/api/models/not-a-uuid/logs/url')).status).toBe(400)
    expect(seen.map((request) => request.url)).toEqual([
      `/models/${modelId}/logs/url`,
      `/models/${modelId}/logs?from=0&to=1700000000000`,
      `/models/${modelId}/logs?to=1700000000`,
    ])
  })

  it('refuses a checkpoint name that could change the upstream URL', async () => {
    for (const checkpoint of ['../x', 'a&b=c', 'epoch_1#x', '%2e%2e', 'a'.repeat(65)]) {
      const response = await app().request(
        `/api/models/${modelId}/download/url?checkpoint=${encodeURIComponent(checkpoint)}`,
      )
      expect(response.status).toBe(400)
    }
    expect((await app().request('/api/models/not-a-uuid/logs')).status).toBe(400)
    expect(seen).toHaveLength(0)
  })

  it('keeps everything else under /api on this server', async () => {
    for (const path of [
      '/api/indexes',
      `/api/models/${modelId}/released-checkpoints`,
      `/api/models/${modelId}/logs/url/x`,
      '/api/models/x/y/z',
    ]) {
      expect((await app().request(path)).status).toBe(404)
    }
    expect((await app().request('/api/models', { method: 'POST' })).status).toBe(405)
    expect((await app().request(`/api/models/${modelId}`, { method: 'PUT' })).status).toBe(405)
    const release = await app().request(`/api/models/${modelId}/released-checkpoints/epoch_1`)
    expect(release.status).toBe(405)
    expect(release.headers.get('allow')).toBe('POST')
    expect(seen).toHaveLength(0)
  })

  it('passes back the status, content type and Retry-After, and nothing else', async () => {
    state.reply = {
      status: 429,
      headers: {
        'content-type': 'application/json',
        'retry-after': '5',
        'set-cookie': 'a=b',
        server: 'upstream',
      },
      body: '{"message":"slow down"}',
    }
    const response = await app().request('/api/models', { headers: { 'x-api-key': key } })
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('server')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ message: 'slow down' })
  })

  it('never follows a redirect, so the key cannot travel to another host', async () => {
    state.reply = {
      status: 302,
      headers: { location: 'https://elsewhere.invalid/steal' },
      body: '',
    }
    const response = await app().request('/api/models', { headers: { 'x-api-key': key } })
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('redirect') })
    expect(response.headers.get('location')).toBeNull()
    expect(seen).toHaveLength(1)
  })

  it('answers 502 in JSON when the upstream cannot be reached', async () => {
    const unreachable = createServerApp({
      upstream: { baseUrl: 'http://127.0.0.1:1', timeoutMs: 2_000 },
      distDir: 'dist',
      log: () => {},
    })
    const response = await unreachable.request('/api/models', withKey)
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining('could not reach'),
    })
  })

  it('never writes the key into its log', async () => {
    await (await app().request('/api/models', withKey)).text()
    await (await app().request(`/api/models/${modelId}`, withKey)).text()
    expect(logLines).toHaveLength(2)
    expect(logLines.join('\n')).not.toContain(key)
    expect(logLines[0]).toMatch(
      /^GET \/api\/models 200 \d+ms bytes=13 complete id=[0-9a-f-]{36} key=[0-9a-f]{8}$/,
    )
    expect(logLines[1]).toMatch(/^GET \/api\/models\/:modelId 200 /)
  })
})

describe('the security headers', () => {
  it('sends a strict CSP and friends on every response, refusals included', async () => {
    const pages = [await app().request('/'), await app().request('/healthz')]
    const apiAnswers = [
      await app().request('/api/models', withKey),
      await app().request('/api/indexes'),
      await app().request('/api/models', { method: 'POST' }),
      await app().request('http://rebind.example/api/models'),
      await app().request('/api/models/%2fx'),
      await app().request('/api/models'),
    ]
    expect([...pages, ...apiAnswers].map((response) => response.status)).toEqual([
      503, 200, 200, 404, 405, 400, 400, 401,
    ])
    for (const response of pages) {
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("connect-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
    }
    // Nothing under /api may ever run as a page, whatever it holds.
    for (const response of apiAnswers) {
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    }
    for (const response of [...pages, ...apiAnswers]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('says how to build the app when dist/ is missing', async () => {
    const response = await app().request('/')
    expect(response.status).toBe(503)
    expect(await response.text()).toContain('npm run build')
  })
})

describe('requests an open proxy would take', () => {
  let port: number
  let close: () => void
  beforeAll(async () => {
    ;({ port, close } = await listenApp(app()))
  })
  afterAll(() => close())

  it.each([
    ['an absolute-form target', 'http://evil.example/api/models'],
    ['an absolute-form target naming this server', 'http://127.0.0.1/api/models'],
    ['a //host path', '//evil.example/api/models'],
    ['an encoded ..', `/api/models/%2e%2e/${modelId}`],
    ['a double-encoded ..', '/api/models/%252e%252e/x'],
    ['an encoded slash', '/api/models%2f..%2findexes'],
    ['an encoded backslash', '/api/models%5c..%5cindexes'],
    ['a backslash', '/api/models\\..\\indexes'],
    ['a dot segment', '/api/models/../indexes'],
    ['a dot segment out of /api', `/api/models/x/../../../models/${modelId}`],
    ['a single-dot segment', '/api/./models'],
    ['a target without a leading slash', 'api/models'],
  ])('refuses %s without asking upstream', async (_name, target) => {
    const answer = await raw(
      port,
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${key}\r\nConnection: close\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 40[04] /)
    expect(seen).toEqual([])
  })

  it.each(['/healthz/..#', '/healthz/..', '/..#x', '/assets/.#', `/api/models/${modelId}/..#`])(
    'refuses the dot segment of %s like any other, a fragment after it included',
    async (target) => {
      const answer = await raw(
        port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${key}\r\nConnection: close\r\n\r\n`,
      )
      expect(answer).toMatch(/^HTTP\/1\.1 400 /)
      expect(answer).toContain('Invalid request target')
      expect(seen).toEqual([])
    },
  )

  it('lets a query carry what a path may not', async () => {
    const answer = await raw(
      port,
      `GET /?q=50%25%20..%2F HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 503 /)
  })

  it('refuses a Host header it does not answer to', async () => {
    const answer = await raw(
      port,
      `GET /api/models HTTP/1.1\r\nHost: rebind.example:${port}\r\nConnection: close\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toContain('Unexpected Host header')
    expect(seen).toEqual([])
  })

  it('refuses other methods and request bodies', async () => {
    const body = 'x'.repeat(2048)
    const answer = await raw(
      port,
      `POST /api/models HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 (405|413) /)
    expect(seen).toEqual([])
  })
})

describe('the health endpoint', () => {
  it('answers without asking upstream', async () => {
    const response = await app().request('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(seen).toEqual([])
  })
})

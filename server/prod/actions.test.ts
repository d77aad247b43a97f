import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { createServerApp } from './server-app'
import { listenApp, raw, startFakeUpstream } from './testing/fake-upstream'

const upstream = await startFakeUpstream()
const { seen, state } = upstream
afterAll(() => upstream.close())
beforeEach(() => {
  seen.length = 0
  state.reply = { status: 200, body: '{"modelId":"x"}' }
})

function app(readOnly = false) {
  return createServerApp({
    upstream: { baseUrl: upstream.url, timeoutMs: 2_000 },
    distDir: 'server/prod/test-missing-dist',
    readOnly,
    log: () => {},
  })
}

const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'
const key = 'secret-key-123'
const release = `/api/models/${modelId}/released-checkpoints/epoch_2`
const own = { 'x-api-key': key, host: 'localhost', origin: 'http://localhost' }

describe('release and delete', () => {
  it('forwards a release as a POST with no body, the key and accept only', async () => {
    const response = await app().request(`http://localhost${release}`, {
      method: 'POST',
      headers: { ...own, 'sec-fetch-site': 'same-origin', cookie: 'a=1' },
    })
    expect(response.status).toBe(200)
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      `POST /models/${modelId}/released-checkpoints/epoch_2`,
    ])
    const headers = seen[0]!.headers
    expect(headers['x-api-key']).toBe(key)
    expect(headers['content-length']).toBe('0')
    expect(headers.cookie).toBeUndefined()
    expect(headers.origin).toBeUndefined()
  })

  it('forwards a delete, and passes back the service message', async () => {
    state.reply = { status: 400, body: '{"message":"model is already deleted"}' }
    const response = await app().request(`http://localhost/api/models/${modelId}`, {
      method: 'DELETE',
      headers: { 'x-api-key': key },
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ message: 'model is already deleted' })
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([`DELETE /models/${modelId}`])
  })

  it('validates every segment, and refuses bodies and other methods', async () => {
    const post = (path: string, init: RequestInit = {}) =>
      app().request(`http://localhost${path}`, { method: 'POST', headers: own, ...init })
    expect((await post(`/api/models/nope/released-checkpoints/epoch_1`)).status).toBe(400)
    expect((await post(`/api/models/${modelId}/released-checkpoints/a&b`)).status).toBe(400)
    expect((await post(`/api/models/${modelId}`)).status).toBe(405)
    expect(
      (await post(release, { body: 'x', headers: { ...own, 'content-length': '1' } })).status,
    ).toBe(400)
    const put = await app().request(`http://localhost${release}`, { method: 'PUT', headers: own })
    expect(put.status).toBe(405)
    const head = await app().request(`http://localhost/api/models/${modelId}`, { method: 'HEAD' })
    expect(head.headers.get('allow')).toBe('GET, DELETE')
    expect(
      (await app().request('http://localhost/api/models/nope', { method: 'DELETE', headers: own }))
        .status,
    ).toBe(400)
    expect(seen).toEqual([])
  })

  it('refuses cross-site and foreign-origin requests before forwarding', async () => {
    for (const headers of [
      { ...own, 'sec-fetch-site': 'cross-site' },
      { ...own, 'sec-fetch-site': 'same-site' },
      { ...own, origin: 'https://evil.example' },
      { ...own, origin: 'http://localhost:9999' },
      { ...own, origin: 'null' },
    ]) {
      for (const [method, path] of [
        ['POST', release],
        ['DELETE', `/api/models/${modelId}`],
      ] as const) {
        const response = await app().request(`http://localhost${path}`, { method, headers })
        expect(response.status, `${method} ${JSON.stringify(headers)}`).toBe(403)
      }
    }
    expect(seen).toEqual([])
  })

  it('compares the Origin with the Host header, not with an absolute-form target', async () => {
    const { port, close } = await listenApp(app())
    try {
      const answer = await raw(
        port,
        `DELETE http://127.0.0.1:${port}/api/models/${modelId} HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://evil.example\r\nx-api-key: ${key}\r\nConnection: close\r\n\r\n`,
      )
      expect(answer).toMatch(/^HTTP\/1\.1 (400|403) /)
      expect(seen).toEqual([])
    } finally {
      close()
    }
  })

  it('refuses both with READ_ONLY, and says so at /api/config', async () => {
    const readOnly = app(true)
    for (const [method, path] of [
      ['POST', release],
      ['DELETE', `/api/models/${modelId}`],
    ] as const) {
      const response = await readOnly.request(`http://localhost${path}`, { method, headers: own })
      expect(response.status).toBe(403)
      expect(((await response.json()) as { message: string }).message).toContain('read-only')
    }
    expect(seen).toEqual([])
    expect(await (await readOnly.request('http://localhost/api/config')).json()).toEqual({
      readOnly: true,
    })
    expect(await (await app().request('http://localhost/api/config')).json()).toEqual({
      readOnly: false,
    })
  })
})

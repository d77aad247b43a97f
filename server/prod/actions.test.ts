import { describe, expect, it } from 'vitest'

import { localHosts, type ServerOptions } from './server-app'
import { parsePublicOrigins } from './middleware/state-changes'
import { listenApp, raw } from './testing/fake-upstream'
import { fakeUpstreamPerFile, key, modelId, testServerApp } from './testing/test-server'

const upstream = await fakeUpstreamPerFile({ status: 200, body: '{"modelId":"x"}' })
const { seen, state } = upstream

function app(readOnly = false, options: Partial<ServerOptions> = {}) {
  return testServerApp({
    upstream: { baseUrl: upstream.url, timeoutMs: 2_000 },
    readOnly,
    ...options,
  })
}

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
      // Typed into the address bar, a bookmark: no page of ours sends that, so nothing to allow.
      { ...own, 'sec-fetch-site': 'none' },
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

  it('says why it refuses what the address bar or a bookmark sends (Sec-Fetch-Site: none)', async () => {
    const response = await app().request(`http://localhost/api/models/${modelId}`, {
      method: 'DELETE',
      headers: { ...own, 'sec-fetch-site': 'none' },
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({
      message: 'Refused: this request did not come from the dashboard’s page.',
    })
    expect(seen).toEqual([])
  })

  it('lets a same-origin fetch through, and a client that sends neither header (curl)', async () => {
    for (const headers of [
      { ...own, 'sec-fetch-site': 'same-origin' },
      { 'x-api-key': key, host: 'localhost' },
    ]) {
      const response = await app().request(`http://localhost/api/models/${modelId}`, {
        method: 'DELETE',
        headers,
      })
      expect(response.status).toBe(200)
    }
    expect(seen).toHaveLength(2)
  })

  describe('behind a reverse proxy on a port of its own', () => {
    const publicHost = 'models.example.com'
    const publicOrigin = `https://${publicHost}:8443`
    const proxied = (headers: Record<string, string>, options: Partial<ServerOptions> = {}) =>
      app(false, { allowedHosts: [...localHosts, publicHost], ...options }).request(
        `http://${headers.host}/api/models/${modelId}`,
        {
          method: 'DELETE',
          headers: { 'x-api-key': key, 'sec-fetch-site': 'same-origin', ...headers },
        },
      )

    it('takes the origin named in PUBLIC_ORIGINS when the proxy drops the port from Host', async () => {
      const dropped = { host: publicHost, origin: publicOrigin }
      expect((await proxied(dropped)).status).toBe(403)
      expect(seen).toEqual([])
      expect((await proxied(dropped, { publicOrigins: [publicOrigin] })).status).toBe(200)
      expect(seen).toHaveLength(1)
      const otherPort = { host: publicHost, origin: `https://${publicHost}:9443` }
      expect((await proxied(otherPort, { publicOrigins: [publicOrigin] })).status).toBe(403)
      expect(seen).toHaveLength(1)
    })

    it('needs no setting when the proxy passes Host as the browser sent it ($http_host)', async () => {
      const response = await proxied({ host: `${publicHost}:8443`, origin: publicOrigin })
      expect(response.status).toBe(200)
      expect(seen).toHaveLength(1)
    })
  })

  it('reads PUBLIC_ORIGINS as origins, and refuses anything else', () => {
    expect(parsePublicOrigins(' https://Models.Example.com:8443/ , http://10.0.0.5:8080')).toEqual({
      origins: ['https://models.example.com:8443', 'http://10.0.0.5:8080'],
    })
    expect(parsePublicOrigins('')).toEqual({ origins: [] })
    for (const wrong of ['models.example.com', 'https://models.example.com/app', 'ftp://x', '*']) {
      expect(parsePublicOrigins(wrong)).toEqual({ error: expect.stringContaining(wrong) })
    }
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

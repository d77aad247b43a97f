import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createServerApp } from './server-app'

type Reply = { status: number; headers?: Record<string, string>; body?: string }

/** A stand-in for the Marqtune API that records what reached it. */
let upstream: Server
let upstreamUrl: string
let seen: Array<{ url: string; headers: IncomingHttpHeaders }> = []
let reply: Reply = { status: 200 }

beforeAll(async () => {
  upstream = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers })
    response.writeHead(reply.status, reply.headers ?? { 'content-type': 'application/json' })
    response.end(reply.body ?? '{"models":[]}')
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => upstream.close(resolve)))

const logLines: string[] = []
beforeEach(() => {
  seen = []
  reply = { status: 200 }
  logLines.length = 0
})

function app(timeoutMs = 2_000) {
  return createServerApp({
    upstream: { baseUrl: upstreamUrl, timeoutMs },
    distDir: 'server/prod/test-missing-dist',
    log: (line) => logLines.push(line),
  })
}

const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'
const key = 'secret-key-123'

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
    expect((await app().request(`/api/models/${modelId}`)).status).toBe(200)
    expect(seen.map((request) => request.url)).toEqual([`/models/${modelId}`])

    const bad = await app().request('/api/models/..%2F..%2Fadmin')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ message: 'Invalid model id' })
    expect(seen).toHaveLength(1)
  })

  it('forwards the logs and a checkpoint download URL of a model', async () => {
    expect((await app().request(`/api/models/${modelId}/logs`)).status).toBe(200)
    expect(
      (await app().request(`/api/models/${modelId}/download/url?checkpoint=epoch_3`)).status,
    ).toBe(200)
    expect((await app().request(`/api/models/${modelId}/download/url`)).status).toBe(200)
    expect(seen.map((request) => request.url)).toEqual([
      `/models/${modelId}/logs`,
      `/models/${modelId}/download/url?checkpoint=epoch_3`,
      `/models/${modelId}/download/url`,
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
      `/api/models/${modelId}/released-checkpoints/epoch_1`,
      `/api/models/${modelId}/logs/url`,
      '/api/models/x/y/z',
    ]) {
      expect((await app().request(path)).status).toBe(404)
    }
    expect((await app().request('/api/models', { method: 'POST' })).status).toBe(405)
    expect((await app().request(`/api/models/${modelId}`, { method: 'DELETE' })).status).toBe(405)
    expect(seen).toHaveLength(0)
  })

  it('passes back the status, content type and Retry-After, and nothing else', async () => {
    reply = {
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
    reply = { status: 302, headers: { location: 'https://elsewhere.invalid/steal' }, body: '' }
    const response = await app().request('/api/models', { headers: { 'x-api-key': key } })
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({ message: expect.stringContaining('redirect') })
    expect(response.headers.get('location')).toBeNull()
    expect(seen).toHaveLength(1)
  })

  it('answers 502 in JSON when the upstream cannot be reached', async () => {
    const unreachable = createServerApp({
      upstream: { baseUrl: 'http://127.0.0.1:1', timeoutMs: 2_000 },
      distDir: 'dist',
      log: () => {},
    })
    const response = await unreachable.request('/api/models')
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({ message: expect.stringContaining('could not reach') })
  })

  it('never writes the key into its log', async () => {
    await app().request('/api/models', { headers: { 'x-api-key': key } })
    await app().request(`/api/models/${modelId}`, { headers: { 'x-api-key': key } })
    expect(logLines).toHaveLength(2)
    expect(logLines.join('\n')).not.toContain(key)
    expect(logLines[0]).toMatch(/^GET \/api\/models 200 \d+ms$/)
  })
})

describe('the security headers', () => {
  it('sends a strict CSP and friends on every response', async () => {
    const response = await app().request('/')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('says how to build the app when dist/ is missing', async () => {
    const response = await app().request('/')
    expect(response.status).toBe(503)
    expect(await response.text()).toContain('npm run build')
  })
})

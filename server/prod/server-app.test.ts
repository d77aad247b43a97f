import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { serve } from '@hono/node-server'
import { connect, type AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createServerApp } from './server-app'

type Reply = {
  status: number
  headers?: Record<string, string>
  body?: string
  /** `hang`: never answer; `cut`: send half the body, then drop the connection. */
  misbehave?: 'hang' | 'cut'
}

/** A stand-in for the Marqtune API that records what reached it. */
let upstream: Server
let upstreamUrl: string
let seen: Array<{ url: string; headers: IncomingHttpHeaders; closedEarly: boolean }> = []
let reply: Reply = { status: 200 }

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const record = { url: request.url ?? '', headers: request.headers, closedEarly: false }
    seen.push(record)
    response.on('close', () => (record.closedEarly = !response.writableFinished))
    if (reply.misbehave === 'hang') return
    const body = reply.body ?? '{"models":[]}'
    response.writeHead(reply.status, reply.headers ?? { 'content-type': 'application/json' })
    if (reply.misbehave === 'cut') {
      response.write(body.slice(0, body.length / 2))
      setTimeout(() => response.destroy(), 50)
      return
    }
    response.end(body)
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

function app(timeoutMs = 2_000, maxBodyBytes = 1_000_000) {
  return createServerApp({
    upstream: { baseUrl: upstreamUrl, timeoutMs, maxBodyBytes },
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

    const bad = await app().request('/api/models/admin')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ message: 'Invalid model id', requestId: expect.any(String) })
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
    const response = await unreachable.request('/api/models')
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining('could not reach'),
    })
  })

  it('never writes the key into its log', async () => {
    await app().request('/api/models', { headers: { 'x-api-key': key } })
    await app().request(`/api/models/${modelId}`, { headers: { 'x-api-key': key } })
    expect(logLines).toHaveLength(2)
    expect(logLines.join('\n')).not.toContain(key)
    expect(logLines[0]).toMatch(/^GET \/api\/models 200 \d+ms id=[0-9a-f-]{36} key=[0-9a-f]{8}$/)
    expect(logLines[1]).toMatch(/^GET \/api\/models\/:id 200 /)
  })
})

describe('the security headers', () => {
  it('sends a strict CSP and friends on every response, refusals included', async () => {
    const answers = [
      await app().request('/'),
      await app().request('/healthz'),
      await app().request('/api/models'),
      await app().request('/api/indexes'),
      await app().request('/api/models', { method: 'POST' }),
      await app().request('http://rebind.example/api/models'),
      await app().request('/api/models/%2fx'),
    ]
    expect(answers.map((response) => response.status)).toEqual([503, 200, 200, 404, 405, 400, 400])
    for (const response of answers) {
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("connect-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
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

/** Sends `head` as written, byte for byte, to a real listening server; resolves with its reply. */
async function raw(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('requests an open proxy would take', () => {
  let port: number
  let close: () => void
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: app().fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
        port = info.port
        close = () => server.close()
        resolve()
      })
    })
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

describe('an upstream that misbehaves', () => {
  it('answers 504 in JSON, with a request id, when the upstream does not answer in time', async () => {
    reply = { status: 200, misbehave: 'hang' }
    const response = await app(200).request('/api/models', { headers: { 'x-api-key': key } })
    expect(response.status).toBe(504)
    const body = (await response.json()) as { requestId: string }
    expect(body).toEqual({
      message: expect.stringContaining('in time'),
      requestId: expect.any(String),
    })
    expect(response.headers.get('x-request-id')).toBe(body.requestId)
    expect(logLines[0]).toContain(`id=${body.requestId}`)
  })

  it('still times out when garbage is collected while it waits (nodejs/node#57736)', async () => {
    setFlagsFromString('--expose-gc')
    const collect = runInNewContext('gc') as () => void
    reply = { status: 200, misbehave: 'hang' }
    const collecting = setInterval(collect, 20)
    try {
      const response = await app(300).request('/api/models')
      expect(response.status).toBe(504)
    } finally {
      clearInterval(collecting)
    }
  })

  it('breaks the connection rather than end a 200 with half a body', async () => {
    reply = {
      status: 200,
      body: JSON.stringify({ models: 'x'.repeat(2_000) }),
      misbehave: 'cut',
    }
    const response = await app().request('/api/models')
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow('terminated')
  })

  it('refuses a body over the size limit, declared or not', async () => {
    const body = JSON.stringify({ models: 'x'.repeat(5_000) })
    reply = {
      status: 200,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    }
    const declared = await app(2_000, 1_000).request('/api/models')
    expect(declared.status).toBe(502)
    expect(await declared.json()).toMatchObject({ message: expect.stringContaining('more data') })

    reply = {
      status: 200,
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body,
    }
    const undeclared = await app(2_000, 1_000).request('/api/models')
    await expect(undeclared.text()).rejects.toThrow('over the size limit')
  })

  it('stops the upstream request when the browser goes away', async () => {
    reply = { status: 200, misbehave: 'hang' }
    const controller = new AbortController()
    const pending = Promise.resolve(
      app(5_000).request('/api/models', { signal: controller.signal }),
    )
    await expect.poll(() => seen.length).toBe(1)
    controller.abort()
    await pending.catch(() => undefined)
    await expect.poll(() => seen[0]!.closedEarly).toBe(true)
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

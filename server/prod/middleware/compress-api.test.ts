import { Hono } from 'hono'
import { EventEmitter, once } from 'node:events'
import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'

import { listen } from '../../../scripts/demo-servers'
import { createEmulatorApp, demoKey } from '../../emulator/emulator-app'
import { generatedAccount } from '../../emulator/accounts'
import { compressApiAnswers, preferredEncoding, uncompressedLengthHeader } from './compress-api'
import type { ServerEnv } from '../context'
import { testServerApp } from '../testing/test-server'

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=0.5', 'br'],
    ['*', 'br'],
    ['br;q=0, *;q=0.3', 'gzip'],
    ['identity', undefined],
    ['gzip;q=0, deflate', undefined],
    [undefined, undefined],
  ])('%s -> %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected)
  })
})

// A generated account over real HTTP, through the real server app: large enough to compress.
const emulator = await listen(
  createEmulatorApp({ account: generatedAccount(2_000, 1), keys: [demoKey], envelope: 'wrapped' })
    .fetch,
)
afterAll(() => emulator.close())
const server = testServerApp({ upstream: { baseUrl: emulator.url } })
const list = (acceptEncoding?: string) =>
  server.request('/api/models', {
    headers: {
      'x-api-key': demoKey,
      ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
    },
  })

describe('GET /api/models', () => {
  it('comes back as brotli to a browser, with the JSON length for its progress bar', async () => {
    const plain = await list()
    const json = Buffer.from(await plain.arrayBuffer())
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('content-length')).toBe(String(json.length))
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i)

    const response = await list('gzip, deflate, br, zstd')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('content-length')).toBeNull()
    expect(response.headers.get(uncompressedLengthHeader)).toBe(String(json.length))
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i)
    const sent = Buffer.from(await response.arrayBuffer())
    expect(sent.length).toBeLessThan(json.length / 5)
    expect(brotliDecompressSync(sent).equals(json)).toBe(true)
  })

  it('comes back as gzip when only gzip is accepted', async () => {
    const json = Buffer.from(await (await list()).arrayBuffer())
    const response = await list('gzip')
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).equals(json)).toBe(true)
  })
})

function appAnswering(answer: () => Response) {
  const app = new Hono<ServerEnv>()
  app.use(compressApiAnswers())
  app.get('/', answer)
  return app
}

describe('the server’s own small answers', () => {
  it('sends /api/config as it is to a browser that takes brotli: 18 bytes stay 18', async () => {
    const response = await server.request('/api/config', {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    })
    expect(response.headers.get('content-encoding')).toBeNull()
    const body = Buffer.from(await response.arrayBuffer())
    expect(body.toString()).toBe('{"readOnly":false}')
    expect(response.headers.get('content-length')).toBe(String(body.length))
  })
})

describe('compressApiAnswers', () => {
  const big = new TextEncoder().encode(JSON.stringify({ text: 'x'.repeat(300_000) }))

  it('leaves small answers of a known length as they are', async () => {
    const body = '{"message":"Not found"}'
    const app = appAnswering(
      () => new Response(body, { status: 404, headers: { 'content-length': String(body.length) } }),
    )
    const response = await app.request('/', { headers: { 'accept-encoding': 'br' } })
    expect(response.headers.get('content-encoding')).toBeNull()
  })

  it('sends what it has compressed when the upstream pauses, so progress shows', async () => {
    const first = big.subarray(0, 50_000)
    const upstream = new EventEmitter()
    const app = appAnswering(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            async start(controller) {
              controller.enqueue(first)
              await once(upstream, 'resumed')
              controller.enqueue(big.subarray(first.length))
              controller.close()
            },
          }),
        ),
    )
    const response = await app.request('/', { headers: { 'accept-encoding': 'br' } })
    const reader = response.body!.getReader()
    // The upstream is still paused: only a flush can make all of the first part arrive.
    const received: Uint8Array[] = []
    let decoded = Buffer.alloc(0)
    while (decoded.length < first.length) {
      const { value } = await reader.read()
      if (value) received.push(value)
      decoded = brotliDecompressSync(Buffer.concat(received), {
        finishFlush: constants.BROTLI_OPERATION_FLUSH,
      })
    }
    expect(decoded.equals(first)).toBe(true)
    upstream.emit('resumed')
    await reader.cancel()
  })

  it('stops compressing when the browser goes away, without an uncaught error', async () => {
    let pulls = 0
    const app = appAnswering(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulls++
              controller.enqueue(crypto.getRandomValues(new Uint8Array(64 * 1024)))
            },
          }),
        ),
    )
    const response = await app.request('/', { headers: { 'accept-encoding': 'gzip' } })
    const reader = response.body!.getReader()
    await reader.read()
    await reader.cancel()
    const pulled = pulls
    // Vitest fails the run on an uncaught error; the source is no longer read.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(pulls - pulled).toBeLessThanOrEqual(2)
  })

  it('never compresses an answer twice', async () => {
    const gzipped = new Uint8Array([31, 139, 8, 0])
    const app = appAnswering(
      () =>
        new Response(gzipped, { headers: { 'content-encoding': 'gzip', 'content-length': '4' } }),
    )
    const response = await app.request('/', { headers: { 'accept-encoding': 'br' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(gzipped)
  })

  it('errors the compressed body when the upstream body breaks off, so no answer looks whole', async () => {
    const app = appAnswering(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              controller.enqueue(big)
              controller.error(new Error('upstream went away'))
            },
          }),
          { headers: { 'content-type': 'application/json' } },
        ),
    )
    const response = await app.request('/', { headers: { 'accept-encoding': 'br' } })
    expect(response.headers.get('content-encoding')).toBe('br')
    await expect(response.arrayBuffer()).rejects.toThrow('upstream went away')
  })
})

import { describe, expect, it, vi } from 'vitest'

import { failureOf } from '@/testing/api-failure'
import { demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { getJson } from './client'

/** The first 1.2 MB of a body, then the connection breaks. */
function halfABody() {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(`{"models":[${'0,'.repeat(600_000)}`))
    },
    pull(controller) {
      controller.error(new TypeError('network error'))
    },
  })
}

function respondWith(body: string, init: ResponseInit) {
  vi.stubGlobal('fetch', async () => new Response(body, init))
}

describe('getJson through the server and the emulator', () => {
  it('sends the key and returns the JSON, bare or wrapped as it came', async () => {
    installEmulatorFetch()
    expect(await getJson('/models', { apiKey: demoKey })).toMatchObject({
      models: expect.any(Array),
    })
    installEmulatorFetch({ envelope: 'wrapped' })
    expect(await getJson('/models', { apiKey: demoKey })).toMatchObject({
      statusCode: 200,
      body: { models: expect.any(Array) },
    })
  })

  it('turns a 401 into an auth error with the server’s own message', async () => {
    installEmulatorFetch()
    const error = await failureOf(getJson('/models', { apiKey: 'wrong' }))
    expect(error).toMatchObject({ kind: 'auth', status: 401, message: 'Unauthorized.' })
    expect(error.retryable).toBe(false)
  })

  it('reads the message of a wrapped 4xx body', async () => {
    installEmulatorFetch({ envelope: 'wrapped' })
    const error = await failureOf(
      getJson('/models/00000000-0000-4000-8000-000000000000', { apiKey: demoKey }),
    )
    expect(error).toMatchObject({ kind: 'request', status: 404, message: 'model not found' })
  })

  it('never puts the key in an error message', async () => {
    installEmulatorFetch()
    const error = await failureOf(getJson('/models', { apiKey: 'secret-key-123' }))
    expect(error.message).not.toContain('secret-key-123')
  })
})

describe('getJson with responses the emulator does not send yet', () => {
  it('reports the documented bare 500 message, and marks it worth retrying', async () => {
    respondWith('{"message":"Internal server error."}', { status: 500 })
    const error = await failureOf(getJson('/models', { apiKey: 'k' }))
    expect(error).toMatchObject({ kind: 'server', message: 'Internal server error.' })
    expect(error.retryable).toBe(true)
  })

  it('says an HTML error page is an HTML page, not "Unexpected token"', async () => {
    respondWith('<html><body>Bad gateway</body></html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'content-type': 'text/html' },
    })
    const error = await failureOf(getJson('/models', { apiKey: 'k' }))
    expect(error.kind).toBe('server')
    expect(error.message).toBe('HTTP 502 Bad Gateway: an HTML page.')
  })

  it('refuses a 200 whose body is not JSON', async () => {
    respondWith('<!doctype html><p>login</p>', {
      status: 200,
      headers: { 'content-type': 'text/html' },
    })
    const error = await failureOf(getJson('/models', { apiKey: 'k' }))
    expect(error.kind).toBe('unexpected')
    expect(error.message).toContain('an HTML page instead of JSON')
    expect(error.retryable).toBe(false)
  })

  it('reads JSON by its bytes, whatever type it is labelled with (a dev proxy passes a gateway’s on)', async () => {
    respondWith('{"models":[]}', { status: 200, headers: { 'content-type': 'text/plain' } })
    expect(await getJson('/models', { apiKey: 'k' })).toEqual({ models: [] })
    respondWith('{"message":"Unauthorized."}', {
      status: 401,
      headers: { 'content-type': 'text/plain' },
    })
    expect(await failureOf(getJson('/models', { apiKey: 'k' }))).toMatchObject({
      kind: 'auth',
      message: 'Unauthorized.',
    })
  })

  it('says so when an empty body arrives', async () => {
    respondWith('', { status: 503 })
    const error = await failureOf(getJson('/models', { apiKey: 'k' }))
    expect(error.message).toBe('HTTP 503: an empty response.')
  })

  it('treats 429 as worth retrying, after the wait it asks for, and other 4xx as not', async () => {
    respondWith('{"message":"Too many requests"}', {
      status: 429,
      headers: { 'retry-after': '12' },
    })
    const busy = await failureOf(getJson('/models', { apiKey: 'k' }))
    expect(busy).toMatchObject({ kind: 'busy', retryable: true, retryAfterMs: 12_000 })
    respondWith('{"message":"Invalid request method"}', { status: 400 })
    expect((await failureOf(getJson('/models', { apiKey: 'k' }))).retryable).toBe(false)
  })

  it('reports a network failure in words', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    const error = await failureOf(getJson('/models', { apiKey: 'k' }))
    expect(error.kind).toBe('network')
    expect(error.title).toBe('The dashboard could not reach its server')
    expect(error.message).toContain('could not be reached')
    expect(error.message).toContain('Check your connection')
  })

  it('tells a transfer cut off mid-body apart from an unreachable server', async () => {
    vi.stubGlobal('fetch', async () => new Response(halfABody(), { status: 200 }))
    const error = await failureOf(getJson('/models', { apiKey: 'k' }))
    expect(error.title).toBe('The answer was cut off')
    expect(error.message).toContain('broke off before the end')
    expect(error.message).not.toContain('could not be reached')
    // Worth another try, as a network failure is.
    expect(error).toMatchObject({ kind: 'network', retryable: true })

    vi.stubGlobal('fetch', async () => new Response(halfABody(), { status: 200 }))
    const counted = await failureOf(getJson('/models', { apiKey: 'k', onProgress: () => {} }))
    expect(counted.message).toContain('broke off after 1.2 MB before the end')
  })

  it('hands a successful body to its reader as it arrives, and parses it with the reader', async () => {
    const text = '{"models":[{"modelId":"a"},{"modelId":"bé🙂ü"}],"next":null}'
    const sent = new TextEncoder().encode(text)
    // Sent in pieces that split a character of the UTF-8 text, as a network may.
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (let at = 0; at < sent.length; at += 5) controller.enqueue(sent.slice(at, at + 5))
              controller.close()
            },
          }),
          { status: 200 },
        ),
    )
    const pushed: string[] = []
    const reader = {
      push: (piece: string) => pushed.push(piece),
      parse: (whole: string) => ({ parsedBy: 'reader', whole }),
      done: true,
    }
    const stages: string[] = []
    const json = await getJson('/models', {
      apiKey: 'k',
      reader,
      onProgress: (progress) => stages.push(progress.stage),
    })
    expect(json).toEqual({ parsedBy: 'reader', whole: text })
    expect(pushed.join('')).toBe(text)
    expect(pushed.length).toBeGreaterThan(1)
    // Nothing was left to read at the end: no "reading" stage.
    expect(stages).not.toContain('reading')

    respondWith('{"message":"Unauthorized."}', { status: 401 })
    pushed.length = 0
    const refused = await failureOf(getJson('/models', { apiKey: 'k', reader }))
    expect(refused).toMatchObject({ kind: 'auth', message: 'Unauthorized.' })
    expect(pushed).toEqual([])
  })

  it('lets an abort through untouched', async () => {
    const controller = new AbortController()
    controller.abort()
    vi.stubGlobal('fetch', async () => {
      throw new DOMException('aborted', 'AbortError')
    })
    await expect(getJson('/models', { apiKey: 'k', signal: controller.signal })).rejects.toThrow(
      'aborted',
    )
  })
})

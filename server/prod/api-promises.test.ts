import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { createServerApp } from './server-app'
import { listenApp, raw, startFakeUpstream } from './testing/fake-upstream'

// What the README's Security section promises about /api, checked over a raw socket.
const upstream = await startFakeUpstream()
const { seen } = upstream
const server = await listenApp(
  createServerApp({
    upstream: { baseUrl: upstream.url },
    distDir: 'server/prod/test-missing-dist',
    log: () => {},
  }),
)
afterAll(async () => {
  server.close()
  await upstream.close()
})
beforeEach(() => {
  seen.length = 0
  upstream.state.reply = { status: 200 }
})

const key = 'secret-key-123'

/** Status, lower-cased headers and body of a raw HTTP/1.1 answer. */
async function ask(requestLine: string, headers: string[], body = '') {
  const head = [requestLine, 'Host: 127.0.0.1', ...headers, 'Connection: close', '', ''].join(
    '\r\n',
  )
  const answer = await raw(server.port, head + body)
  const [top = '', ...rest] = answer.split('\r\n\r\n')
  const [status = '', ...lines] = top.split('\r\n')
  const fields = new Map(
    lines.map((line) => {
      const colon = line.indexOf(':')
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const
    }),
  )
  return { status: Number(status.split(' ')[1]), headers: fields, body: rest.join('\r\n\r\n') }
}

describe('what never reaches the Marqtune API', () => {
  it('refuses HEAD with 405 and Allow, rather than run a whole upstream GET', async () => {
    const answer = await ask('HEAD /api/models HTTP/1.1', [`x-api-key: ${key}`])
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('GET')
    expect(seen).toEqual([])
  })

  it.each([
    ['no key', []],
    ['an empty key', ['x-api-key: ']],
  ])('answers a request with %s 401 itself', async (_name, headers) => {
    const answer = await ask('GET /api/models HTTP/1.1', headers)
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.body)).toMatchObject({ message: 'Unauthorized.' })
    expect(seen).toEqual([])
  })

  it.each([
    ['a 2-byte body', ['Content-Length: 2'], 'ab'],
    ['a 2 KB body', ['Content-Length: 2048'], 'x'.repeat(2048)],
    ['a chunked body', ['Transfer-Encoding: chunked'], '2\r\nab\r\n0\r\n\r\n'],
    ['an empty chunked body', ['Transfer-Encoding: chunked'], '0\r\n\r\n'],
  ])('refuses a GET with %s', async (_name, headers, body) => {
    const answer = await ask('GET /api/models HTTP/1.1', [`x-api-key: ${key}`, ...headers], body)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ message: expect.stringContaining('body') })
    expect(seen).toEqual([])
  })

  it('refuses two x-api-key headers rather than forward them joined', async () => {
    const answer = await ask('GET /api/models HTTP/1.1', ['x-api-key: a', 'X-Api-Key: b'])
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ message: expect.stringContaining('x-api-key') })
    expect(seen).toEqual([])
  })
})

describe('what reaches the Marqtune API', () => {
  it('is exactly the key and accept, besides the transport’s own host and connection', async () => {
    const answer = await ask('GET /api/models HTTP/1.1', [
      `x-api-key: ${key}`,
      'Accept: text/html',
      'Accept-Encoding: gzip, br',
      'Accept-Language: fr',
      'User-Agent: Mozilla/5.0',
      'Sec-Fetch-Mode: cors',
      'Cookie: session=1',
      'Authorization: Bearer x',
      'X-Forwarded-For: 10.0.0.1',
    ])
    expect(answer.status).toBe(200)
    expect(seen).toHaveLength(1)
    const { headers } = seen[0]!
    expect(Object.keys(headers).toSorted()).toEqual(['accept', 'connection', 'host', 'x-api-key'])
    expect(headers).toMatchObject({
      accept: 'application/json',
      'x-api-key': key,
      host: new URL(upstream.url).host,
    })
  })
})

describe('a path the route table lacks', () => {
  it.each(['GET', 'HEAD', 'POST', 'DELETE', 'PUT'])('is a 404 for %s', async (method) => {
    const answer = await ask(`${method} /api/indexes HTTP/1.1`, [`x-api-key: ${key}`])
    expect(answer.status).toBe(404)
    expect(seen).toEqual([])
  })
})

describe('every 405', () => {
  it.each([
    ['POST /api/models', 'GET'],
    [`PUT /api/models/3725abdd-80f2-4030-8a8d-276519b4f678`, 'GET, DELETE'],
    [`GET /api/models/3725abdd-80f2-4030-8a8d-276519b4f678/released-checkpoints/epoch_1`, 'POST'],
    [`DELETE /api/models/3725abdd-80f2-4030-8a8d-276519b4f678/logs`, 'GET'],
    ['OPTIONS /api/models', 'GET'],
    ['POST /', 'GET, HEAD'],
    ['PUT /index.html', 'GET, HEAD'],
    ['OPTIONS /', 'GET, HEAD'],
  ])('%s says what is allowed', async (request, allowed) => {
    const answer = await ask(`${request} HTTP/1.1`, [`x-api-key: ${key}`, 'Content-Length: 0'])
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe(allowed)
    expect(seen).toEqual([])
  })
})

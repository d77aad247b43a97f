import { afterAll, describe, expect, it } from 'vitest'

import { listenApp, raw } from './testing/fake-upstream'
import { datasetId, fakeUpstreamPerFile, key, modelId, testServerApp } from './testing/test-server'

// What the README's Security section promises about /api, checked over a raw socket.
const upstream = await fakeUpstreamPerFile()
const { seen } = upstream
const server = await listenApp(
  testServerApp({ upstream: { baseUrl: upstream.url }, bodyArrivalMs: 300 }),
)
afterAll(() => server.close())

const evaluation = JSON.stringify({
  datasetId,
  model: 'Marqo/ViT-B-32.laion2b_s34b_b79k',
  hyperparameters: {
    leftKeys: ['query'],
    leftWeights: [1],
    rightKeys: ['title'],
    rightWeights: [1],
  },
})

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
    for (const path of ['/api/models', '/api/evaluation', '/api/datasets']) {
      const answer = await ask(`GET ${path} HTTP/1.1`, [`x-api-key: ${key}`, ...headers], body)
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body)).toMatchObject({ message: expect.stringContaining('body') })
    }
    expect(seen).toEqual([])
  })

  it('refuses a body on a release or a delete: only POST /api/evaluation takes one', async () => {
    const json = ['Content-Type: application/json', 'Content-Length: 2']
    for (const request of [
      `POST /api/models/${modelId}/released-checkpoints/epoch_1 HTTP/1.1`,
      `DELETE /api/models/${modelId} HTTP/1.1`,
    ]) {
      const answer = await ask(request, [`x-api-key: ${key}`, ...json], '{}')
      expect(answer.status).toBe(400)
    }
    expect(seen).toEqual([])
  })

  it('refuses two x-api-key headers rather than forward them joined', async () => {
    const answer = await ask('GET /api/models HTTP/1.1', ['x-api-key: a', 'X-Api-Key: b'])
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ message: expect.stringContaining('x-api-key') })
    expect(seen).toEqual([])
  })
})

/** `text` as a chunked body, in chunks of `size` characters (ASCII here). */
function chunked(text: string, size = 4096): string {
  const chunks = []
  for (let at = 0; at < text.length; at += size) {
    const chunk = text.slice(at, at + size)
    chunks.push(`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`)
  }
  return `${chunks.join('')}0\r\n\r\n`
}

describe('the body of POST /api/evaluation', () => {
  const json = [`x-api-key: ${key}`, 'Content-Type: application/json']

  it('is forwarded when sent in chunks, with its length declared upstream', async () => {
    const answer = await ask(
      'POST /api/evaluation HTTP/1.1',
      [...json, 'Transfer-Encoding: chunked'],
      chunked(evaluation, 40),
    )
    expect(answer.status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0]!.body).toBe(evaluation)
    expect(seen[0]!.headers['content-length']).toBe(String(evaluation.length))
    expect(seen[0]!.headers['transfer-encoding']).toBeUndefined()
  })

  it('is refused by its declared length past 16 KiB before a byte is read (413)', async () => {
    const answer = await ask(
      'POST /api/evaluation HTTP/1.1',
      [...json, `Content-Length: ${16 * 1024 + 1}`],
      '{"datasetId":',
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ message: expect.stringContaining('16 KiB') })
    expect(seen).toEqual([])
  })

  it('is refused as soon as chunks pass 16 KiB (413)', async () => {
    const answer = await ask(
      'POST /api/evaluation HTTP/1.1',
      [...json, 'Transfer-Encoding: chunked'],
      chunked(`{"datasetId":"${'x'.repeat(17 * 1024)}"}`),
    )
    expect(answer.status).toBe(413)
    expect(seen).toEqual([])
  })

  it('is refused when it stops arriving (408)', async () => {
    const answer = await ask(
      'POST /api/evaluation HTTP/1.1',
      [...json, `Content-Length: ${evaluation.length}`],
      evaluation.slice(0, 10),
    )
    expect(answer.status).toBe(408)
    expect(seen).toEqual([])
  })

  it.each([
    ['text/plain', ['Content-Type: text/plain']],
    ['no type at all', []],
    ['a compressed body', ['Content-Type: application/json', 'Content-Encoding: gzip']],
  ])('is refused as %s (415)', async (_name, headers) => {
    const answer = await ask(
      'POST /api/evaluation HTTP/1.1',
      [`x-api-key: ${key}`, ...headers, `Content-Length: ${evaluation.length}`],
      evaluation,
    )
    expect(answer.status).toBe(415)
    expect(seen).toEqual([])
  })

  it('is refused without a key (401), and HEAD is no way round the method (405)', async () => {
    const answer = await ask(
      'POST /api/evaluation HTTP/1.1',
      ['Content-Type: application/json', `Content-Length: ${evaluation.length}`],
      evaluation,
    )
    expect(answer.status).toBe(401)
    const head = await ask('HEAD /api/evaluation HTTP/1.1', [`x-api-key: ${key}`])
    expect(head.status).toBe(405)
    expect(head.headers.get('allow')).toBe('POST, GET')
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

  it('is, for an evaluation, those and the body’s own type and length', async () => {
    const answer = await ask(
      'POST /api/evaluation HTTP/1.1',
      [
        `x-api-key: ${key}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${evaluation.length}`,
        'Cookie: session=1',
        'Origin: http://127.0.0.1',
        'Sec-Fetch-Site: same-origin',
        'X-Forwarded-For: 10.0.0.1',
      ],
      evaluation,
    )
    expect(answer.status).toBe(200)
    expect(seen).toHaveLength(1)
    const { headers, body } = seen[0]!
    expect(Object.keys(headers).toSorted()).toEqual([
      'accept',
      'connection',
      'content-length',
      'content-type',
      'host',
      'x-api-key',
    ])
    expect(headers['content-type']).toBe('application/json')
    expect(body).toBe(evaluation)
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

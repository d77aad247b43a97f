import { beforeEach, describe, expect, it } from 'vitest'

import { evaluationRequestBody } from '../../common/evaluation-request'
import {
  datasetId,
  evaluationId,
  fakeUpstreamPerFile,
  key,
  modelId,
  testServerApp,
} from './testing/test-server'

// `POST /api/evaluation`: the one request whose body the server forwards, and what it makes of
// every body it is sent.
const upstream = await fakeUpstreamPerFile({ status: 200, body: JSON.stringify({ evaluationId }) })
const { seen, state } = upstream
const logLines: string[] = []
beforeEach(() => {
  logLines.length = 0
})

function app(readOnly = false) {
  return testServerApp({
    upstream: { baseUrl: upstream.url, timeoutMs: 2_000 },
    readOnly,
    log: (line) => logLines.push(line),
  })
}

const request = {
  datasetId,
  model: `${modelId}/epoch_2`,
  hyperparameters: {
    leftKeys: ['query'],
    leftWeights: [1],
    rightKeys: ['image', 'title'],
    rightWeights: [0.9, 0.1],
    weightKey: 'score',
  },
}
const own = {
  'x-api-key': key,
  host: 'localhost',
  'sec-fetch-site': 'same-origin',
  origin: 'http://localhost',
}

async function post(
  body: unknown,
  headers: Record<string, string> = {},
  server = app(),
): Promise<Response> {
  return await server.request('http://localhost/api/evaluation', {
    method: 'POST',
    headers: { ...own, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function refusal(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status)
  const { message } = (await response.json()) as { message: string }
  expect(seen).toEqual([])
  return message
}

describe('POST /api/evaluation', () => {
  it('forwards the checked body once, as JSON, with its type and length', async () => {
    const response = await post(request, { cookie: 'a=1', 'x-forwarded-for': '10.0.0.1' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ evaluationId: '9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718' })
    expect(seen).toHaveLength(1)
    const [sent] = seen
    expect(`${sent!.method} ${sent!.url}`).toBe('POST /evaluation')
    expect(JSON.parse(sent!.body)).toEqual(request)
    expect(sent!.body).toBe(JSON.stringify(evaluationRequestBody(request)))
    // Every header that reaches the upstream is in api-promises.test.ts; these are the body's.
    expect(sent!.headers.cookie).toBeUndefined()
    expect(sent!.headers['content-type']).toBe('application/json')
    expect(sent!.headers['content-length']).toBe(String(Buffer.byteLength(sent!.body)))
  })

  it('takes a base model by its name and the documented optional parameters', async () => {
    const base = {
      ...request,
      model: 'Marqo/xlm-roberta-large-ViT-H-14.frozen_laion5b_s13b_b90k',
      hyperparameters: {
        ...request.hyperparameters,
        batchSize: 32,
        contextLength: 77,
        numWorkers: 0,
        runQueriesCpu: true,
        topQ: 2000,
      },
    }
    expect((await post(base, { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(
      200,
    )
    expect(JSON.parse(seen[0]!.body)).toEqual(base)
  })

  it('sends what the rules rebuilt, in the documented order, not the bytes received', async () => {
    const reordered = `{ "hyperparameters": {"rightWeights":[0.9,0.1],"weightKey":"score","rightKeys":["image","title"],"leftWeights":[1],"leftKeys":["query"]},
      "model": "${modelId}/epoch_2", "datasetId": "${datasetId}" }`
    expect((await post(reordered)).status).toBe(200)
    expect(seen[0]!.body).toBe(JSON.stringify(request))
  })

  it.each([
    ['an unknown field', { ...request, instanceType: 'marqtune.basic' }, 'instanceType'],
    ['the client’s own option', { ...request, waitForCompletion: true }, 'waitForCompletion'],
    [
      'a training parameter',
      { ...request, hyperparameters: { ...request.hyperparameters, epochs: 5 } },
      'hyperparameters.epochs is not an evaluation parameter',
    ],
    ['no datasetId', { ...request, datasetId: undefined }, 'datasetId must be a dataset id'],
    ['a datasetId that is no UUID', { ...request, datasetId: 'abc' }, 'datasetId'],
    ['a model with spaces', { ...request, model: 'Marqo/ViT B' }, 'model must be'],
    ['a model without its owner', { ...request, model: 'ViT-B-32' }, 'model must be'],
    ['a model with a path', { ...request, model: 'Marqo/../x' }, 'model must be'],
    [
      'a checkpoint that is no name',
      { ...request, model: `${modelId}/${'e'.repeat(65)}` },
      'model must be',
    ],
    ['no hyperparameters', { ...request, hyperparameters: undefined }, 'hyperparameters must be'],
    [
      'hyperparameters as a string',
      { ...request, hyperparameters: '{"leftKeys":["q"]}' },
      'hyperparameters must be a JSON object',
    ],
    [
      'no leftKeys',
      { ...request, hyperparameters: { ...request.hyperparameters, leftKeys: undefined } },
      'hyperparameters.leftKeys must be',
    ],
    [
      'an empty rightKeys',
      { ...request, hyperparameters: { ...request.hyperparameters, rightKeys: [] } },
      'hyperparameters.rightKeys must be',
    ],
    [
      'a key that is a number',
      { ...request, hyperparameters: { ...request.hyperparameters, leftKeys: [5] } },
      'hyperparameters.leftKeys must be',
    ],
    [
      'weights as strings',
      { ...request, hyperparameters: { ...request.hyperparameters, leftWeights: ['1'] } },
      'hyperparameters.leftWeights must be a list of numbers, one for each leftKeys column',
    ],
    [
      'one weight short',
      { ...request, hyperparameters: { ...request.hyperparameters, rightWeights: [1] } },
      'hyperparameters.rightWeights must be',
    ],
    [
      'no weights',
      { ...request, hyperparameters: { ...request.hyperparameters, rightWeights: undefined } },
      'hyperparameters.rightWeights must be',
    ],
    [
      'a weightKey that is a list',
      { ...request, hyperparameters: { ...request.hyperparameters, weightKey: ['score'] } },
      'hyperparameters.weightKey must be',
    ],
    [
      'a topQ past the documented 20000',
      { ...request, hyperparameters: { ...request.hyperparameters, topQ: 20_001 } },
      'hyperparameters.topQ must be',
    ],
    [
      'a null where a value is optional',
      { ...request, hyperparameters: { ...request.hyperparameters, batchSize: null } },
      'hyperparameters.batchSize must be',
    ],
  ])('refuses %s with 400, naming the field', async (_name, body, words) => {
    expect(await refusal(await post(body), 400)).toContain(words)
  })

  it.each([
    ['an array', '[1, 2]'],
    ['a string', '"evaluate"'],
    ['null', 'null'],
  ])('refuses a body that is %s rather than an object', async (_name, body) => {
    expect(await refusal(await post(body), 400)).toContain('must be a JSON object')
  })

  it.each([
    ['broken JSON', '{"datasetId": '],
    ['nothing at all', ''],
  ])('refuses %s with 400', async (_name, body) => {
    expect(await refusal(await post(body), 400)).toMatch(/not JSON|needs a JSON body/)
  })

  it('refuses a body past 16 KiB with 413, whatever it says', async () => {
    const padded = {
      ...request,
      hyperparameters: { ...request.hyperparameters, leftKeys: ['q'.repeat(17 * 1024)] },
    }
    expect(await refusal(await post(padded), 413)).toContain('16 KiB')
    // Just under the limit is read and judged on its fields.
    const under = { ...request, note: 'x'.repeat(16 * 1024 - JSON.stringify(request).length - 20) }
    expect(JSON.stringify(under).length).toBeLessThanOrEqual(16 * 1024)
    expect(await refusal(await post(under), 400)).toContain('note is not a field')
  })

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON in another charset', { 'content-type': 'application/json; charset=latin1' }],
    ['a +json type', { 'content-type': 'application/merge-patch+json' }],
    ['a gzipped body', { 'content-encoding': 'gzip' }],
  ])('refuses %s with 415', async (_name, headers) => {
    expect(await refusal(await post(request, headers), 415)).toMatch(/JSON|uncompressed/)
  })

  it('refuses bytes that are not UTF-8', async () => {
    const response = await app().request('http://localhost/api/evaluation', {
      method: 'POST',
      headers: { ...own, 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    })
    expect(await refusal(response, 400)).toBe('The request body is not JSON.')
  })

  it('names a few problems of many, and never a value it was sent', async () => {
    const canary = 'canary-value-7f3a'
    const message = await refusal(
      await post({
        datasetId: canary,
        model: canary,
        hyperparameters: { leftKeys: [canary, 1], [`${canary} field`]: 1, a: 1, b: 2, c: 3 },
        [`<${canary}>`]: canary,
      }),
      400,
    )
    expect(message).not.toContain(canary)
    expect(message).toMatch(/^Invalid request body: datasetId must be .*; and 6 more$/)
    const odd = await refusal(await post({ ...request, [`<${canary}>`]: 1 }), 400)
    expect(odd).toBe(
      'Invalid request body: a field with an unusual name is not a field of an evaluation request (datasetId, model, hyperparameters)',
    )
  })

  it('is refused from another site and under READ_ONLY before its body is read', async () => {
    const foreign: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'none' },
      { origin: 'https://evil.example' },
    ]
    for (const headers of foreign) {
      expect(await refusal(await post(request, headers), 403)).toMatch(/^Refused/)
    }
    expect(await refusal(await post(request, {}, app(true)), 403)).toContain(
      'starting evaluations are turned off',
    )
    expect(logLines.some((line) => line.includes('received='))).toBe(false)
  })

  it('passes the service’s refusal back in its words, and sends nothing again', async () => {
    state.reply = {
      status: 400,
      body: '{"message":"Dataset eval-set is not ready (status: Uploading)"}',
    }
    const refused = await post(request)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toEqual({
      message: 'Dataset eval-set is not ready (status: Uploading)',
    })
    state.reply = { status: 200, misbehave: 'reset' }
    expect((await post(request)).status).toBe(502)
    state.reply = { status: 503, body: '{"message":"Internal server error."}' }
    expect((await post(request)).status).toBe(503)
    expect(seen.map(({ method }) => method)).toEqual(['POST', 'POST', 'POST'])
  })

  it('needs a key before anything is sent', async () => {
    const response = await app().request('http://localhost/api/evaluation', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    expect(await refusal(response, 401)).toBe('Unauthorized.')
  })

  it('logs the route and the body’s size, never the body or the key', async () => {
    const canary = 'canary-column-5c1d'
    const body = {
      ...request,
      hyperparameters: { ...request.hyperparameters, leftKeys: [canary] },
    }
    const response = await post(body)
    expect(response.status).toBe(200)
    await response.text()
    await expect.poll(() => logLines.length).toBe(1)
    const size = Buffer.byteLength(JSON.stringify(body))
    expect(logLines[0]).toMatch(
      new RegExp(
        `^POST /api/evaluation 200 \\d+ms bytes=\\d+ received=${size} complete id=\\S+ key=[0-9a-f]{8}$`,
      ),
    )
    expect(logLines.join('\n')).not.toContain(canary)
    expect(logLines.join('\n')).not.toContain(key)
  })
})

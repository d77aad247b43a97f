import { describe, expect, it } from 'vitest'

import { describeRoute, routeNames, routes } from '../../common/routes'
import {
  datasetId,
  evaluationId,
  fakeUpstreamPerFile,
  key,
  modelId,
  testServerApp,
} from './testing/test-server'

// Every route the server lets through, each asked once, and the routes around them that stay
// closed: the allow-list as a whole, not route by route.
const upstream = await fakeUpstreamPerFile({ status: 200, body: '{}' })
const { seen } = upstream

const app = testServerApp({ upstream: { baseUrl: upstream.url, timeoutMs: 2_000 } })

const evaluationBody = JSON.stringify({
  datasetId,
  model: `${modelId}/epoch_2`,
  hyperparameters: {
    leftKeys: ['query'],
    leftWeights: [1],
    rightKeys: ['title'],
    rightWeights: [1],
  },
})

/** Each forwarded route, as asked under /api and as it must reach the upstream. */
const forwarded: Array<{ route: string; asked: string; reaches: string; body?: string }> = [
  { route: 'GET /models', asked: '/api/models', reaches: '/models' },
  {
    route: 'GET /models/{modelId}',
    asked: `/api/models/${modelId}`,
    reaches: `/models/${modelId}`,
  },
  {
    route: 'GET /models/{modelId}/logs',
    asked: `/api/models/${modelId}/logs?from=1&to=2&x=3`,
    reaches: `/models/${modelId}/logs?from=1&to=2`,
  },
  {
    route: 'GET /models/{modelId}/logs/url',
    asked: `/api/models/${modelId}/logs/url`,
    reaches: `/models/${modelId}/logs/url`,
  },
  {
    route: 'GET /models/{modelId}/download/url',
    asked: `/api/models/${modelId}/download/url?checkpoint=epoch_1`,
    reaches: `/models/${modelId}/download/url?checkpoint=epoch_1`,
  },
  {
    route: 'POST /models/{modelId}/released-checkpoints/{checkpoint}',
    asked: `/api/models/${modelId}/released-checkpoints/epoch_1`,
    reaches: `/models/${modelId}/released-checkpoints/epoch_1`,
  },
  {
    route: 'DELETE /models/{modelId}',
    asked: `/api/models/${modelId}`,
    reaches: `/models/${modelId}`,
  },
  {
    route: 'POST /evaluation',
    asked: '/api/evaluation',
    reaches: '/evaluation',
    body: evaluationBody,
  },
  { route: 'GET /evaluation', asked: '/api/evaluation?all=1', reaches: '/evaluation' },
  {
    route: 'GET /evaluation/{evaluationId}',
    asked: `/api/evaluation/${evaluationId}`,
    reaches: `/evaluation/${evaluationId}`,
  },
  {
    route: 'GET /evaluation/{evaluationId}/logs',
    asked: `/api/evaluation/${evaluationId}/logs?from=1764583200000&to=1764583300000&q=x`,
    reaches: `/evaluation/${evaluationId}/logs?from=1764583200000&to=1764583300000`,
  },
  {
    route: 'GET /evaluation/{evaluationId}/download/url',
    asked: `/api/evaluation/${evaluationId}/download/url`,
    reaches: `/evaluation/${evaluationId}/download/url`,
  },
  { route: 'GET /datasets', asked: '/api/datasets', reaches: '/datasets' },
  {
    route: 'GET /datasets/{datasetId}',
    asked: `/api/datasets/${datasetId}`,
    reaches: `/datasets/${datasetId}`,
  },
]

function ask(method: string, path: string, body?: string) {
  return app.request(path, {
    method,
    headers: {
      'x-api-key': key,
      'sec-fetch-site': 'same-origin',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body,
  })
}

describe('the allow-list', () => {
  it('is every route the table marks forwarded, and no other', () => {
    expect(forwarded.map(({ route }) => route).toSorted()).toEqual(
      routeNames
        .filter((name) => routes[name].forwarded)
        .map((name) => describeRoute(routes[name]))
        .toSorted(),
    )
  })

  it.each(forwarded)('forwards $route', async ({ route, asked, reaches, body }) => {
    const [method = ''] = route.split(' ', 1)
    const response = await ask(method, asked, body)
    expect(response.status).toBe(200)
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      `${method} ${reaches}`,
    ])
  })

  it.each([
    [`/api/evaluation/${evaluationId.slice(1)}`, 'Invalid evaluation id'],
    [`/api/evaluation/x/logs`, 'Invalid evaluation id'],
    [`/api/evaluation/${evaluationId}/logs?from=now`, 'Invalid from'],
    [`/api/evaluation/${evaluationId}/logs?to=-5`, 'Invalid to'],
    [`/api/datasets/${datasetId}x`, 'Invalid dataset id'],
  ])('refuses %s without asking upstream', async (path, message) => {
    const response = await ask('GET', path)
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ message })
    expect(seen).toEqual([])
  })

  // The neighbours of what opened: routes the emulator and the client know, closed here.
  it.each([
    ['POST', '/api/models/train', 405, 'GET, DELETE'],
    ['DELETE', `/api/evaluation/${evaluationId}`, 405, 'GET'],
    ['PUT', '/api/evaluation', 405, 'POST, GET'],
    ['DELETE', '/api/evaluation', 405, 'POST, GET'],
    ['POST', `/api/evaluation/${evaluationId}`, 405, 'GET'],
    ['POST', '/api/datasets', 405, 'GET'],
    ['DELETE', `/api/datasets/${datasetId}`, 405, 'GET'],
    ['GET', `/api/evaluation/${evaluationId}/logs/url`, 404, null],
    ['GET', `/api/datasets/${datasetId}/logs`, 404, null],
    ['GET', `/api/files/models/${modelId}/checkpoints/epoch_1.pt`, 404, null],
    ['GET', `/api/files/evaluation/${evaluationId}/results/${evaluationId}.json`, 404, null],
    ['GET', `/api/files/evaluation/${evaluationId}/logs/${evaluationId}.log`, 404, null],
    ['GET', '/api/evaluations', 404, null],
    ['GET', `/api/evaluations/${evaluationId}`, 404, null],
    ['GET', `/api/evaluation/${evaluationId}/download`, 404, null],
  ] as const)('keeps %s %s closed (%i)', async (method, path, status, allow) => {
    const response = await ask(method, path)
    expect(response.status).toBe(status)
    expect(response.headers.get('allow')).toBe(allow)
    expect(seen).toEqual([])
  })
})

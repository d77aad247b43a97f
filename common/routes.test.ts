import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import {
  describeRoute,
  forwardedBody,
  matchRoute,
  methodsAt,
  readParams,
  readQuery,
  routeNames,
  routePath,
  routes,
  routesAt,
} from './routes'

const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'

describe('the route table', () => {
  it('fills in parameters encoded, and only the query values given', () => {
    expect(routePath('listModels')).toBe('/models')
    expect(routePath('releaseCheckpoint', { modelId, checkpoint: 'epoch 1/2' })).toBe(
      `/models/${modelId}/released-checkpoints/epoch%201%2F2`,
    )
    expect(routePath('modelLogs', { modelId }, { from: 5, to: undefined })).toBe(
      `/models/${modelId}/logs?from=5`,
    )
    expect(routePath('checkpointDownload', { modelId }, { checkpoint: 'epoch_3' })).toBe(
      `/models/${modelId}/download/url?checkpoint=epoch_3`,
    )
  })

  it('reads a path back to its route, a literal segment before a parameter', () => {
    expect(matchRoute('POST', '/models/train')?.name).toBe('trainModel')
    expect(matchRoute('GET', `/models/${modelId}`)?.name).toBe('describeModel')
    expect(matchRoute('DELETE', `/models/${modelId}`)?.name).toBe('deleteModel')
    expect(matchRoute('GET', '/models/train')).toBeUndefined()
    expect(matchRoute('GET', '/models//logs')).toBeUndefined()
    expect(matchRoute('GET', '/indexes')).toBeUndefined()
    expect(methodsAt(`/models/${modelId}`)).toEqual(['GET', 'DELETE'])
    expect(methodsAt('/models/train')).toEqual(['POST'])
    // Among a subset (the server's forwarded routes), the most literal match of that subset.
    expect(methodsAt('/models/train', ['describeModel'])).toEqual(['GET'])
  })

  it('checks each parameter by its kind, in the service words, and lower-cases ids', () => {
    const [match] = routesAt(`/models/${modelId.toUpperCase()}/released-checkpoints/epoch_2`)
    expect(readParams(match!)).toEqual({ params: { modelId, checkpoint: 'epoch_2' } })
    const [bad] = routesAt('/models/admin')
    expect(readParams(bad!)).toEqual({ refusal: 'Invalid model id' })
    const [badCheckpoint] = routesAt(`/models/${modelId}/released-checkpoints/a%2Fb`)
    expect(readParams(badCheckpoint!)).toEqual({ refusal: 'Invalid checkpoint name' })
  })

  it('keeps a route’s own query values, checked, and drops everything else', () => {
    const logs = routes.modelLogs
    expect(readQuery(logs, new URLSearchParams('from=1&to=2&extra=3'))).toEqual({
      query: { from: '1', to: '2' },
    })
    expect(readQuery(logs, new URLSearchParams('from=-1'))).toEqual({ refusal: 'Invalid from' })
    expect(readQuery(routes.checkpointDownload, new URLSearchParams('checkpoint=../x'))).toEqual({
      refusal: 'Invalid checkpoint name',
    })
    expect(readQuery(routes.listModels, new URLSearchParams('x=1'))).toEqual({ query: {} })
  })

  it('opens to the dashboard’s server only the routes the app uses', () => {
    expect(routeNames.filter((name) => routes[name].forwarded)).toEqual([
      'listModels',
      'describeModel',
      'modelLogs',
      'modelLogFile',
      'checkpointDownload',
      'releaseCheckpoint',
      'deleteModel',
      'startEvaluation',
      'listEvaluations',
      'describeEvaluation',
      'evaluationLogs',
      'evaluationResults',
      'listDatasets',
      'describeDataset',
    ])
    // The only body the server forwards: a small one, checked by its own rules.
    const withBody = routeNames.filter((name) => forwardedBody(routes[name]))
    expect(withBody).toEqual(['startEvaluation'])
    expect(forwardedBody(routes.startEvaluation)?.maxBytes).toBe(16 * 1024)
    // The files behind presigned links need no key, and are never forwarded.
    for (const name of routeNames.filter((each) => 'presigned' in routes[each])) {
      expect([name, routes[name].path.startsWith('/files/'), routes[name].forwarded]).toEqual([
        name,
        true,
        false,
      ])
    }
  })

  it('is what the README’s emulator section lists, route for route', () => {
    const readme = readFileSync('README.md', 'utf8')
    const emulator = readme.slice(
      readme.indexOf('## The Marqtune emulator'),
      readme.indexOf('## How the code is laid out'),
    )
    const listed = new Set(emulator.match(/^\| `(GET|POST|DELETE) \/[^`]*`/gm))
    expect([...listed].toSorted()).toEqual(
      routeNames.map((name) => `| \`${describeRoute(routes[name])}\``).toSorted(),
    )
  })

  it('is what the README promises the server forwards, route for route', () => {
    const readme = readFileSync('README.md', 'utf8')
    const security = readme.slice(readme.indexOf('## Security'), readme.indexOf('## Deploying'))
    const listed = new Set(security.match(/`(GET|POST|DELETE) \/api\/[^`]*`/g))
    const forwarded = routeNames
      .filter((name) => routes[name].forwarded)
      .map((name) => `\`${describeRoute(routes[name], '/api')}\``)
    expect([...listed].toSorted()).toEqual([...forwarded, '`GET /api/config`'].toSorted())
  })
})

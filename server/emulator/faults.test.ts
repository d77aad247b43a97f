import { describe, expect, it } from 'vitest'

import { createEmulatorApp, demoKey } from './emulator-app'
import type { Fault } from './faults'
import { demoAccount } from './accounts'
import { seedModels } from './models/seed-models'

function emulator(faults = true) {
  const app = createEmulatorApp({
    account: demoAccount,
    keys: [demoKey],
    envelope: 'wrapped',
    faults,
  })
  const get = (path: string) => app.request(path, { headers: { 'x-api-key': demoKey } })
  const queue = (route: string, ...queued: Fault[]) =>
    app.request('/__emulator/faults', {
      method: 'POST',
      body: JSON.stringify({ route, faults: queued }),
    })
  return { app, get, queue }
}

describe('fault injection', () => {
  it('plays queued faults on their route, in order, then answers normally again', async () => {
    const { get, queue } = emulator()
    await queue(
      'listModels',
      { kind: 'status', status: 503, body: 'html' },
      { kind: 'rate-limit', retryAfter: '7' },
    )
    const html = await get('/models')
    expect(html.status).toBe(503)
    expect(html.headers.get('content-type')).toBe('text/html')
    const limited = await get('/models')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect((await get('/models')).status).toBe(200)
    expect((await get(`/models/${seedModels[0]!.modelId}`)).status).toBe(200)
  })

  it('sends a list of any entries in its envelope, and any JSON as it is', async () => {
    const { get, queue } = emulator()
    await queue(
      'listModels',
      { kind: 'models', models: [{ modelId: 1 }] },
      { kind: 'json', body: [] },
    )
    expect(await (await get('/models')).json()).toEqual({
      statusCode: 200,
      body: { models: [{ modelId: 1 }] },
    })
    expect(await (await get('/models')).json()).toEqual([])
  })

  it('cuts a body off halfway', async () => {
    const { get, queue } = emulator()
    await queue('listModels', { kind: 'cut' })
    const response = await get('/models')
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow('emulated cut-off')
  })

  it('records every request with a hash of the key, never the key', async () => {
    const { app, get } = emulator()
    await get('/models')
    await get('/models/not-a-uuid/logs')
    const requests = await (await app.request('/__emulator/requests')).json()
    expect(requests).toEqual([
      {
        method: 'GET',
        path: '/models',
        route: 'listModels',
        key: expect.any(String),
        aborted: false,
      },
      expect.objectContaining({ path: '/models/not-a-uuid/logs', route: 'modelLogs' }),
    ])
    expect(JSON.stringify(requests)).not.toContain(demoKey)
  })

  it('moves every task a step when asked, whatever its clock', async () => {
    const app = createEmulatorApp({
      account: demoAccount,
      keys: [demoKey],
      faults: true,
      simulate: true,
      // A step an hour: none comes by itself during the test.
      epochMs: 3_600_000,
    })
    const uploading = seedModels.find((model) => model.secondaryStatus === 'uploading')!
    const statusOf = async () => {
      const answer = await app.request(`/models/${uploading.modelId}`, {
        headers: { 'x-api-key': demoKey },
      })
      const model = (await answer.json()) as { status: string }
      return model.status
    }
    expect(await statusOf()).toBe('running')
    expect((await app.request('/__emulator/step', { method: 'POST' })).status).toBe(204)
    expect(await statusOf()).toBe('ready')
  })

  it('does not exist unless the emulator was started for tests', async () => {
    const { app, queue } = emulator(false)
    expect((await queue('listModels', { kind: 'hang' })).status).toBe(401)
    expect((await app.request('/__emulator/requests')).status).toBe(401)
    expect((await app.request('/__emulator/step', { method: 'POST' })).status).toBe(401)
  })
})

import { describe, expect, it } from 'vitest'

import { createEmulatorApp, demoKey } from '../emulator-app'
import { demoAccount } from '../accounts'
import { seedModels } from './seed-models'

const model = seedModels.find((each) => each.checkpoints.length >= 2)!
const other = seedModels.find((each) => each !== model)!
const unknownId = '00000000-0000-4000-8000-000000000000'

function emulator(options: { keepDeleted?: boolean; faults?: boolean } = {}) {
  const app = createEmulatorApp({
    account: demoAccount,
    keys: [demoKey],
    ...options,
  })
  return async (method: string, path: string) => {
    const response = await app.request(path, { method, headers: { 'x-api-key': demoKey } })
    const text = await response.text()
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined }
  }
}

const ids = (json: unknown) =>
  (json as { models: Array<{ modelId: string }> }).models.map((m) => m.modelId)

describe('release', () => {
  it('releases an existing checkpoint, and names a missing one in the documented words', async () => {
    const call = emulator()
    const released = await call('POST', `/models/${model.modelId}/released-checkpoints/epoch_1`)
    expect(released).toEqual({ status: 200, json: { modelId: model.modelId } })
    const missing = await call('POST', `/models/${model.modelId}/released-checkpoints/epoch_999`)
    expect(missing).toEqual({
      status: 400,
      json: {
        message: `Invalid checkpoint name: epoch_999 for model: name=${model.modelName}, id=${model.modelId}`,
      },
    })
    expect((await call('POST', `/models/${unknownId}/released-checkpoints/epoch_1`)).status).toBe(
      404,
    )
  })
})

describe('delete', () => {
  it('removes the model; a second delete is already deleted, an unknown id not found', async () => {
    const call = emulator()
    expect(await call('DELETE', `/models/${model.modelId}`)).toEqual({
      status: 200,
      json: { message: 'model deleted successfully' },
    })
    expect(ids((await call('GET', '/models')).json)).not.toContain(model.modelId)
    expect(ids((await call('GET', '/models')).json)).toContain(other.modelId)
    expect((await call('GET', `/models/${model.modelId}`)).status).toBe(404)
    expect(await call('DELETE', `/models/${model.modelId}`)).toEqual({
      status: 400,
      json: { message: 'model is already deleted' },
    })
    expect(await call('DELETE', `/models/${unknownId}`)).toEqual({
      status: 404,
      json: { message: 'model not found' },
    })
    expect((await call('DELETE', '/models/nope')).json).toEqual({ message: 'Invalid model id' })
  })

  it('keeps deleted models listed with status deleted under --keep-deleted', async () => {
    const call = emulator({ keepDeleted: true })
    await call('DELETE', `/models/${model.modelId}`)
    const listed = (await call('GET', '/models')).json as { models: Array<Record<string, unknown>> }
    expect(listed.models.find((each) => each.modelId === model.modelId)).toMatchObject({
      status: 'deleted',
      secondaryStatus: 'deleted',
    })
    expect(model.status).not.toBe('deleted')
  })

  it('brings deleted models back when a test resets the emulator', async () => {
    const call = emulator({ faults: true })
    await call('DELETE', `/models/${model.modelId}`)
    expect((await call('DELETE', '/__emulator/state')).status).toBe(204)
    expect(ids((await call('GET', '/models')).json)).toContain(model.modelId)
    expect((await call('DELETE', `/models/${model.modelId}`)).status).toBe(200)
  })
})

describe('faults on the actions', () => {
  it('are queued by method and route, so a GET of the model never takes one', async () => {
    const app = createEmulatorApp({
      account: demoAccount,
      keys: [demoKey],
      faults: true,
    })
    const call = (method: string, path: string) =>
      app.request(path, { method, headers: { 'x-api-key': demoKey } })
    const queued = await app.request('/__emulator/faults', {
      method: 'POST',
      body: JSON.stringify({
        route: 'deleteModel',
        faults: [{ kind: 'status', status: 500, message: 'Internal server error.' }],
      }),
    })
    expect(queued.status).toBe(200)
    expect((await call('GET', `/models/${model.modelId}`)).status).toBe(200)
    expect((await call('DELETE', `/models/${model.modelId}`)).status).toBe(500)
    expect((await call('DELETE', `/models/${model.modelId}`)).status).toBe(200)
    const requests = (await (await app.request('/__emulator/requests')).json()) as Array<{
      route: string
    }>
    expect(requests.map((request) => request.route)).toEqual([
      'describeModel',
      'deleteModel',
      'deleteModel',
    ])
  })
})

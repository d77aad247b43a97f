import { describe, expect, it } from 'vitest'

import { createEmulatorApp, demoKey } from './emulator-app'
import { seedModels } from './seed-models'

const known = seedModels[0]!

function emulator(envelope: 'wrapped' | 'bare' = 'wrapped', keys = [demoKey]) {
  const app = createEmulatorApp({ models: seedModels, keys, envelope })
  return async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (!headers.has('x-api-key')) headers.set('x-api-key', demoKey)
    const response = await app.request(path, { ...init, headers })
    return { status: response.status, json: await response.json() }
  }
}

describe('the emulator', () => {
  it('lists the models in the documented wrapped envelope by default', async () => {
    const { status, json } = await emulator()('/models')
    expect(status).toBe(200)
    expect(json).toEqual({ statusCode: 200, body: { models: seedModels } })
  })

  it('lists them bare with --envelope bare', async () => {
    expect((await emulator('bare')('/models')).json).toEqual({ models: seedModels })
  })

  it('refuses a missing or wrong key with the bare 401 body', async () => {
    const call = emulator()
    for (const headers of [{ 'x-api-key': '' }, { 'x-api-key': 'nope' }]) {
      expect(await call('/models', { headers })).toEqual({
        status: 401,
        json: { message: 'Unauthorized.' },
      })
    }
  })

  it('accepts every key it was given', async () => {
    const call = emulator('wrapped', [demoKey, 'second'])
    expect((await call('/models', { headers: { 'x-api-key': 'second' } })).status).toBe(200)
  })

  it('describes one model, and tells a bad id from an unknown one', async () => {
    const call = emulator('bare')
    expect(await call(`/models/${known.modelId}`)).toEqual({ status: 200, json: known })
    expect(await call('/models/not-a-uuid')).toEqual({
      status: 400,
      json: { message: 'Invalid model id' },
    })
    expect(await call('/models/00000000-0000-4000-8000-000000000000')).toEqual({
      status: 404,
      json: { message: 'model not found' },
    })
  })

  it('answers any other path or method with the documented wrapped 400', async () => {
    const call = emulator()
    const expected = {
      status: 400,
      json: { statusCode: 400, body: { message: 'Invalid request method' } },
    }
    expect(await call('/indexes')).toEqual(expected)
    expect(await call('/models', { method: 'POST' })).toEqual(expected)
  })

  it('returns logs and a download URL for an existing checkpoint only', async () => {
    const call = emulator('bare')
    const logs = await call(`/models/${known.modelId}/logs`)
    expect(logs.status).toBe(200)
    expect(logs.json).toEqual(
      expect.arrayContaining([
        { timestamp: expect.any(Number), message: 'Saved checkpoint epoch_1' },
      ]),
    )

    const url = await call(`/models/${known.modelId}/download/url?checkpoint=epoch_2`)
    expect(url).toEqual({
      status: 200,
      json: { downloadUrl: expect.stringContaining('epoch_2.pt') },
    })
    const bad = await call(`/models/${known.modelId}/download/url?checkpoint=epoch_99`)
    expect(bad.status).toBe(400)
    expect(bad.json).toEqual({
      message: expect.stringContaining('Invalid checkpoint name: epoch_99'),
    })
  })
})

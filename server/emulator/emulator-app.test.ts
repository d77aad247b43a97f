import { describe, expect, it } from 'vitest'

import { demoAccount } from './accounts'
import { createEmulatorApp, demoKey, type Envelope } from './emulator-app'
import { seedModels } from './models/seed-models'

const known = seedModels[0]!

function emulator(envelope?: Envelope, keys = [demoKey]) {
  const app = createEmulatorApp({ account: demoAccount, keys, ...(envelope ? { envelope } : {}) })
  return async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (!headers.has('x-api-key')) headers.set('x-api-key', demoKey)
    const response = await app.request(path, { ...init, headers })
    return { status: response.status, json: await response.json() }
  }
}

describe('the emulator', () => {
  it('lists the models bare by default, as the official client reads them', async () => {
    const { status, json } = await emulator()('/models')
    expect(status).toBe(200)
    expect(json).toEqual({ models: seedModels })
  })

  it('wraps every body but 401 and 500 in the documented envelope with --envelope wrapped', async () => {
    const call = emulator('wrapped')
    expect((await call('/models')).json).toEqual({ statusCode: 200, body: { models: seedModels } })
    expect((await call(`/models/${known.modelId}`)).json).toEqual({ statusCode: 200, body: known })
    expect((await call('/evaluation')).json).toEqual({
      statusCode: 200,
      body: { evaluations: expect.any(Array) },
    })
    expect(await call('/models/not-a-uuid')).toEqual({
      status: 400,
      json: { statusCode: 400, body: { message: 'Invalid model id' } },
    })
    expect(await call('/models', { headers: { 'x-api-key': 'nope' } })).toEqual({
      status: 401,
      json: { message: 'Unauthorized.' },
    })
  })

  it('refuses a missing or wrong key with the bare 401 body', async () => {
    const call = emulator()
    for (const headers of [{ 'x-api-key': '' }, { 'x-api-key': 'nope' }]) {
      for (const path of ['/models', '/evaluation', '/datasets']) {
        expect(await call(path, { headers })).toEqual({
          status: 401,
          json: { message: 'Unauthorized.' },
        })
      }
    }
  })

  it('accepts every key it was given', async () => {
    const call = emulator('bare', [demoKey, 'second'])
    expect((await call('/models', { headers: { 'x-api-key': 'second' } })).status).toBe(200)
  })

  it('describes one model, and tells a bad id from an unknown one', async () => {
    const call = emulator()
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

  it('answers any other path or method with the documented 400', async () => {
    const call = emulator()
    const expected = { status: 400, json: { message: 'Invalid request method' } }
    expect(await call('/indexes')).toEqual(expected)
    expect(await call('/models', { method: 'POST' })).toEqual(expected)
    expect(await call('/evaluation', { method: 'DELETE' })).toEqual(expected)
  })

  it('refuses a query value its route does not take, in words', async () => {
    const call = emulator()
    expect(await call(`/models/${known.modelId}/logs?from=yesterday`)).toEqual({
      status: 400,
      json: { message: 'Invalid from' },
    })
  })

  it('returns logs and a download URL for an existing checkpoint only', async () => {
    const call = emulator()
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
      json: { downloadUrl: expect.stringContaining('/epoch_2.pt?') },
    })
    const bad = await call(`/models/${known.modelId}/download/url?checkpoint=epoch_99`)
    expect(bad.status).toBe(400)
    expect(bad.json).toEqual({
      message: expect.stringContaining('Invalid checkpoint name: epoch_99'),
    })
  })
})

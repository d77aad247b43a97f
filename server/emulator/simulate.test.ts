import { afterEach, describe, expect, it, vi } from 'vitest'

import { demoAccount } from './accounts'
import { createEmulatorApp, demoKey, type EmulatorOptions } from './emulator-app'
import { logPageSize, logsOf, logWindow, type LogLine } from './logs'
import { seedModels } from './models/seed-models'
import type { WireModel } from './models/wire-model'

const byName = (name: string) => seedModels.find((model) => model.modelName === name)!

function emulator(options: Partial<EmulatorOptions> = {}) {
  const app = createEmulatorApp({ account: demoAccount, keys: [demoKey], ...options })
  return async (path: string) => {
    const response = await app.request(path, { headers: { 'x-api-key': demoKey } })
    return { status: response.status, json: await response.json() }
  }
}

describe('emulated logs', () => {
  it('gives a seeded ready model a log longer than one page', () => {
    const log = logsOf(byName('vit-l14-product-search'), 1_800_000_000_000)
    expect(log.length).toBeGreaterThan(logPageSize)
    expect(log[0]!.message).toContain('accepted')
  })

  it('windows a log by from/to in ms or s, newest page unless only from is given', () => {
    const lines: LogLine[] = Array.from({ length: 1200 }, (_, i) => ({
      timestamp: 1_700_000_000_000 + i * 1000,
      message: `line ${i}`,
    }))
    expect((logWindow(lines) as LogLine[])[0]!.message).toBe('line 700')
    const before = logWindow(lines, '0', String(1_700_000_000_000 + 699_000)) as LogLine[]
    expect([before.length, before[0]!.message, before.at(-1)!.message]).toEqual([
      500,
      'line 200',
      'line 699',
    ])
    const inSeconds = logWindow(lines, '1700000000', '1700000009') as LogLine[]
    expect(inSeconds.map((l) => l.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `line ${i}`),
    )
    expect((logWindow(lines, '1700000001000') as LogLine[])[0]!.message).toBe('line 1')
    expect(logWindow(lines, 'yesterday')).toEqual(expect.any(String))
  })

  it('answers the whole-log link for ready models only, with the documented message', async () => {
    const get = emulator()
    expect(await get(`/models/${byName('gs-apparel-v3').modelId}/logs/url`)).toEqual({
      status: 200,
      json: { downloadUrl: expect.stringMatching(/^http:\/\/localhost\/.*\.log\?X-Amz-Date=/) },
    })
    expect(await get(`/models/${byName('gs-apparel-v5-candidate').modelId}/logs/url`)).toEqual({
      status: 400,
      json: { message: 'Logs download is only available for ready model.' },
    })
  })
})

describe('simulated training of the seeds (--simulate)', () => {
  afterEach(() => vi.useRealTimers())

  it('starts waiting models, adds epochs, finishes at the planned epochs and fails one', async () => {
    vi.useFakeTimers()
    const get = emulator({ simulate: true, epochMs: 1000 })
    const find = async (name: string) =>
      (await get(`/models/${byName(name).modelId}`)).json as WireModel
    vi.advanceTimersByTime(1000)
    expect((await find('furniture-vit-b16-v1')).secondaryStatus).toBe('running')
    // Waiting in the client's words, in the seed's own capitals: initializing, provisioning.
    expect((await find('furniture-vit-b16-v2')).secondaryStatus).toBe('PROVISIONING')
    expect((await find('gs-apparel-v5-candidate')).checkpoints).toHaveLength(2)
    expect((await find('shoes-vit-b32-hard-negatives')).status).toBe('ready')
    vi.advanceTimersByTime(1000)
    expect((await find('furniture-vit-b16-v2')).secondaryStatus).toBe('RUNNING')
    vi.advanceTimersByTime(2000)
    const candidate = await find('gs-apparel-v5-candidate')
    expect([candidate.checkpoints.length, candidate.secondaryStatus]).toEqual([5, 'uploading'])
    vi.advanceTimersByTime(1000)
    expect((await find('gs-apparel-v5-candidate')).status).toBe('ready')
    const log = (await get(`/models/${candidate.modelId}/logs`)).json as LogLine[]
    expect(log.at(-1)!.message).toBe('Training finished: 5 checkpoints')
    const failing = await find('multilingual-retail-xlmr')
    expect([failing.status, failing.checkpoints.length]).toEqual(['failed', 3])
    expect(failing.failureReason).toMatch(/^RuntimeError: CUDA out of memory/)
    // The list follows; the seed itself never moves: tests that count rows rely on it.
    const { models } = (await get('/models')).json as { models: WireModel[] }
    expect(models.find((model) => model.modelId === candidate.modelId)!.status).toBe('ready')
    expect(byName('gs-apparel-v5-candidate').checkpoints).toHaveLength(1)
  })

  it('stands still without the flag', async () => {
    vi.useFakeTimers()
    const get = emulator({ epochMs: 1000 })
    const first = await get('/models')
    vi.advanceTimersByTime(10_000)
    expect(await get('/models')).toEqual(first)
  })
})

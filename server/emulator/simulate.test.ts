import { afterEach, describe, expect, it, vi } from 'vitest'

import { createEmulatorApp, demoKey } from './emulator-app'
import { logPageSize, logsOf, logWindow, type LogLine } from './logs'
import { seedModels } from './seed-models'
import { simulate } from './simulate'
import type { WireModel } from './wire-model'

const byName = (name: string) => seedModels.find((model) => model.modelName === name)!

async function get(app: ReturnType<typeof createEmulatorApp>, path: string) {
  const response = await app.request(path, { headers: { 'x-api-key': demoKey } })
  return { status: response.status, json: await response.json() }
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
    const app = createEmulatorApp({ models: seedModels, keys: [demoKey], envelope: 'bare' })
    expect(await get(app, `/models/${byName('gs-apparel-v3').modelId}/logs/url`)).toEqual({
      status: 200,
      json: { downloadUrl: expect.stringMatching(/^https:\/\/.*\.log\?/) },
    })
    expect(await get(app, `/models/${byName('gs-apparel-v5-candidate').modelId}/logs/url`)).toEqual(
      {
        status: 400,
        json: { message: 'Logs download is only available for ready model.' },
      },
    )
  })
})

describe('simulated training', () => {
  afterEach(() => vi.useRealTimers())

  it('starts waiting models, adds epochs, finishes at the planned epochs and fails one', () => {
    vi.useFakeTimers()
    const models: WireModel[] = structuredClone(seedModels)
    const onChange = vi.fn<() => void>()
    const simulation = simulate(models, { epochMs: 1000, onChange })
    const find = (name: string) => models.find((model) => model.modelName === name)!
    vi.advanceTimersByTime(1000)
    expect(find('furniture-vit-b16-v1').secondaryStatus).toBe('running')
    expect(find('furniture-vit-b16-v2').secondaryStatus).toBe('RUNNING')
    expect(find('gs-apparel-v5-candidate').checkpoints).toHaveLength(2)
    expect(find('shoes-vit-b32-hard-negatives').status).toBe('ready')
    expect(onChange).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(3000)
    const candidate = find('gs-apparel-v5-candidate')
    expect([candidate.checkpoints.length, candidate.secondaryStatus]).toEqual([5, 'uploading'])
    vi.advanceTimersByTime(1000)
    expect(candidate.status).toBe('ready')
    expect(simulation.logOf(candidate).at(-1)!.message).toBe('Training finished: 5 checkpoints')
    const failing = find('multilingual-retail-xlmr')
    expect([failing.status, failing.checkpoints.length]).toEqual(['failed', 3])
    expect(failing.failureReason).toMatch(/^RuntimeError: CUDA out of memory/)
    // The seed itself never moves: tests that count rows rely on it.
    expect(byName('gs-apparel-v5-candidate').checkpoints).toHaveLength(1)
    simulation.stop()
  })

  it('stands still without the flag', async () => {
    const app = createEmulatorApp({ models: seedModels, keys: [demoKey], envelope: 'bare' })
    const first = await get(app, '/models')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await get(app, '/models')).toEqual(first)
  })

  it('serves the simulated list and logs over the app', async () => {
    vi.useFakeTimers()
    const app = createEmulatorApp({
      models: seedModels,
      keys: [demoKey],
      envelope: 'bare',
      simulate: { epochMs: 500 },
    })
    const id = byName('gs-apparel-v5-candidate').modelId
    vi.advanceTimersByTime(500)
    const model = (await get(app, `/models/${id}`)).json as WireModel
    expect(model.checkpoints).toEqual(['epoch_1', 'epoch_2'])
    const list = (await get(app, '/models')).json as { models: WireModel[] }
    expect(list.models.find((m) => m.modelId === id)!.checkpoints).toHaveLength(2)
    const logs = (await get(app, `/models/${id}/logs`)).json as LogLine[]
    expect(logs.at(-1)!.message).toBe('Saved checkpoint epoch_2')
  })
})

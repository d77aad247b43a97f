import { connect } from 'node:net'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { generateModels } from '../../emulator/models/generate-models'
import { listenApp, startFakeUpstream } from '../testing/fake-upstream'
import { key, testServerApp } from '../testing/test-server'

const upstream = await startFakeUpstream()
const { seen, state } = upstream
const logLines: string[] = []

// Short limits, so that a slow transfer lasts several times both of them within a test.
const limits = { timeoutMs: 400, idleTimeoutMs: 400 }
const server = await listenApp(
  testServerApp({
    upstream: { baseUrl: upstream.url, ...limits },
    log: (line) => logLines.push(line),
  }),
)
afterAll(async () => {
  server.close()
  await upstream.close()
})

// A 100,000-model account, as the emulator generates it: about 53 MB, far more than the socket
// buffers on both sides hold, so a slow reader really holds the transfer back.
const account = Buffer.from(JSON.stringify({ models: generateModels(100_000, 1) }))
const accountReply = {
  status: 200,
  headers: { 'content-type': 'application/json', 'content-length': String(account.length) },
  body: account,
}

beforeEach(() => {
  seen.length = 0
  logLines.length = 0
  state.reply = accountReply
})

type Reading = { bodyBytes: number; declared: number; ended: boolean }

/**
 * A browser on a slow link, as a raw socket: it stops reading for `pauseMs` at each of
 * `pauseAt` (body bytes), and hangs up after `hangUpAt` bytes if given.
 */
function slowClient(options: { pauseAt: number[]; pauseMs: number; hangUpAt?: number }) {
  return new Promise<Reading>((resolve, reject) => {
    const pauses = [...options.pauseAt]
    const reading: Reading = { bodyBytes: 0, declared: -1, ended: false }
    let head = ''
    const socket = connect(server.port, '127.0.0.1', () =>
      socket.write(
        `GET /api/models HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${key}\r\nConnection: close\r\n\r\n`,
      ),
    )
    socket.on('data', (chunk: Buffer) => {
      if (reading.declared < 0) {
        head += chunk.toString('latin1')
        const end = head.indexOf('\r\n\r\n')
        if (end < 0) return
        reading.declared = Number(/content-length: (\d+)/i.exec(head.slice(0, end))?.[1] ?? 0)
        reading.bodyBytes = head.length - end - 4
      } else {
        reading.bodyBytes += chunk.length
      }
      if (options.hangUpAt !== undefined && reading.bodyBytes >= options.hangUpAt) {
        socket.destroy()
        resolve(reading)
      } else if (pauses.length > 0 && reading.bodyBytes >= pauses[0]!) {
        pauses.shift()
        socket.pause()
        setTimeout(() => socket.resume(), options.pauseMs)
      }
    })
    socket.on('end', () => {
      reading.ended = true
      resolve(reading)
    })
    socket.on('error', reject)
  })
}

describe('a browser on a slow network', () => {
  it('gets the whole 100,000-model body, however long it takes', async () => {
    const started = performance.now()
    const linesDuringTransfer: string[][] = []
    const watching = setInterval(() => linesDuringTransfer.push([...logLines]), 200)
    // Each pause outlasts both limits; the transfer lasts several times their sum.
    const reading = await slowClient({ pauseAt: [1, 10_000_000, 30_000_000], pauseMs: 1_000 })
    clearInterval(watching)
    expect(performance.now() - started).toBeGreaterThan(3_000)
    expect(reading).toEqual({ declared: account.length, bodyBytes: account.length, ended: true })
    // Written when the body really ended, not when the handler returned.
    expect(linesDuringTransfer.slice(0, 5).flat()).toEqual([])
    await expect
      .poll(() => logLines)
      .toEqual([
        expect.stringMatching(
          new RegExp(`^GET /api/models 200 \\d+ms bytes=${account.length} complete id=`),
        ),
      ])
  }, 30_000)

  it('still stops the upstream when the browser hangs up mid-body, and logs it so', async () => {
    // An upstream still sending (half the account, then nothing) shows that its request ends.
    state.reply = { ...accountReply, misbehave: 'stall' }
    const reading = await slowClient({ pauseAt: [], pauseMs: 0, hangUpAt: 2_000_000 })
    expect(reading.bodyBytes).toBeLessThan(account.length)
    await expect.poll(() => seen[0]?.closedEarly).toBe(true)
    await expect
      .poll(() => logLines.join('\n'))
      .toMatch(/^GET \/api\/models 200 \d+ms bytes=\d+ aborted /)
  })

  it('cuts a transfer whose upstream falls silent mid-body, while the browser waits', async () => {
    state.reply = { ...accountReply, misbehave: 'stall' }
    const reading = await slowClient({ pauseAt: [], pauseMs: 0 })
    expect(reading.ended).toBe(true)
    expect(reading.bodyBytes).toBeLessThan(account.length)
    await expect.poll(() => logLines.join('\n')).toMatch(/ 200 \d+ms bytes=\d+ cut /)
    await expect.poll(() => seen[0]?.closedEarly).toBe(true)
  })
})

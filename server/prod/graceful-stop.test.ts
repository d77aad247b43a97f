import { once } from 'node:events'
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { spawnServer, type Spawned } from '../../scripts/spawn-server'

const models = { models: [{ modelId: 'slow-one', status: 'Ready' }] }

/**
 * A Marqtune stand-in that answers only when told to (`answer()`), and says when a request has
 * arrived: a request stays in flight exactly as long as a test needs, with no waiting on a clock.
 */
async function slowUpstream() {
  const held: (() => void)[] = []
  const server: Server = createServer((_request, response) => {
    held.push(() => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(models))
    })
  })
  const requestArrived = once(server, 'request')
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requestArrived,
    answer: () => held.splice(0).forEach((send) => send()),
    close: () => server.closeAllConnections(),
  }
}

/**
 * A Marqtune stand-in that never ends what it starts: a delete is never answered, a list sends
 * its head and a first part, then falls silent. Says when both requests have arrived.
 */
async function stuckUpstream() {
  const server: Server = createServer((incoming, response) => {
    if (incoming.method !== 'GET') return
    response.writeHead(200, { 'content-type': 'application/json' })
    response.write(`{"models":[${'{"modelId":"m"},'.repeat(30_000)}`)
  })
  let arrivals = 0
  const arrived = new Promise<void>((resolve) =>
    server.on('request', () => {
      if (++arrivals === 2) resolve()
    }),
  )
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, arrived, close: () => server.closeAllConnections() }
}

/** A request on a connection that would be kept alive; resolves with the answer's head. */
function ask(url: string, method = 'GET'): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers: { 'x-api-key': 'k', connection: 'keep-alive' } })
    sent.on('response', resolve).on('error', reject).end()
  })
}

let running: Spawned | undefined
let upstream: { close: () => void } | undefined
afterEach(() => {
  running?.process.kill('SIGKILL')
  upstream?.close()
})

async function startServer(upstreamUrl: string, env: Record<string, string> = {}) {
  running = await spawnServer(['server/prod/main.ts'], {
    MARQTUNE_URL: upstreamUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DIST_DIR: 'no-build-needed',
    ...env,
  })
  const child = running.process
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { ...running, exited }
}

describe('the production server on SIGTERM', () => {
  it('stops accepting, lets the request in flight finish, and exits 0', async () => {
    const slow = await slowUpstream()
    upstream = slow
    const server = await startServer(slow.url)
    const inFlight = fetch(`${server.url}/api/models`, { headers: { 'x-api-key': 'k' } })
    await slow.requestArrived

    server.process.kill('SIGTERM')
    await expect.poll(server.output).toMatch(/SIGTERM: stopping/)
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow('fetch failed')

    slow.answer()
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(models)
    expect(await server.exited).toBe(0)
    expect(server.output()).toMatch(/Stopped\./)
  })

  it('closes what is still in flight once the grace period is over, and still exits 0', async () => {
    const slow = await slowUpstream()
    upstream = slow
    const server = await startServer(slow.url, { SHUTDOWN_TIMEOUT_MS: '300' })
    const outcome = fetch(`${server.url}/api/models`, { headers: { 'x-api-key': 'k' } }).then(
      () => 'answered',
      () => 'cut',
    )
    await slow.requestArrived

    const signalled = performance.now()
    server.process.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(performance.now() - signalled).toBeLessThan(5_000)
    expect(server.output()).toMatch(/1 request\(s\) still in flight after 0.3 s: closing them/)
    expect(await outcome).toBe('cut')
  })

  it('says Connection: close on an answer finished while stopping, so no client reuses the socket', async () => {
    const slow = await slowUpstream()
    upstream = slow
    const server = await startServer(slow.url)
    const answer = ask(`${server.url}/api/models`)
    await slow.requestArrived

    server.process.kill('SIGTERM')
    await expect.poll(server.output).toMatch(/SIGTERM: stopping/)
    slow.answer()
    const response = await answer
    expect(response.statusCode).toBe(200)
    expect(response.headers.connection).toBe('close')
    response.resume()
    expect(await server.exited).toBe(0)
  })

  it('logs each request cut by the end of the grace period as cut, a delete in flight included', async () => {
    const stuck = await stuckUpstream()
    upstream = stuck
    const server = await startServer(stuck.url, { SHUTDOWN_TIMEOUT_MS: '300' })
    const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'
    const deleting = ask(`${server.url}/api/models/${modelId}`, 'DELETE').catch(() => 'cut')
    // The list has begun: its status and a first part went out before the stop.
    const listing = await ask(`${server.url}/api/models`)
    listing.on('error', () => {}).resume()
    await stuck.arrived

    server.process.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(await deleting).toBe('cut')
    const lines = server.output().split('\n')
    // Marqtune never answered the delete: whether it deleted the model is unknown, and the line
    // is there to say that it was sent.
    expect(lines.filter((line) => line.startsWith('DELETE '))).toEqual([
      expect.stringMatching(
        /^DELETE \/api\/models\/:modelId - \d+ms bytes=0 cut-by-stop id=[0-9a-f-]{36} key=[0-9a-f]{8}$/,
      ),
    ])
    expect(lines.filter((line) => line.startsWith('GET '))).toEqual([
      expect.stringMatching(/^GET \/api\/models 200 \d+ms bytes=[1-9]\d* cut-by-stop id=/),
    ])
  })
})

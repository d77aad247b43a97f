import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { spawnServer, type Spawned } from '../../scripts/spawn-server'

const models = { models: [{ modelId: 'slow-one', status: 'Ready' }] }

/** A Marqtune stand-in that takes `delayMs` to answer, and says when a request has arrived. */
async function slowUpstream(delayMs: number) {
  const server: Server = createServer((_request, response) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(models))
    }, delayMs).unref()
  })
  const requestArrived = once(server, 'request')
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requestArrived,
    close: () => server.closeAllConnections(),
  }
}

let running: Spawned | undefined
let upstream: Awaited<ReturnType<typeof slowUpstream>> | undefined
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
    upstream = await slowUpstream(1_500)
    const server = await startServer(upstream.url)
    const inFlight = fetch(`${server.url}/api/models`, { headers: { 'x-api-key': 'k' } })
    await upstream.requestArrived

    server.process.kill('SIGTERM')
    await expect.poll(server.output).toMatch(/SIGTERM: stopping/)
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow('fetch failed')

    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(models)
    expect(await server.exited).toBe(0)
    expect(server.output()).toMatch(/Stopped\./)
  })

  it('closes what is still in flight once the grace period is over, and still exits 0', async () => {
    upstream = await slowUpstream(20_000)
    const server = await startServer(upstream.url, { SHUTDOWN_TIMEOUT_MS: '300' })
    const outcome = fetch(`${server.url}/api/models`, { headers: { 'x-api-key': 'k' } }).then(
      () => 'answered',
      () => 'cut',
    )
    await upstream.requestArrived

    const signalled = performance.now()
    server.process.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(performance.now() - signalled).toBeLessThan(5_000)
    expect(server.output()).toMatch(/1 request\(s\) still in flight after 0.3 s: closing them/)
    expect(await outcome).toBe('cut')
  })
})

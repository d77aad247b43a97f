import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, expect, it } from 'vitest'

import { nodeSender } from './upstream-send'

// Our idle limit, shortened from the server's 4 s so the test waits for no more than it needs:
// what matters is that ours ends a connection well before the upstream's does.
const idleMs = 200
const nodeSend = nodeSender(idleMs)

// A Node server as the emulator is one: it closes a connection idle for 5 s (Node's default).
let connections = 0
const server = createServer((request, response) => {
  const delay = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('delay') ?? 0)
  setTimeout(() => response.end('{}'), delay)
})
server.on('connection', () => connections++)
server.keepAliveTimeout = 5_000
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
afterAll(() => new Promise((resolve) => server.close(resolve)))

async function send(path = '/models') {
  const answer = await nodeSend(new URL(path, base), {}, new AbortController().signal)
  return new Response(answer.body).text()
}

const openConnections = () =>
  new Promise<number>((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  )

it('reuses a connection, and closes it once idle before the upstream would', async () => {
  connections = 0
  await send()
  await send()
  expect(connections).toBe(1)
  expect(await openConnections()).toBe(1)

  // Soon after our idle limit and long before the upstream's: the connection is already gone,
  // so no request can be sent on it just as the upstream closes it.
  await expect.poll(openConnections, { timeout: 2_000 }).toBe(0)
  expect(await send()).toBe('{}')
  expect(connections).toBe(2)
})

it('waits for an answer slower than the idle limit', async () => {
  expect(await send(`/models?delay=${idleMs + 300}`)).toBe('{}')
})

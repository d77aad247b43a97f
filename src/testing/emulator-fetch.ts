import { vi } from 'vitest'

import {
  createEmulatorApp,
  demoKey,
  type EmulatorOptions,
} from '../../server/emulator/emulator-app'
import { fixtureAccount } from '../../server/emulator/accounts'
import { fetchSend } from '../../server/prod/upstream/fetch-send'
import { createServerApp } from '../../server/prod/server-app'

export { demoKey }

const emulatorOrigin = 'http://emulator.test'

/** The models of the account the tests run against. */
export const accountModels = fixtureAccount.models

/** Its evaluations as the emulator keeps them: what each evaluated, and its numbers. */
export const accountEvaluations = fixtureAccount.evaluations

/** Its datasets. */
export const accountDatasets = fixtureAccount.datasets

/** Queues faults on one route of the emulator `installEmulatorFetch({ faults: true })` made. */
export async function queueFaults(route: string, faults: unknown[]): Promise<void> {
  await fetch(`${emulatorOrigin}/__emulator/faults`, {
    method: 'POST',
    body: JSON.stringify({ route, faults }),
  })
}

/**
 * Routes the app's `fetch('/api/...')` through the real production server app to the real
 * emulator app, in process: component tests cross the same network layer as the browser does.
 * Returns the upstream requests the emulator saw: their paths, and each whole.
 */
export function installEmulatorFetch(options: Partial<EmulatorOptions> = {}) {
  const emulator = createEmulatorApp({
    account: fixtureAccount,
    keys: [demoKey],
    ...options,
  })
  const upstreamRequests: string[] = []
  /** Each upstream request whole: its method, path and query, and its body as text. */
  const upstreamCalls: Array<{ method: string; path: string; body: string | undefined }> = []
  const server = createServerApp({
    // The emulator is reached through the stubbed fetch below, not over a socket.
    upstream: { baseUrl: emulatorOrigin, timeoutMs: 5_000, send: fetchSend },
    distDir: 'dist',
    allowedHosts: ['app.test'],
    log: () => {},
  })
  const realFetch = globalThis.fetch
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://app.test')
    // jsdom's AbortSignal is not Node's, which Request insists on: honour it by hand.
    const { signal, ...rest } = init
    if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError')
    if (url.origin === emulatorOrigin) {
      upstreamRequests.push(url.pathname)
      const request = new Request(url, rest)
      upstreamCalls.push({
        method: request.method,
        path: `${url.pathname}${url.search}`,
        body: request.body ? await request.clone().text() : undefined,
      })
      return emulator.fetch(request)
    }
    if (url.origin === 'http://app.test') return server.fetch(new Request(url, rest))
    return realFetch(input, init)
  })
  return { upstreamRequests, upstreamCalls }
}

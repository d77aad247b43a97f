import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'

import { demoAccount } from '../server/emulator/accounts'
import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { createServerApp } from '../server/prod/server-app'

export { demoAccount, demoKey }

type Listening = { url: string; port: number; close: () => void }

/** Serves `fetch` over real HTTP; port 0 picks a free one. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  hostname = '127.0.0.1',
  port = 0,
) {
  return new Promise<Listening>((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, (info: AddressInfo) =>
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: () => server.close(),
      }),
    )
    server.once('error', reject)
  })
}

/** The emulator with the demo account and the production server in front of it, in-process. */
export async function startDemoServers(options: {
  host: string
  port: number
  emulatorPort: number
  /** The seeds' tasks move too (`--simulate`), one step every this many ms. */
  epochMs?: number
  log?: (line: string) => void
}) {
  const emulator = await listen(
    createEmulatorApp({
      account: demoAccount,
      keys: [demoKey],
      ...(options.epochMs ? { simulate: true, epochMs: options.epochMs } : {}),
    }).fetch,
    '127.0.0.1',
    options.emulatorPort,
  )
  const app = createServerApp({
    upstream: { baseUrl: emulator.url },
    distDir: 'dist',
    ...(options.log ? { log: options.log } : {}),
  })
  const server = await listen(app.fetch, options.host, options.port)
  return {
    url: server.url,
    emulatorUrl: emulator.url,
    close: () => {
      server.close()
      emulator.close()
    },
  }
}

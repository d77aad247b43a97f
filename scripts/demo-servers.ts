import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'

import { createEmulatorApp, demoKey } from '../server/emulator/emulator-app'
import { seedModels } from '../server/emulator/seed-models'
import { createServerApp } from '../server/prod/server-app'

export { demoKey, seedModels }

type Listening = { close: () => void; port: number }

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  hostname: string,
  port: number,
) {
  return new Promise<Listening>((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, (info: AddressInfo) =>
      resolve({ port: info.port, close: () => server.close() }),
    )
    server.once('error', reject)
  })
}

/** The emulator with the demo account and the production server in front of it, in-process. */
export async function startDemoServers(options: {
  host: string
  port: number
  emulatorPort: number
  log?: (line: string) => void
}) {
  const emulator = await listen(
    createEmulatorApp({ models: seedModels, keys: [demoKey], envelope: 'wrapped' }).fetch,
    '127.0.0.1',
    options.emulatorPort,
  )
  const app = createServerApp({
    upstream: { baseUrl: `http://127.0.0.1:${emulator.port}`, timeoutMs: 10_000 },
    distDir: 'dist',
    ...(options.log ? { log: options.log } : {}),
  })
  const server = await listen(app.fetch, options.host, options.port)
  return {
    url: `http://${options.host}:${server.port}`,
    emulatorUrl: `http://127.0.0.1:${emulator.port}`,
    close: () => {
      server.close()
      emulator.close()
    },
  }
}

import { afterAll, beforeEach } from 'vitest'

import { createServerApp, type ServerOptions } from '../server-app'
import { startFakeUpstream, type Reply } from './fake-upstream'

/** The key and ids the server's tests ask with: any key is forwarded, ids need only be UUIDs. */
export const key = 'secret-key-123'
export const modelId = '3725abdd-80f2-4030-8a8d-276519b4f678'
export const datasetId = '29dbe3f5-adcf-41e8-8c7e-8f9012345678'
export const evaluationId = '9b1c2d3e-4f50-4a61-8b72-c3d4e5f60718'

/**
 * A test file's fake upstream: started at once and closed after the file's tests; before each
 * test, what it has seen is forgotten and its reply is `reply` again.
 */
export async function fakeUpstreamPerFile(reply: Reply = { status: 200 }) {
  const upstream = await startFakeUpstream()
  afterAll(() => upstream.close())
  beforeEach(() => {
    upstream.seen.length = 0
    upstream.state.reply = { ...reply }
  })
  return upstream
}

/** The server app as the tests build it: no built app to serve, and no log unless `log` is given. */
export function testServerApp(options: Omit<ServerOptions, 'distDir'>) {
  return createServerApp({ distDir: 'server/prod/test-missing-dist', log: () => {}, ...options })
}

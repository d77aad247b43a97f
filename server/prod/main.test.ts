import { afterAll, afterEach, describe, expect, it } from 'vitest'

import { spawnServer, type Spawned } from '../../scripts/spawn-server'
import { raw, startFakeUpstream } from './testing/fake-upstream'

// The settings as `npm start` reads them from the environment, in the server's own process.
const upstream = await startFakeUpstream()
afterAll(() => upstream.close())
let running: Spawned | undefined
afterEach(() => {
  running?.process.kill('SIGKILL')
  running = undefined
})

const start = async (env: Record<string, string>) =>
  (running = await spawnServer(['server/prod/main.ts'], {
    MARQTUNE_URL: upstream.url,
    PORT: '0',
    HOST: '127.0.0.1',
    DIST_DIR: 'no-build-needed',
    ...env,
  }))

describe('PUBLIC_ORIGINS', () => {
  it('answers to its host and takes a delete from it, the port the proxy dropped included', async () => {
    const server = await start({ PUBLIC_ORIGINS: 'https://models.example.com:8443' })
    // Resolved on the first line: the others follow.
    await expect.poll(server.output).toMatch(/Answers to the host names .*models\.example\.com;/)
    await expect
      .poll(server.output)
      .toContain('Release, delete and evaluate are taken from https://models.example.com:8443')
    const answer = await raw(
      Number(new URL(server.url).port),
      [
        'DELETE /api/models/3725abdd-80f2-4030-8a8d-276519b4f678 HTTP/1.1',
        'Host: models.example.com',
        'Origin: https://models.example.com:8443',
        'Sec-Fetch-Site: same-origin',
        'x-api-key: k',
        'Connection: close',
        '',
        '',
      ].join('\r\n'),
    )
    expect(answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(upstream.seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'DELETE /models/3725abdd-80f2-4030-8a8d-276519b4f678',
    ])
  })

  it('refuses to start with a value that is not an origin', async () => {
    await expect(start({ PUBLIC_ORIGINS: 'models.example.com:8443' })).rejects.toThrow(
      /exited with 2: PUBLIC_ORIGINS takes origins such as .*, got: models\.example\.com:8443/,
    )
  })
})

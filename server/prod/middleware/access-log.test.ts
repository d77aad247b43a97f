import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'

import { createServerApp } from '../server-app'
import { listenApp } from '../testing/fake-upstream'

const distDir = mkdtempSync(join(tmpdir(), 'access-log-dist-'))
writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>t</title><p>page</p>')
const lines: string[] = []
const server = await listenApp(
  createServerApp({
    upstream: { baseUrl: 'http://127.0.0.1:9' },
    distDir,
    log: (line) => lines.push(line),
  }),
)
afterAll(() => {
  server.close()
  rmSync(distDir, { recursive: true, force: true })
})

it('logs a file read to its end as complete, with its length', async () => {
  for (const encoding of ['identity', 'br']) {
    lines.length = 0
    const response = await fetch(`${server.url}/`, { headers: { 'accept-encoding': encoding } })
    const body = await response.arrayBuffer()
    await expect.poll(() => lines.length).toBe(1)
    expect(lines[0]).toMatch(new RegExp(`^GET \\S+ 200 \\d+ms bytes=${body.byteLength} complete `))
  }
})

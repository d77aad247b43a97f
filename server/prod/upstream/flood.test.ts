import { afterAll, describe, expect, it } from 'vitest'

import { listenApp, startFakeUpstream } from '../testing/fake-upstream'
import { expectGuarantees } from '../testing/guarantees'
import { testServerApp } from '../testing/test-server'

const upstream = await startFakeUpstream()
const logLines: string[] = []
const bound = 4
const server = await listenApp(
  testServerApp({
    upstream: { baseUrl: upstream.url, timeoutMs: 3_000, maxRequests: bound },
    log: (line) => logLines.push(line),
  }),
)
afterAll(async () => {
  server.close()
  await upstream.close()
})

describe('a flood of requests against a hanging upstream', () => {
  it('forwards only up to the bound, answers the rest 503 at once, and keeps /healthz up', async () => {
    upstream.state.reply = { status: 200, misbehave: 'hang' }
    const flood = Array.from({ length: 40 }, async () => {
      const response = await fetch(`${server.url}/api/models`, { headers: { 'x-api-key': 'k' } })
      return { response, at: performance.now() }
    })
    await expect.poll(() => upstream.seen.length, { timeout: 5_000 }).toBe(bound)
    const health = await fetch(`${server.url}/healthz`)
    const healthAt = performance.now()
    const answers = await Promise.all(flood)

    // Answered while the forwarded ones still hung, not once the flood had drained.
    expect(health.status).toBe(200)
    const waited = answers.filter(({ response }) => response.status === 504)
    expect(waited).toHaveLength(bound)
    expect(healthAt).toBeLessThan(Math.min(...waited.map(({ at }) => at)))

    const busy = answers.filter(({ response }) => response.status === 503)
    expect(busy).toHaveLength(40 - bound)
    for (const { response, at } of busy) {
      expect(at).toBeLessThan(Math.min(...waited.map((answer) => answer.at)))
      expect(response.headers.get('retry-after')).toBe('2')
      expect((await expectGuarantees(response, 503, logLines)).message).toContain('busy')
    }
    expect(upstream.seen).toHaveLength(bound)

    // Every slot is free again once the flood is over.
    upstream.state.reply = { status: 200 }
    const after = await fetch(`${server.url}/api/models`, { headers: { 'x-api-key': 'k' } })
    expect(after.status).toBe(200)
  })
})

import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { createServerApp } from './server-app'
import { builtPageHashes } from './inline-hashes'

function distWith(html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inline-hashes-'))
  writeFileSync(join(dir, 'index.html'), html)
  return dir
}

describe('the CSP of the built page', () => {
  const body = "\ndocument.documentElement.classList.toggle('dark', true)\n"
  const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`

  it('allows the inline script of index.html by its hash, and no script with attributes', () => {
    const dir = distWith(
      `<html><head><script>${body}</script><script type="module" src="/assets/a.js"></script></head></html>`,
    )
    expect(builtPageHashes(dir, () => {})()).toEqual([hash])
  })

  it('allows no inline script without a build', () => {
    expect(builtPageHashes(join(tmpdir(), 'no-such-build'), () => {})()).toEqual([])
  })

  it('notices a page rebuilt without a restart: the new script’s hash, and a log line', async () => {
    const dir = distWith(`<html><head><script>${body}</script></head><body></body></html>`)
    const lines: string[] = []
    const app = createServerApp({
      upstream: { baseUrl: 'http://127.0.0.1:9' },
      distDir: dir,
      log: (line) => lines.push(line),
    })
    const policy = async () =>
      (await app.request('http://localhost/')).headers.get('content-security-policy') ?? ''
    expect(await policy()).toContain(hash)

    const rebuilt = "\ndocument.documentElement.classList.toggle('dark', false)\n"
    writeFileSync(join(dir, 'index.html'), `<html><head><script>${rebuilt}</script></head></html>`)
    const fresh = `'sha256-${createHash('sha256').update(rebuilt).digest('base64')}'`
    expect(await policy()).toContain(`script-src 'self' ${fresh};`)
    expect(await policy()).not.toContain(hash)
    expect(lines.filter((line) => /index\.html changed/.test(line))).toHaveLength(1)
  })

  it('sends that hash in script-src, and nothing for styles', async () => {
    const app = createServerApp({
      upstream: { baseUrl: 'http://127.0.0.1:9' },
      distDir: distWith(`<html><head><script>${body}</script></head><body></body></html>`),
      log: () => {},
    })
    const response = await app.request('http://localhost/')
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain(`script-src 'self' ${hash}`)
    expect(policy).toContain("style-src 'self';")
  })
})

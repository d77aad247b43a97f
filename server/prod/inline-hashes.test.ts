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

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('the CSP of the built page', () => {
  const body = "\ndocument.documentElement.classList.toggle('dark', true)\n"
  const hash = sha256(body)
  const sheet = 'main{display:flex}\n.card{color:red}'

  it('allows the inline script and style sheet of index.html by their hashes, and nothing with attributes', () => {
    const dir = distWith(
      `<html><head><script>${body}</script><script type="module" src="/assets/a.js"></script><style>${sheet}</style><style media="print">a{}</style></head></html>`,
    )
    expect(builtPageHashes(dir, () => {})()).toEqual({ scripts: [hash], styles: [sha256(sheet)] })
  })

  it('hashes the text as the browser reads it, with CRLF line breaks as LF', () => {
    const dir = distWith(`<html><head><style>${sheet.replace('\n', '\r\n')}</style></head></html>`)
    expect(builtPageHashes(dir, () => {})().styles).toEqual([sha256(sheet)])
  })

  it('allows no inline block without a build', () => {
    expect(builtPageHashes(join(tmpdir(), 'no-such-build'), () => {})()).toEqual({
      scripts: [],
      styles: [],
    })
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

  it('sends the script’s hash in script-src and the style sheet’s in style-src, and neither for /api', async () => {
    const app = createServerApp({
      upstream: { baseUrl: 'http://127.0.0.1:9' },
      distDir: distWith(
        `<html><head><script>${body}</script><style>${sheet}</style></head><body></body></html>`,
      ),
      log: () => {},
    })
    const response = await app.request('http://localhost/')
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain(`script-src 'self' ${hash};`)
    expect(policy).toContain(`style-src 'self' ${sha256(sheet)};`)
    // A hash allows a <style> block, never a style attribute: that would take 'unsafe-hashes'.
    expect(policy).not.toContain('unsafe')

    const api = await app.request('http://localhost/api/config')
    const apiPolicy = api.headers.get('content-security-policy') ?? ''
    expect(apiPolicy).not.toContain('sha256')
  })

  it('allows only the style sheet of a page without inline scripts', async () => {
    const app = createServerApp({
      upstream: { baseUrl: 'http://127.0.0.1:9' },
      distDir: distWith(`<html><head><style>${sheet}</style></head><body></body></html>`),
      log: () => {},
    })
    const policy = (await app.request('http://localhost/')).headers.get('content-security-policy')
    expect(policy).toContain("script-src 'self';")
    expect(policy).toContain(`style-src 'self' ${sha256(sheet)};`)
  })
})

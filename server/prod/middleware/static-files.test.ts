import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'

import { createServerApp } from '../server-app'

// A build as scripts/compress-assets.ts leaves it: each text file beside its .br and .gz copies.
const distDir = mkdtempSync(join(tmpdir(), 'static-files-'))
afterAll(() => rmSync(distDir, { recursive: true, force: true }))
const script = Buffer.from(`console.log(${JSON.stringify('the app '.repeat(500))})`)
const page = Buffer.from(`<!doctype html><title>${'Models '.repeat(100)}</title>`)
mkdirSync(join(distDir, 'assets'))
for (const [file, bytes] of [
  ['assets/index-abc123.js', script],
  ['index.html', page],
] as const) {
  writeFileSync(join(distDir, file), bytes)
  writeFileSync(join(distDir, `${file}.br`), brotliCompressSync(bytes))
  writeFileSync(join(distDir, `${file}.gz`), gzipSync(bytes))
}
writeFileSync(join(distDir, 'assets/index-abc123.js.map'), '{"sources":["src/secret.ts"]}')
// What a build or a deploy may leave beside the app, never meant to be served.
writeFileSync(join(distDir, '.secret'), 'secret: token')
writeFileSync(join(distDir, 'assets/.env'), 'SECRET=token')

const app = createServerApp({ upstream: { baseUrl: 'http://127.0.0.1:9' }, distDir, log: () => {} })
const get = (path: string, acceptEncoding?: string) =>
  app.request(path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer())

describe('the built app', () => {
  it('sends the brotli copy to a browser that accepts it, with its own length', async () => {
    const response = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('br')
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(response.headers.get('vary')).toBe('Accept-Encoding')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const sent = await bytesOf(response)
    expect(response.headers.get('content-length')).toBe(String(sent.length))
    expect(sent.length).toBeLessThan(script.length / 5)
    expect(brotliDecompressSync(sent).equals(script)).toBe(true)
  })

  it('sends gzip when only gzip is accepted, and the file itself when nothing is', async () => {
    const gzipped = await get('/assets/index-abc123.js', 'gzip')
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytesOf(gzipped)).equals(script)).toBe(true)

    const refused = await get('/assets/index-abc123.js', 'br;q=0, identity')
    expect(refused.headers.get('content-encoding')).toBeNull()

    const plain = await get('/assets/index-abc123.js')
    expect(plain.headers.get('content-encoding')).toBeNull()
    // Said on the plain answer too, so a shared cache never hands it out for a brotli request.
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(plain.headers.get('content-length')).toBe(String(script.length))
    expect((await bytesOf(plain)).equals(script)).toBe(true)
  })

  it('sends the page compressed, for its own path and for client-side routes, never cached stale', async () => {
    for (const path of ['/', '/models/some-id']) {
      const response = await get(path, 'br')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(response.headers.get('content-encoding')).toBe('br')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(brotliDecompressSync(await bytesOf(response)).equals(page)).toBe(true)
    }
  })

  it.each(['/robots.txt', '/favicon.ico', '/sitemap.xml', '/models/export.csv'])(
    'answers 404 for a file that is not there (%s), rather than the page',
    async (path) => {
      const response = await get(path, 'br')
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).not.toMatch(/html/)
      expect(response.headers.get('cache-control')).toBeNull()
    },
  )

  it('answers 404 for an asset that is not there, rather than the page', async () => {
    const response = await get('/assets/index-old999.js', 'br')
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBeNull()
  })

  it.each(['/.secret', '/assets/.env'])('never serves a dotfile: %s is a 404', async (path) => {
    const response = await get(path)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })

  it('never serves the hidden source maps', async () => {
    const response = await get('/assets/index-abc123.js.map')
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })
})

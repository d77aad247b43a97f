import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Sizes in bytes: the file, and the copies the server sends for `br` and for `gzip` (see compress-assets.ts). */
export type Asset = { file: string; kind: 'js' | 'css'; raw: number; brotli: number; gzip: number }

/** 110 KiB of JavaScript as the server sends it to a browser that accepts brotli (issue 16). */
export const initialJsBudget = 110 * 1024

/**
 * What the browser loads before the first paint: the scripts, module preloads and style sheets
 * that dist/index.html names, and the style sheet it holds (scripts/inline-style-sheet.ts; its
 * compressed sizes are those of the sheet alone, as part of the page it costs about as much).
 * Lazily loaded chunks (panel, compare view) are not counted.
 */
export function initialAssets(distDir = 'dist'): Asset[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const references = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(js|css))"/g)]
  const files = [
    ...new Map(
      references.map((match) => [match[1]!, match[2] === 'css' ? 'css' : 'js'] as const),
    ).entries(),
  ].map(([file, kind]): Asset => {
    const path = join(distDir, file)
    const raw = statSync(path).size
    return { file, kind, raw, brotli: sentSize(path, '.br', raw), gzip: sentSize(path, '.gz', raw) }
  })
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]): Asset => {
    const bytes = Buffer.from(css!)
    return {
      file: 'index.html <style>',
      kind: 'css',
      raw: bytes.length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }).length,
      gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
    }
  })
  return [...files, ...inline]
}

/** The build's compressed copy as it is on disk; without one, the server sends the file itself. */
function sentSize(path: string, suffix: string, raw: number): number {
  return existsSync(path + suffix) ? statSync(path + suffix).size : raw
}

export function total(
  assets: Asset[],
  kind: Asset['kind'],
  size: 'raw' | 'brotli' | 'gzip',
): number {
  return assets.filter((asset) => asset.kind === kind).reduce((sum, asset) => sum + asset[size], 0)
}

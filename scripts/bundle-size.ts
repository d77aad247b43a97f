import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export type Asset = { file: string; kind: 'js' | 'css'; raw: number; gzip: number }

/** 120 KiB of gzipped JavaScript before anything is opened (issue 6's budget). */
export const initialJsBudget = 120 * 1024

/**
 * What the browser loads before the first paint: the scripts, module preloads and style sheets
 * that dist/index.html names. Lazily loaded chunks (panel, compare view) are not counted.
 */
export function initialAssets(distDir = 'dist'): Asset[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const references = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(js|css))"/g)]
  return [
    ...new Map(
      references.map((match) => [match[1]!, match[2] === 'css' ? 'css' : 'js'] as const),
    ).entries(),
  ].map(([file, kind]) => {
    const bytes = readFileSync(join(distDir, file))
    return { file, kind, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
}

export function total(assets: Asset[], kind: Asset['kind'], size: 'raw' | 'gzip'): number {
  return assets.filter((asset) => asset.kind === kind).reduce((sum, asset) => sum + asset[size], 0)
}

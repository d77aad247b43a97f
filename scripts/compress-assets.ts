import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Text formats only: images and fonts of ours are already compressed, and source maps are never
 * served (server/prod/middleware/static-files.ts refuses them), so compressing those would only cost time.
 */
const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml|ico)$/

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build, once, at the
 * highest levels: the server then sends them as they are and never compresses an asset per
 * request. A copy that would not be smaller is not written, so the server sends the file itself.
 */
export function compressAssets(): Plugin {
  let outDir = 'dist'
  return {
    name: 'marqtune:compress-assets',
    apply: 'build',
    configResolved(config: ResolvedConfig) {
      outDir = resolve(config.root, config.build.outDir)
    },
    // Not closeBundle: that also runs after a failed build, when there is nothing to compress.
    async writeBundle() {
      const files = (await filesUnder(outDir)).filter((file) => compressible.test(file))
      await Promise.all(files.map(writeCompressedCopies))
    },
  }
}

async function writeCompressedCopies(file: string) {
  const bytes = await readFile(file)
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ])
  await Promise.all([
    br.length < bytes.length ? writeFile(`${file}.br`, br) : undefined,
    gz.length < bytes.length ? writeFile(`${file}.gz`, gz) : undefined,
  ])
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir)
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry)
      return (await stat(path)).isDirectory() ? filesUnder(path) : [path]
    }),
  )
  return nested.flat()
}

import type { Plugin, Rolldown } from 'vite'

/** V8's explicit compile hint: every function of the file is compiled as the file loads. */
export const compileHint = '//# allFunctionsCalledOnLoad'

/**
 * Marks the code of one lazily loaded view (`view`, a source path: the models view) for eager
 * compilation: its chunk and the chunks it imports, less those the page's entry loaded already.
 * V8 otherwise compiles each function on its first call, on the main thread, in the frame that
 * shows the view; with the hint it compiles them as the files stream in, off the main thread, while
 * the key screen waits for a key (Chromium 136 and later; other engines read a comment).
 * docs/decisions/0011-eager-compilation.md has the measurements, and why the entry is left lazy.
 *
 * The files keep the names hashed before the hint was added, as with the dependency map Vite puts
 * at the top of some chunks in the same hook: the hint changes no behaviour, so a copy cached
 * without it works the same.
 */
export function compileHints(view: string): Plugin {
  return {
    name: 'marqtune:compile-hints',
    apply: 'build',
    // After Vite's own changes to the chunks.
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter(
          (item): item is Rolldown.OutputChunk => item.type === 'chunk',
        )
        const viewChunk = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(`/${view}`))
        if (!viewChunk) throw new Error(`compile hints: no chunk for ${view}`)
        const loaded = chunkGraph(
          bundle,
          chunks.find((chunk) => chunk.isEntry),
        )
        for (const [file, chunk] of chunkGraph(bundle, viewChunk)) {
          if (loaded.has(file)) continue
          chunk.code = `${compileHint}\n${chunk.code}`
          shiftMapDown(bundle, file)
        }
      },
    },
  }
}

/** A chunk and every chunk it imports, directly or not, by file name. */
function chunkGraph(
  bundle: Rolldown.OutputBundle,
  root: Rolldown.OutputChunk | undefined,
): Map<string, Rolldown.OutputChunk> {
  const found = new Map<string, Rolldown.OutputChunk>()
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (found.has(chunk.fileName)) return
    found.set(chunk.fileName, chunk)
    for (const file of chunk.imports) {
      const imported = bundle[file]
      if (imported?.type === 'chunk') visit(imported)
    }
  }
  if (root) visit(root)
  return found
}

/**
 * One line more at the top of a chunk: its source map (its own file, `sourcemap: 'hidden'`)
 * moves down by one line.
 */
function shiftMapDown(bundle: Rolldown.OutputBundle, file: string): void {
  const map = bundle[`${file}.map`]
  if (map?.type !== 'asset') return
  const text = typeof map.source === 'string' ? map.source : new TextDecoder().decode(map.source)
  const json: unknown = JSON.parse(text)
  if (typeof json !== 'object' || json === null || !('mappings' in json)) {
    throw new Error(`compile hints: ${file}.map has no mappings`)
  }
  map.source = JSON.stringify({ ...json, mappings: `;${String(json.mappings)}` })
}

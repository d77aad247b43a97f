import type { Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'

import { compileHint, compileHints } from './compile-hints'

function chunk(
  fileName: string,
  imports: string[],
  extra: Partial<Rolldown.OutputChunk> = {},
): Rolldown.OutputChunk {
  return {
    type: 'chunk',
    fileName,
    imports,
    code: `// ${fileName}\n`,
    isEntry: false,
    facadeModuleId: null,
    ...extra,
  } as Rolldown.OutputChunk
}

function mapOf(mappings: string): Rolldown.OutputAsset {
  return {
    type: 'asset',
    fileName: 'x.map',
    source: JSON.stringify({ version: 3, mappings }),
  } as Rolldown.OutputAsset
}

/** A build: the entry and the models view share React; the view brings the table's packages. */
function bundle(): Rolldown.OutputBundle {
  return {
    'index.js': chunk('index.js', ['vendor.js'], { isEntry: true }),
    'vendor.js': chunk('vendor.js', []),
    'models-loader.js': chunk('models-loader.js', ['vendor.js', 'vendor-table.js'], {
      facadeModuleId: '/app/src/models/models-loader.tsx',
    }),
    'vendor-table.js': chunk('vendor-table.js', []),
    'vendor-table.js.map': mapOf('AAAA;AACA'),
    'compare-view.js': chunk('compare-view.js', ['vendor.js'], {
      facadeModuleId: '/app/src/models/panel/compare-view.tsx',
    }),
  }
}

function run(built: Rolldown.OutputBundle, view = 'src/models/models-loader.tsx') {
  const hook = compileHints(view).generateBundle as {
    handler: (options: unknown, bundle: Rolldown.OutputBundle) => void
  }
  hook.handler({}, built)
  return Object.values(built)
    .filter((item): item is Rolldown.OutputChunk => item.type === 'chunk')
    .filter((item) => item.code.startsWith(`${compileHint}\n`))
    .map((item) => item.fileName)
}

describe('compileHints', () => {
  it("marks the view's chunks for eager compilation, not what the entry loaded nor other views", () => {
    expect(run(bundle()).toSorted()).toEqual(['models-loader.js', 'vendor-table.js'])
  })

  it("moves a marked chunk's source map down by the hint's line", () => {
    const built = bundle()
    run(built)
    const map = built['vendor-table.js.map'] as Rolldown.OutputAsset
    expect(JSON.parse(String(map.source))).toEqual({ version: 3, mappings: ';AAAA;AACA' })
    expect((built['vendor-table.js'] as Rolldown.OutputChunk).code).toBe(
      `${compileHint}\n// vendor-table.js\n`,
    )
  })

  it('fails the build when the view has no chunk of its own', () => {
    expect(() => run(bundle(), 'src/models/renamed.tsx')).toThrow(
      'compile hints: no chunk for src/models/renamed.tsx',
    )
  })
})

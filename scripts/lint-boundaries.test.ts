/**
 * The folder boundaries of docs/architecture.md are rules in .oxlintrc.json. This lints small
 * files that break each of them, placed deeper than any real file, with the project's own
 * configuration (in a scratch copy of the tree), and expects every forbidden import to be
 * reported and every allowed one to pass. Removing or loosening a rule fails it.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type Probe = { file: string; forbidden: string[]; allowed?: string[] }

const probes: Probe[] = [
  {
    file: 'src/lib/deep/nested/probe.ts',
    forbidden: [
      '../../../models/domain/status',
      '@/models/domain/status',
      '@/api/client',
      // A `..` anywhere climbs out of a folder, whatever comes before it.
      '@/lib/../models/domain/status',
      './../../../models/domain/status',
      // Caught by the server rule alone.
      'server/prod/server-app',
    ],
    allowed: ['./sibling', '@/lib/format'],
  },
  { file: 'src/components/deep/probe.tsx', forbidden: ['@/session/key-store', '@/app/app'] },
  {
    file: 'src/api/deep/probe.ts',
    forbidden: ['@/session/key-store', '@/components/badge', '@/models/models-loader'],
    allowed: ['@/lib/guards', '@/api/client'],
  },
  {
    file: 'src/session/deep/probe.ts',
    forbidden: ['@/models/models-screen', '@/app/dashboard'],
    allowed: ['@/api/model-queries', '@/components/alert'],
  },
  {
    file: 'src/models/domain/deep/probe.ts',
    forbidden: [
      'react',
      '@tanstack/react-table',
      '@/components/badge',
      '@/models/engine/ranks',
      './../../table/model-row',
      '@/models/domain/../table/model-row',
      '@/models/domain/../../app/app',
      '@/session/key-screen',
      '@/api/model-queries',
    ],
    allowed: ['@/lib/format', '@/api/model-schema', '@common/model-id', '@/models/domain/status'],
  },
  {
    file: 'src/models/engine/deep/probe.ts',
    forbidden: [
      'react-dom/client',
      'nuqs',
      '@/models/domain/status',
      '../../columns/model-columns',
    ],
    allowed: ['@/lib/natural-key', '@/models/engine/facets'],
  },
  {
    file: 'src/models/columns/deep/probe.tsx',
    forbidden: ['@/models/view/url-state', '@/models/panel/model-panel', '@/models/models-screen'],
    allowed: ['@/models/domain/status', '@/models/engine/ranks', '@tanstack/react-table'],
  },
  {
    file: 'src/models/view/deep/probe.ts',
    forbidden: ['@/models/table/model-table', '@/models/live/polling', '@/app/app'],
    allowed: ['@/models/columns/column-registry', 'nuqs'],
  },
  {
    file: 'src/models/live/deep/probe.ts',
    forbidden: ['@/models/columns/column-registry', '@/models/view/url-state'],
    allowed: ['@/models/domain/status'],
  },
  {
    file: 'src/models/watching/deep/probe.ts',
    forbidden: ['@/models/view/url-state', '@/models/live/polling', '@/models/panel/model-panel'],
    allowed: ['@/models/domain/outcome', '@/api/model-queries'],
  },
  {
    file: 'src/models/table/deep/probe.tsx',
    forbidden: ['@/models/toolbar/models-toolbar', '@/models/panel/model-panel'],
    allowed: ['@/models/view/use-selection', '@/models/columns/column-meta'],
  },
  {
    file: 'src/models/toolbar/deep/probe.tsx',
    forbidden: ['@/models/table/model-table', '@/models/panel/model-panel'],
    allowed: ['@/models/engine/facets', '@/components/popover', '@/models/watching/watch-toggle'],
  },
  {
    file: 'src/models/panel/deep/probe.tsx',
    forbidden: ['@/models/toolbar/failure-triage', '../../../app/app', '@/testing/render'],
    allowed: [
      '@/models/columns/status-badge',
      '@/api/model-logs',
      '@/models/watching/watch-toggle',
      'react',
    ],
  },
  {
    file: 'src/models/evaluations/deep/probe.tsx',
    forbidden: [
      '@/models/panel/model-panel',
      '@/models/watching/watch-toggle',
      '@/models/models-screen',
      '@/app/app',
    ],
    allowed: [
      '@/models/table/grid-styles',
      '@/models/toolbar/screen-switch',
      '@/models/live/polling',
      '@/models/view/evaluation-metrics-query',
    ],
  },
  {
    file: 'src/models/actions/deep/probe.tsx',
    forbidden: ['@/models/panel/model-panel', '@/models/table/model-row', '@/models/models-screen'],
    allowed: ['@/models/view/use-selection', '@/api/model-actions', '@/components/confirm-dialog'],
  },
  {
    file: 'src/app/deep/probe.tsx',
    forbidden: [
      '../../../server/prod/server-app',
      '@/testing/render',
      '../../models/models-loader',
    ],
    allowed: ['@/models/models-loader', '@/session/key-store'],
  },
  {
    file: 'common/deep/probe.ts',
    forbidden: [
      '@/models/domain/status',
      '../../src/lib/format',
      '@/api/client',
      '@/lib/format',
      '@/components/badge',
    ],
  },
  {
    file: 'server/deep/nested/probe.ts',
    forbidden: ['../../../src/api/client', '@/api/client'],
    allowed: ['../../../common/model-id', 'hono'],
  },
  // Tests may reach anywhere: they set up the real server and emulator.
  { file: 'src/models/engine/deep/probe.test.ts', forbidden: [], allowed: ['react', '../../x'] },
]

let scratch: string
let reported: Map<string, Set<number>>

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lint-boundaries-'))
  const config: { options?: unknown } = JSON.parse(readFileSync('.oxlintrc.json', 'utf8'))
  // Type information is not needed for import rules, and the probes belong to no tsconfig.
  delete config.options
  writeFileSync(join(scratch, '.oxlintrc.json'), JSON.stringify(config))
  for (const { file, forbidden, allowed = [] } of probes) {
    const lines = [...forbidden, ...allowed].map((from, at) => `import * as m${at} from '${from}'`)
    mkdirSync(dirname(join(scratch, file)), { recursive: true })
    writeFileSync(
      join(scratch, file),
      `${lines.join('\n')}\nexport const all = [${lines.map((_, at) => `m${at}`).join(', ')}]\n`,
    )
  }
  const oxlint = resolve('node_modules/.bin/oxlint')
  // oxlint exits 1 when it reports errors, which is what this test expects it to do.
  const { stdout: output } = spawnSync(
    oxlint,
    ['-c', '.oxlintrc.json', '-f', 'json', 'src', 'common', 'server'],
    {
      cwd: scratch,
      encoding: 'utf8',
    },
  )
  const { diagnostics } = JSON.parse(output) as {
    diagnostics: Array<{
      code: string
      filename: string
      labels: Array<{ span: { line: number } }>
    }>
  }
  reported = new Map()
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'eslint(no-restricted-imports)') continue
    const lines = reported.get(diagnostic.filename) ?? new Set<number>()
    for (const label of diagnostic.labels) lines.add(label.span.line)
    reported.set(diagnostic.filename, lines)
  }
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('folder boundaries, at any depth', () => {
  it.each(probes)('$file', ({ file, forbidden, allowed = [] }) => {
    const flagged = [...(reported.get(file) ?? [])].toSorted((a, b) => a - b)
    const imports = [...forbidden, ...allowed]
    expect(flagged.map((line) => imports[line - 1])).toEqual(forbidden)
  })
})

import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const empty = mkdtempSync(join(tmpdir(), 'unbuilt-'))
afterAll(() => rmSync(empty, { recursive: true, force: true }))

describe('npm start', () => {
  it('without a built server, says in one line what to run, and fails', () => {
    const started = spawnSync(process.execPath, [resolve('scripts/start.mjs')], {
      cwd: empty,
      encoding: 'utf8',
    })
    expect(started.status).toBe(1)
    expect(started.stdout).toBe('')
    expect(started.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^No built server .*run `npm run build` first/),
    ])
  })
})

import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']

function newestChange(path: string): number {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(0, ...readdirSync(path).map((entry) => newestChange(join(path, entry))))
}

/** Runs `vite build` when dist/ is missing or older than any of its sources. */
export function buildIfStale() {
  const builtAt = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0
  if (builtAt >= Math.max(...sources.filter((path) => existsSync(path)).map(newestChange))) return
  console.log('Building the app…')
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
